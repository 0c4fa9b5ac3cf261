/// How large a table read from an uploaded file may be: response files (CSV, XLSX, SPSS), sample
/// frames and project lists. Checked while the file is read, before its cells are held, so a
/// hostile file (a 10 MB CSV of a million empty columns, a workbook cell in column ZZZ on every
/// row) is refused with its place instead of growing the server without bound.
///
/// The defaults are generous for real survey exports: the Innovasjonsbarometer's widest export,
/// one column per multiple-choice option plus the platform's metadata, has a few hundred
/// columns; LimeSurvey headers with whole question texts stay under a few hundred characters;
/// ten million cells hold 20,000 responses of 500 columns and take about 200 MB as a table.
public struct TableLimits: Sendable, Equatable {
    /// Columns of the header, and fields of any row.
    public var maximumColumns: Int
    /// The longest column name, in characters.
    public var maximumHeaderLength: Int
    /// Rows × columns, header included.
    public var maximumCells: Int
    /// Data rows.
    public var maximumRows: Int
    /// The longest cell, in characters (Excel's own limit).
    public var maximumCellLength: Int

    public init(
        maximumColumns: Int = 1_000, maximumHeaderLength: Int = 1_000, maximumCells: Int = 10_000_000,
        maximumRows: Int = 2_000_000, maximumCellLength: Int = 32_767
    ) {
        self.maximumColumns = maximumColumns
        self.maximumHeaderLength = maximumHeaderLength
        self.maximumCells = maximumCells
        self.maximumRows = maximumRows
        self.maximumCellLength = maximumCellLength
    }

    /// A header name longer than `maximumHeaderLength`, refused at its column.
    func checkHeaderLengths(_ header: [String], file: String, sheet: String?) throws(FormatError) {
        let prefix = sheet.map { "sheet \"\($0)\", " } ?? ""
        for (index, name) in header.enumerated() where name.count > maximumHeaderLength {
            throw .located(
                FileLocation(file: file, line: 1, column: index + 1),
                prefix
                    + "the column name is \(name.count) characters long, more than the \(maximumHeaderLength) allowed")
        }
    }
}
