import FornyeFormats
public import FornyeProjectBank
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

/// Project files read into rows of named fields for a ``ProjectImportMapping`` (FornyeProjectBank
/// maps the rows onto documents).
extension ProjectImportMapping {
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
