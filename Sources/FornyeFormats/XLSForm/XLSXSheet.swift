/// One sheet of a workbook as text: its name and its non-empty rows with their 1-based numbers.
///
/// Cells are read as text (shared strings, inline strings, numbers and booleans alike), which is
/// what XLSForm needs; formatting is not kept.
public struct XLSXSheet: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        /// 1-based row number as shown in a spreadsheet.
        public var number: Int
        /// Cell texts from column A on; empty cells are "".
        public var cells: [String]

        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }
    }

    public var name: String
    public var rows: [Row]

    public init(name: String, rows: [Row]) {
        self.name = name
        self.rows = rows
    }

    /// A sheet from plain rows, numbered from 1.
    public init(name: String, cells: [[String]]) {
        self.init(name: name, rows: cells.enumerated().map { Row(number: $0.offset + 1, cells: $0.element) })
    }
}
