import FornyeFormats
public import Foundation

/// A project list as rows of named fields, read with FornyeFormats' CSV reader so a broken
/// quote or a bad byte is refused with its line and column.
enum ProjectCSV {
    /// Fields by column name, every record checked against the header's width.
    static func table(_ text: String, file: String) throws(ProjectError) -> [(line: Int, values: [String: String])] {
        let table: CSVTable
        do {
            table = try CSVTable.parse(text, file: file)
        } catch {
            switch error {
            case .located(let location, let message):
                throw .importFailed(
                    file: file, row: location.line, column: location.field ?? location.column.map { "\($0)" },
                    message: message)
            case .unreadableFile(_, let reason):
                throw .importFailed(file: file, row: nil, column: nil, message: reason)
            }
        }
        let names = table.header.map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [(line: Int, values: [String: String])] = []
        for (record, line) in zip(table.rows, table.lines) {
            // A blank line between records is no record.
            if record.count == 1 && record[0].isEmpty { continue }
            guard record.count == names.count else {
                throw .importFailed(
                    file: file, row: line, column: nil,
                    message: "has \(record.count) fields; the header has \(names.count)")
            }
            rows.append((line, Dictionary(zip(names, record), uniquingKeysWith: { first, _ in first })))
        }
        return rows
    }
}

/// How the columns of a CSV file become project records.
public struct ProjectImportMapping: Sendable {
    public var name: String
    public var requiredColumns: [String]
    /// Makes one document from a row; throws a message naming the column at fault.
    public var document: @Sendable (_ values: [String: String]) throws(ColumnError) -> ProjectDocument

    public struct ColumnError: Error, Sendable {
        public var column: String
        public var message: String
        public init(_ column: String, _ message: String) {
            self.column = column
            self.message = message
        }
    }

    public init(
        name: String, requiredColumns: [String],
        document: @escaping @Sendable (_ values: [String: String]) throws(ColumnError) -> ProjectDocument
    ) {
        self.name = name
        self.requiredColumns = requiredColumns
        self.document = document
    }

    /// Every row of `text` as a document, or the first problem located by file, line and column.
    /// Each document is also validated, so an import either loads whole or not at all.
    public func documents(_ text: String, file: String) throws(ProjectError) -> [ProjectDocument] {
        try documents(rows: try ProjectCSV.table(text, file: file), file: file)
    }

    /// Every object of a JSON array read as a row of named fields (another system's flat export):
    /// texts as they are, numbers and booleans written out, lists of plain values joined by «;»
    /// as in the CSV, null as empty. Rows are numbered from 1 in the order of the array.
    public func documents(json data: Data, file: String) throws(ProjectError) -> [ProjectDocument] {
        try FlatJSONShape.check(data, file: file, limits: CSVTable.defaultLimits)
        let objects: [FlatJSON]
        do {
            objects = try JSONDecoder().decode([FlatJSON].self, from: data)
        } catch {
            throw .importFailed(file: file, row: nil, column: nil, message: "not a JSON array of objects")
        }
        var rows: [(line: Int, values: [String: String])] = []
        for (index, element) in objects.enumerated() {
            guard case .object(let object) = element else {
                throw .importFailed(file: file, row: index + 1, column: nil, message: "is not a JSON object")
            }
            var values: [String: String] = [:]
            for (name, value) in object {
                guard let text = value.flatText else {
                    throw .importFailed(
                        file: file, row: index + 1, column: name,
                        message: "holds a nested object; a mapped import reads flat fields only")
                }
                values[name] = text
            }
            rows.append((index + 1, values))
        }
        return try documents(rows: rows, file: file)
    }

    func documents(rows: [(line: Int, values: [String: String])], file: String) throws(ProjectError)
        -> [ProjectDocument]
    {
        if let first = rows.first {
            for column in requiredColumns where first.values[column] == nil {
                throw .importFailed(file: file, row: 1, column: column, message: "the header lacks this column")
            }
        }
        var documents: [ProjectDocument] = []
        for row in rows {
            let document: ProjectDocument
            do throws(ColumnError) {
                document = try self.document(row.values)
            } catch {
                throw .importFailed(file: file, row: row.line, column: error.column, message: error.message)
            }
            if let problem = ProjectValidation.errors(of: document).first {
                throw .importFailed(file: file, row: row.line, column: problem.field, message: problem.message)
            }
            documents.append(document)
        }
        return documents
    }
}

extension ProjectImportMapping {
    public static let ipsxSourceName =
        "Innovative Public Services Explorer (IPS-X), European Commission Joint Research Centre"

    /// The EU JRC's IPS-X cases (`cases.csv`, EUPL-1.2): name → title, description → summary (the
    /// whole text in `solution` when longer than a summary may be), lead organisation → owner,
    /// status → stage, technology and application type → what is new, sectors → service area.
    /// Contacts are left out: the cases' contacts never consented to publication here.
    public static let ipsx = ProjectImportMapping(
        name: "ipsx", requiredColumns: ["id", "name", "description", "status", "geocoverage_codes"]
    ) { values throws(ColumnError) in
        func value(_ column: String) -> String {
            (values[column] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var document = ProjectDocument()
        document.language = "en"
        document.licence = "EUPL-1.2"
        document.title = value("name")
        guard !document.title.isEmpty else { throw ColumnError("name", "a case needs a name") }
        let description = value("description")
        if description.count > ProjectValidation.summaryLimit {
            document.summary = String(description.prefix(ProjectValidation.summaryLimit - 1)) + "…"
            document.solution = description
        } else {
            document.summary = description
        }
        document.ownerName = value("lead_organisation_name")
        let codes = value("geocoverage_codes").split(whereSeparator: { ",; ".contains($0) }).map(String.init)
        document.country = codes.first.map { $0 == "UK" ? "GB" : $0 } ?? "EU"
        if document.country.count != 2 { document.country = "EU" }
        let stages: [String: ProjectStage] = [
            "planned": .idea, "in development": .development, "pilot": .pilot, "implemented": .implemented,
            "in production": .implemented, "not in use anymore": .discontinued,
        ]
        let status = value("status")
        if status.isEmpty {
            document.stage = .idea
        } else if let stage = stages[status.lowercased()] {
            document.stage = stage
        } else {
            throw ColumnError("status", "unknown status «\(status)»")
        }
        // Years come as "2020" or "2020.0".
        func year(_ column: String) throws(ColumnError) -> String? {
            let text = value(column)
            if text.isEmpty { return nil }
            guard let number = Double(text), number.rounded() == number, (1900...2100).contains(number) else {
                throw ColumnError(column, "«\(text)» is not a year")
            }
            return String(Int(number))
        }
        document.startDate = try year("start_date")
        document.endDate = try year("end_date")
        document.serviceArea = [value("primary_sector"), value("secondary_sector")].filter { !$0.isEmpty }
            .joined(separator: " – ")
        var novelty: [String] = []
        if !value("technology").isEmpty { novelty.append("Technology: \(value("technology")).") }
        if !value("type").isEmpty { novelty.append("Application: \(value("type")).") }
        document.novelty = novelty.joined(separator: " ")
        if value("rtype").lowercased() == "service" { document.innovationTypes = [1] }
        let url = value("url")
        if url.hasPrefix("http://") || url.hasPrefix("https://"), url.count <= 2000 {
            document.links = [.init(title: "Source / kilde", url: url)]
        }
        document.organisation = value("lead_organisation_category")
        document.source = .init(
            name: ipsxSourceName, identifier: value("id"),
            url: "https://github.com/ipsoeu/ips-explorer (data/cases.csv)", licence: "EUPL-1.2")
        return document
    }

    /// Fornye's own CSV export (docs/PROJECTBANK.md), read back: the flat fields; lists such as
    /// partners and financing travel only in JSON.
    public static let fornyeCSV = ProjectImportMapping(
        name: "fornye", requiredColumns: ["title", "summary", "stage"]
    ) { values throws(ColumnError) in
        func value(_ column: String) -> String {
            (values[column] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func optionalInt(_ column: String) throws(ColumnError) -> Int? {
            let text = value(column)
            if text.isEmpty { return nil }
            guard let number = Int(text) else { throw ColumnError(column, "«\(text)» is not a whole number") }
            return number
        }
        func optionalText(_ column: String) -> String? { value(column).isEmpty ? nil : value(column) }
        var document = ProjectDocument()
        document.title = value("title")
        document.summary = value("summary")
        guard let stage = ProjectStage(rawValue: value("stage")) else {
            throw ColumnError("stage", "unknown stage «\(value("stage"))»")
        }
        document.stage = stage
        var types: [Int] = []
        for part in value("innovation_types").split(separator: ";") {
            guard let type = Int(part) else { throw ColumnError("innovation_types", "«\(part)» is not a type code") }
            types.append(type)
        }
        document.innovationTypes = types
        document.sector = try optionalInt("sector")
        document.unitType = try optionalInt("unit_type")
        document.ownerMunicipality = optionalText("owner_municipality")
        document.ownerName = value("owner_name")
        document.country = optionalText("country") ?? "NO"
        document.research = .init(
            degree: try optionalInt("research_degree"), projectQuality: try optionalInt("research_project_quality"),
            knowledgeContribution: try optionalInt("research_knowledge_contribution"))
        document.evaluated = ["true", "1", "ja", "yes"].contains(value("evaluated").lowercased())
        if let level = optionalText("evidence_level") {
            guard let evidence = EvidenceLevel(rawValue: level) else {
                throw ColumnError("evidence_level", "unknown evidence level «\(level)»")
            }
            document.evidenceLevel = evidence
        }
        document.startDate = optionalText("start_date")
        document.endDate = optionalText("end_date")
        document.problem = value("problem")
        document.solution = value("solution")
        document.novelty = value("novelty")
        document.challenges = value("challenges")
        document.lessons = value("lessons")
        document.reuseConditions = value("reuse_conditions")
        document.basedOn = optionalText("based_on")
        document.licence = optionalText("licence") ?? "CC-BY-4.0"
        document.language = optionalText("language") ?? "nb"
        document.synthetic = ["true", "1"].contains(value("synthetic").lowercased())
        if let name = optionalText("source_name") {
            document.source = .init(
                name: name, identifier: value("source_identifier"), url: optionalText("source_url"),
                licence: document.licence)
        }
        return document
    }
}

extension ProjectImportMapping {
    /// The columns ``fornyeCSV`` reads, as Fornye's export names them.
    public static let fornyeColumns = [
        "title", "summary", "stage", "innovation_types", "sector", "unit_type", "owner_municipality", "owner_name",
        "country", "research_degree", "research_project_quality", "research_knowledge_contribution", "evaluated",
        "evidence_level", "start_date", "end_date", "problem", "solution", "novelty", "challenges", "lessons",
        "reuse_conditions", "based_on", "licence", "language", "synthetic", "source_name", "source_identifier",
        "source_url",
    ]

    /// Another system's CSV read as Fornye's: `columns` maps a Fornye column (`title`) to the file's
    /// (`Prosjektnavn`); unmapped Fornye columns keep their own names. Errors name the file's column.
    public static func renamed(_ columns: [String: String]) throws(ProjectError) -> ProjectImportMapping {
        if let unknown = columns.keys.sorted().first(where: { !fornyeColumns.contains($0) }) {
            throw .importFailed(
                file: "mapping", row: nil, column: unknown,
                message: "not a Fornye column; use one of " + fornyeColumns.joined(separator: ", "))
        }
        @Sendable func fileColumn(_ column: String) -> String { columns[column] ?? column }
        return ProjectImportMapping(
            name: "fornye-renamed", requiredColumns: fornyeCSV.requiredColumns.map(fileColumn)
        ) { values throws(ColumnError) in
            var fornye: [String: String] = [:]
            for column in fornyeColumns { fornye[column] = values[fileColumn(column)] }
            do throws(ColumnError) {
                return try fornyeCSV.document(fornye)
            } catch {
                throw ColumnError(fileColumn(error.column), error.message)
            }
        }
    }
}

/// Projects in JSON: an array of documents as in the export's `document` field, or the export
/// itself (objects with a `document`).
public enum ProjectJSONImport {
    public static func documents(_ data: Data, file: String) throws(ProjectError) -> [ProjectDocument] {
        struct Wrapped: Decodable { var document: ProjectDocument }
        let decoder = JSONDecoder()
        let documents: [ProjectDocument]
        do {
            if let wrapped = try? decoder.decode([Wrapped].self, from: data) {
                documents = wrapped.map(\.document)
            } else {
                documents = try decoder.decode([ProjectDocument].self, from: data)
            }
        } catch let error as DecodingError {
            throw .importFailed(file: file, row: nil, column: path(of: error), message: message(of: error))
        } catch {
            throw .importFailed(file: file, row: nil, column: nil, message: "\(error)")
        }
        for (index, document) in documents.enumerated() {
            if let problem = ProjectValidation.errors(of: document).first {
                throw .importFailed(file: file, row: index + 1, column: problem.field, message: problem.message)
            }
        }
        return documents
    }

    static func path(of error: DecodingError) -> String? {
        let context: DecodingError.Context? =
            switch error {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                context
            case .keyNotFound(let key, let context):
                DecodingError.Context(
                    codingPath: context.codingPath + [key], debugDescription: context.debugDescription)
            @unknown default: nil
            }
        guard let context, !context.codingPath.isEmpty else { return nil }
        return context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    static func message(of error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, _): "expected \(type)"
        case .valueNotFound(let type, _): "missing \(type)"
        case .keyNotFound: "missing field"
        case .dataCorrupted(let context): "not valid JSON: \(context.debugDescription)"
        @unknown default: "\(error)"
        }
    }
}

/// Counts the rows and fields of a flat JSON import before it is decoded, as the CSV reader does
/// (`TableLimits`): the decoder holds every value of the file at once, so an object of a million
/// keys would be a million values before any check. Strings are skipped escape-aware; only the
/// keys of the array's objects (depth 2) count.
enum FlatJSONShape {
    static func check(_ data: Data, file: String, limits: TableLimits) throws(ProjectError) {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), colon = UInt8(ascii: ":")
        let opening: Set<UInt8> = [UInt8(ascii: "{"), UInt8(ascii: "[")]
        let closing: Set<UInt8> = [UInt8(ascii: "}"), UInt8(ascii: "]")]
        var depth = 0
        var inString = false
        var escaped = false
        var rows = 0
        var fields = 0
        var cells = 0
        for byte in data {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == backslash {
                    escaped = true
                } else if byte == quote {
                    inString = false
                }
                continue
            }
            if byte == quote {
                inString = true
            } else if opening.contains(byte) {
                depth += 1
                if depth == 2 {
                    rows += 1
                    fields = 0
                    guard rows <= limits.maximumRows else {
                        throw .importFailed(
                            file: file, row: rows, column: nil, message: "more than \(limits.maximumRows) rows")
                    }
                }
            } else if closing.contains(byte) {
                depth -= 1
            } else if byte == colon && depth == 2 {
                fields += 1
                cells += 1
                guard fields <= limits.maximumColumns else {
                    throw .importFailed(
                        file: file, row: rows, column: nil,
                        message: "has more than \(limits.maximumColumns) fields, the most a row may have")
                }
                guard cells <= limits.maximumCells else {
                    throw .importFailed(
                        file: file, row: rows, column: nil,
                        message:
                            "the file has more than \(limits.maximumCells) fields in all; split it into smaller files")
                }
            }
        }
    }
}

/// Any JSON value, as a mapped import reads it.
private indirect enum FlatJSON: Decodable {
    case null, bool(Bool), integer(Int), number(Double), text(String), list([FlatJSON])
    case object([String: FlatJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .text(value)
        } else if let value = try? container.decode([FlatJSON].self) {
            self = .list(value)
        } else {
            self = .object(try container.decode([String: FlatJSON].self))
        }
    }

    /// The value as a CSV cell, or nil for what a flat row cannot hold (objects, nested lists).
    var flatText: String? {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .text(let value): return value
        case .object: return nil
        case .list(let items):
            var parts: [String] = []
            for item in items {
                if case .list = item { return nil }
                guard let text = item.flatText else { return nil }
                parts.append(text)
            }
            return parts.joined(separator: ";")
        }
    }
}
