public import Foundation

/// Replicate weights kept in a data file as columns `PREFIX1`, `PREFIX2`, … (`repw_1` … `repw_R`,
/// as `fornye weight --replicate-type` writes them and as other tools read them).
public enum ReplicateColumns {
    /// The columns of the CSV file's header named `prefix` followed by a whole number, in the
    /// order of that number.
    ///
    /// - Throws: `FormatError` for an unreadable file or a prefix no column has.
    public static func names(prefix: String, inCSV url: URL) throws(FormatError) -> [String] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadableFile(file: url.path, reason: error.localizedDescription)
        }
        let firstLine = data.prefix { $0 != UInt8(ascii: "\n") }
        let header = try CSVTable.read(Data(firstLine), file: url.path).header
        let numbered = header.compactMap { name -> (Int, String)? in
            guard name.hasPrefix(prefix), let number = Int(name.dropFirst(prefix.count)), number > 0 else { return nil }
            return (number, name)
        }.sorted { $0.0 < $1.0 }
        guard numbered.count >= 2 else {
            throw .located(
                FileLocation(file: url.path, line: 1),
                "--replicate-columns \(prefix): the header needs two or more columns \(prefix)1, \(prefix)2, …; it has \(numbered.count)"
            )
        }
        return numbered.map(\.1)
    }

    /// The replicate weights of loaded data, from extra columns or from numeric variables of the
    /// codebook (as `fornye weight` writes them): one array per column, each cell a non-negative
    /// number, a bad cell named by line and field.
    public static func weights(_ names: [String], in data: LoadedData) throws(FormatError) -> [[Double]] {
        let source = data.source
        let separator: Character = source.decimalSeparator == .comma ? "," : "."
        return try names.map { (name) throws(FormatError) in
            guard let raw = data.extraColumns[name] else {
                guard let values = try? data.dataset.measurements(of: name) else {
                    throw .located(
                        FileLocation(file: source.file, line: 1, column: source.columns[name], field: name),
                        "the replicate weight column \(name) must be numeric")
                }
                if let row = values.firstIndex(where: { !($0 >= 0) || !$0.isFinite }) {
                    throw source.error(row: row, column: name, "the replicate weight must be a non-negative number")
                }
                return values
            }
            return try raw.enumerated().map { (row, field) throws(FormatError) in
                let text = field.trimmingWhitespace
                guard !text.isEmpty else {
                    throw source.error(row: row, column: name, "the replicate weight is missing")
                }
                guard case .success(let value) = CSVValueParsing.number(text, decimalSeparator: separator),
                    value >= 0, value.isFinite
                else {
                    throw source.error(
                        row: row, column: name,
                        "the replicate weight \"\(field)\" is not a non-negative number with \"\(separator)\" before decimals"
                    )
                }
                return value
            }
        }
    }
}
