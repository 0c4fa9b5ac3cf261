import Foundation

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

    /// Every row (named fields, numbered by `line` for errors) as a document, or the first problem
    /// located by file, line and column. Each document is also validated, so an import either
    /// loads whole or not at all. FornyeStorage reads CSV and flat JSON files into rows.
    public func documents(rows: [(line: Int, values: [String: String])], file: String) throws(ProjectError)
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

    /// Fornye's own CSV export (docs/PROJECTBANK.md), read back through ``ProjectField/all``: the
    /// flat fields; lists such as partners and financing travel only in JSON.
    public static let fornyeCSV = ProjectImportMapping(
        name: "fornye", requiredColumns: ["title", "summary", "stage"]
    ) { values throws(ColumnError) in
        var document = ProjectDocument()
        for field in ProjectField.all {
            guard let column = field.column else { continue }
            let cell = (values[column] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if let problem = field.read(cell, into: &document, .strict).first {
                throw ColumnError(column, problem.message)
            }
        }
        return document
    }
}

extension ProjectImportMapping {
    /// The columns ``fornyeCSV`` reads, as Fornye's export names them.
    public static let fornyeColumns = ProjectField.columns

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
