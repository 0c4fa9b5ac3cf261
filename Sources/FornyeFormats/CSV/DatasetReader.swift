import CSV
public import FornyeStatistics
public import Foundation

/// Reads survey microdata from CSV into a `Dataset`, checking every cell against the codebook.
///
/// The header names the columns; each must be a codebook variable or one of `extraColumns`
/// (design columns such as weights, strata and PSU ids, returned as raw text), and every codebook
/// variable must be present. Column order is free.
///
/// Cells are read by variable kind: coded variables (single choice, ordinal) take whole-number
/// codes that are labelled or missing codes in the codebook; multiple-choice items take 0, 1 or a
/// missing code; numeric variables take decimal numbers; text is kept as written. An empty cell
/// (or one holding only spaces, outside text) is system missing.
///
/// A header-only file gives a dataset with zero rows (building a design from it is refused). In a
/// file of more than one column, rows at the end whose fields are all empty (Excel's `;;;` below
/// the data) are ignored, and an empty line elsewhere is an error.
///
/// Every refusal is a `FormatError.located` naming the file, the 1-based line (the header is
/// line 1), the column number and the field name:
///
/// ```swift
/// let data = try DatasetReader.read(
///     csv: URL(filePath: "barometer.csv"), codebook: codebook, extraColumns: ["vekt", "stratum"])
/// // barometer.csv, line 14, column 3, field "sektor": code 7 is neither a labelled value nor …
/// ```
public enum DatasetReader {
    /// Reads a CSV file.
    ///
    /// - Parameters:
    ///   - url: The file; UTF-8 (a byte order mark is accepted) unless `options` say otherwise.
    ///   - codebook: The variables the header must name.
    ///   - extraColumns: Further columns to accept and return as raw text.
    ///   - options: Delimiter, decimal separator and encoding.
    public static func read(
        csv url: URL, codebook: Codebook, extraColumns: [String] = [], options: CSVOptions = .init()
    ) throws(FormatError) -> LoadedData {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadableFile(file: url.path, reason: error.localizedDescription)
        }
        return try parse(csv: data, file: url.path, codebook: codebook, extraColumns: extraColumns, options: options)
    }

    /// Reads CSV bytes; `file` names them in errors.
    public static func parse(
        csv data: Data, file: String, codebook: Codebook, extraColumns: [String] = [], options: CSVOptions = .init()
    ) throws(FormatError) -> LoadedData {
        try checkArguments(file: file, codebook: codebook, extraColumns: extraColumns)
        let (text, invalid) = try CSVTextDecoding.decode(data, file: file, encoding: options.encoding)
        return try load(
            text, invalid: invalid, file: file, codebook: codebook, extraColumns: extraColumns, options: options)
    }

    /// Reads CSV text that is already decoded (`options.encoding` does not apply); `file` names
    /// it in errors.
    public static func parse(
        csv text: String, file: String, codebook: Codebook, extraColumns: [String] = [], options: CSVOptions = .init()
    ) throws(FormatError) -> LoadedData {
        try checkArguments(file: file, codebook: codebook, extraColumns: extraColumns)
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return try load(
            text, invalid: nil, file: file, codebook: codebook, extraColumns: extraColumns, options: options)
    }

    private static func checkArguments(file: String, codebook: Codebook, extraColumns: [String])
        throws(FormatError)
    {
        do {
            try codebook.validate()
        } catch {
            throw .located(FileLocation(file: file), error.description)
        }
        var seen = Set<String>()
        for name in extraColumns {
            guard seen.insert(name).inserted else {
                throw .located(FileLocation(file: file), "extra column \"\(name)\" is listed twice")
            }
            guard codebook.variable(named: name) == nil else {
                throw .located(
                    FileLocation(file: file), "extra column \"\(name)\" is also a codebook variable; list it once")
            }
        }
    }

    private static func load(
        _ text: String, invalid: InvalidUTF8?, file: String, codebook: Codebook, extraColumns: [String],
        options: CSVOptions
    ) throws(FormatError) -> LoadedData {
        guard !text.isEmpty else { throw .located(FileLocation(file: file), "the file is empty") }
        let expected = Set(codebook.variables.map(\.name)).union(extraColumns)
        let delimiter = options.delimiter.scalar ?? detectDelimiter(in: text, expected: expected)
        let records = try CSVRecords.read(
            text, file: file, delimiter: delimiter, maximumFieldLength: options.maximumFieldLength,
            invalid: invalid)
        let layout = try ColumnLayout(
            header: records.header, file: file, codebook: codebook, extraColumns: extraColumns, delimiter: delimiter)
        let decimalSeparator: CSVOptions.DecimalSeparator =
            switch options.decimalSeparator {
            case .automatic: delimiter == ";" ? .comma : .period
            case let chosen: chosen
            }
        let source = DataSource(
            file: file, lines: records.lines, columns: layout.columnNumbers, decimalSeparator: decimalSeparator)
        var converter = CellConverter(
            layout: layout, records: records, source: source, delimiter: delimiter,
            decimalSeparator: decimalSeparator == .comma ? "," : ".")
        try converter.convertAll()
        let dataset: Dataset
        do {
            dataset = try Dataset(codebook: codebook, columns: converter.columns)
        } catch {
            if case .invalidValue(let variable, let row, let message) = error {
                throw source.error(row: row - 1, column: variable, message)
            }
            throw .located(FileLocation(file: file), error.description)
        }
        return LoadedData(dataset: dataset, extraColumns: converter.extras, source: source)
    }

    /// `,` or `;`, whichever header reading names more expected columns (then: more columns).
    private static func detectDelimiter(in text: String, expected: Set<String>) -> Unicode.Scalar {
        var best: (scalar: Unicode.Scalar, known: Int, count: Int) = (",", -1, -1)
        for candidate: Unicode.Scalar in [",", ";"] {
            let header = (try? CSVReader(string: text, hasHeaderRow: true, delimiter: candidate))?.headerRow ?? []
            let known = header.count { expected.contains($0.trimmingWhitespace) }
            if known > best.known || (known == best.known && header.count > best.count) {
                best = (candidate, known, header.count)
            }
        }
        return best.scalar
    }
}
