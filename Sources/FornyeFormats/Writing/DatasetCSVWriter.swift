import CSV
public import FornyeStatistics
public import Foundation
import Yams

/// Writes a dataset as CSV (header of variable names, empty cells for system missing) with its
/// codebook as YAML beside it, the pair that `DatasetReader` and `CodebookReader` read back.
public enum DatasetCSVWriter {
    /// - Parameters:
    ///   - extraColumns: Columns outside the codebook (design variables such as weights and
    ///     strata), written after the codebook's variables in the given order.
    public static func write(
        _ dataset: Dataset, extraColumns: [(name: String, values: [String])] = [], to csvURL: URL,
        codebookURL: URL? = nil
    ) throws {
        guard let stream = OutputStream(url: csvURL, append: false) else {
            throw FormatError.unreadableFile(file: csvURL.path, reason: "cannot open for writing")
        }
        let writer = try CSVWriter(stream: stream)
        defer { writer.stream.close() }
        let variables = dataset.codebook.variables
        try writer.write(row: variables.map(\.name) + extraColumns.map(\.name))
        let columns = try variables.map { try dataset.column(named: $0.name) }
        var row = [String](repeating: "", count: variables.count + extraColumns.count)
        for index in 0..<dataset.rowCount {
            for (position, column) in columns.enumerated() {
                row[position] = text(of: column, at: index)
            }
            for (position, extra) in extraColumns.enumerated() {
                row[variables.count + position] = extra.values[index]
            }
            try writer.write(row: row)
        }
        if let codebookURL {
            try YAMLEncoder().encode(dataset.codebook).write(to: codebookURL, atomically: true, encoding: .utf8)
        }
    }

    private static func text(of column: Column, at row: Int) -> String {
        switch column {
        case .codes(let codes): codes[row] == Column.systemMissing ? "" : String(codes[row])
        case .numbers(let values): values[row].isNaN ? "" : "\(values[row])"
        case .texts(let texts): texts[row] ?? ""
        }
    }
}
