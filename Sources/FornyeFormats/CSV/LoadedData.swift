public import FornyeStatistics

/// A dataset read from a file, with the columns that are not survey variables (weights,
/// strata, PSU ids) and where every row and column came from.
public struct LoadedData: Sendable {
    public var dataset: Dataset
    /// The raw text of each column listed in `extraColumns`, one string per row, `""` when empty.
    public var extraColumns: [String: [String]]
    public var source: DataSource

    public init(dataset: Dataset, extraColumns: [String: [String]], source: DataSource) {
        self.dataset = dataset
        self.extraColumns = extraColumns
        self.source = source
    }
}

/// Where the rows and columns of a loaded dataset stand in their file, so that problems found
/// after reading (a negative weight, say) can still name the line and column.
public struct DataSource: Sendable, Equatable {
    public var file: String
    /// The 1-based line on which each data row starts (the header is line 1). Data row `r` is
    /// line `r + 1` unless quoted fields above it span several lines.
    public var lines: [Int]
    /// The 1-based column number of each header name.
    public var columns: [String: Int]
    /// The decimal separator numbers in the file were read with: `.period` or `.comma`.
    public var decimalSeparator: CSVOptions.DecimalSeparator

    public init(
        file: String, lines: [Int], columns: [String: Int], decimalSeparator: CSVOptions.DecimalSeparator = .period
    ) {
        self.file = file
        self.lines = lines
        self.columns = columns
        self.decimalSeparator = decimalSeparator
    }

    /// An error about the cell of `column` in data row `row` (0-based).
    ///
    /// ```swift
    /// throw data.source.error(row: 4, column: "vekt", "weight -1 is negative")
    /// // survey.csv, line 6, column 9, field "vekt": weight -1 is negative
    /// ```
    public func error(row: Int, column: String, _ message: String) -> FormatError {
        error(row: row, column: column, line: lines.indices.contains(row) ? lines[row] : nil, message)
    }

    func error(row: Int, column: String, line: Int?, _ message: String) -> FormatError {
        .located(
            FileLocation(file: file, line: line, column: columns[column], field: column),
            message + Self.rowNote(row: row, line: line))
    }

    /// Spreadsheets number records, editors number lines; an error says both when they differ.
    static func rowNote(row: Int, line: Int?) -> String {
        guard let line, line != row + 2 else { return "" }
        return " (data row \(row + 1))"
    }
}
