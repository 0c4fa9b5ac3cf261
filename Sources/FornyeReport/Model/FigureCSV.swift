import FornyeBarometer

/// The machine-readable twin of a figure: a header and rows of plain values (decimal point,
/// full precision, empty for nothing), written as a CSV file beside the report and offered as a
/// download beside each figure on the web.
public struct FigureCSV: Sendable, Hashable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// RFC 4180 text: fields with a comma, quote or line break are quoted, quotes doubled, CRLF
    /// line ends; a text a spreadsheet could run as a formula is defused (`SpreadsheetFormula`).
    public var text: String {
        var output = ""
        for record in [header] + rows {
            output += record.map(Self.field).joined(separator: ",") + "\r\n"
        }
        return output
    }

    static func field(_ value: String) -> String {
        let value = SpreadsheetFormula.defused(value)
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
