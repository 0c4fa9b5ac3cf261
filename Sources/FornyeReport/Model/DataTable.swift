/// A table as a reader sees it: a caption, column headers, one header cell per row, and text
/// cells already formatted in the report's language (bokmål unless English was asked for). Rendered as an HTML `<table>` beside every chart.
public struct DataTable: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public var header: String
        /// Right-aligned figures rather than text.
        public var numeric: Bool

        public init(_ header: String, numeric: Bool = true) {
            self.header = header
            self.numeric = numeric
        }
    }

    public struct Row: Sendable, Hashable {
        public var header: String
        public var cells: [String]
        /// A row that stands out (a total, or the estimate a caption speaks of).
        public var emphasised: Bool

        public init(header: String, cells: [String], emphasised: Bool = false) {
            self.header = header
            self.cells = cells
            self.emphasised = emphasised
        }
    }

    public var caption: String
    /// The header of the row-header column.
    public var rowHeader: String
    public var columns: [Column]
    public var rows: [Row]
    /// Footnotes under the table: symbols used, bases, how the numbers were made.
    public var notes: [String]
    /// The language the table's texts are written in.
    public var language: ReportLanguage

    public init(
        caption: String, rowHeader: String, columns: [Column], rows: [Row], notes: [String] = [],
        language: ReportLanguage = .nb
    ) {
        self.language = language
        self.caption = caption
        self.rowHeader = rowHeader
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}
