import FornyeBarometer
public import FornyeStatistics
public import Foundation
import Yams

/// Writes a dataset as CSV (header of variable names, empty cells for system missing) with its
/// codebook as YAML beside it, the pair that `DatasetReader` and `CodebookReader` read back.
///
/// Rows are formatted into a buffer and written in large blocks: CSV.swift's writer goes to the
/// stream field by field, which measured at about 140 kB/s here, too slow for benchmark files
/// of a million rows. Quoting follows RFC 4180: a field is quoted when it holds a comma, a quote
/// or a line break, and quotes inside are doubled.
public enum DatasetCSVWriter {
    /// - Parameters:
    ///   - extraColumns: Columns outside the codebook (design variables such as weights and
    ///     strata), written after the codebook's variables in the given order.
    public static func write(
        _ dataset: Dataset, extraColumns: [(name: String, values: [String])] = [], to csvURL: URL,
        codebookURL: URL? = nil, defuseFormulas: Bool = false
    ) throws {
        guard FileManager.default.createFile(atPath: csvURL.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: csvURL)
        else {
            throw FormatError.unreadableFile(file: csvURL.path, reason: "cannot open for writing")
        }
        defer { try? handle.close() }
        let variables = dataset.codebook.variables
        let columns = try variables.map { try dataset.column(named: $0.name) }
        var buffer = ""
        buffer.reserveCapacity(1 << 20)
        appendRow((variables.map(\.name) + extraColumns.map(\.name)).map(quoted), to: &buffer)
        for index in 0..<dataset.rowCount {
            var fields = columns.map { text(of: $0, at: index, defuse: defuseFormulas) }
            fields += extraColumns.map { quoted($0.values[index]) }
            appendRow(fields, to: &buffer)
            if buffer.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: Data(buffer.utf8))
        if let codebookURL {
            try YAMLEncoder().encode(dataset.codebook).write(to: codebookURL, atomically: true, encoding: .utf8)
        }
    }

    private static func appendRow(_ fields: [String], to buffer: inout String) {
        buffer += fields.joined(separator: ",")
        buffer += "\n"
    }

    /// `defuse` (exports for people): a text a spreadsheet could run as a formula gets a leading
    /// `'` (`SpreadsheetFormula`). Files Fornye reads back itself are written as they are.
    private static func text(of column: Column, at row: Int, defuse: Bool) -> String {
        switch column {
        case .codes(let codes): codes[row] == Column.systemMissing ? "" : String(codes[row])
        case .numbers(let values): number(values[row])
        case .texts(let texts): quoted(defuse ? SpreadsheetFormula.defused(texts[row] ?? "") : texts[row] ?? "")
        }
    }

    /// A whole number is written without decimals (`30`, not `30.0`), so that a count or a code
    /// kept in a numeric column reads back as it was; every other value keeps its shortest
    /// round-tripping form.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "" }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        return "\(value)"
    }

    static func quoted(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
