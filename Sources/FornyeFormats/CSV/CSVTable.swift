import FornyeBarometer
public import Foundation

/// A CSV file as a header and rows of text, each row with the physical line it starts on. The
/// one CSV reader for files that are not datasets (sample frames, project lists): it is the
/// same CSV.swift-based reader with the second, checking pass that `DatasetReader` uses, so a
/// broken quote or a bad byte is refused with its file, line and column instead of being read
/// as something else.
///
/// ```swift
/// let table = try CSVTable.parse("enhet;epost\nSolsiden;a@b.no\n", file: "utvalg.csv")
/// table.header  // ["enhet", "epost"]; table.lines == [2]
/// ```
public struct CSVTable: Sendable, Equatable {
    /// The header's fields as written (not trimmed).
    public var header: [String]
    /// Data rows, as many fields as written (callers check the width they need).
    public var rows: [[String]]
    /// The 1-based physical line on which each row starts (the header is line 1).
    public var lines: [Int]
    /// The delimiter found: `,`, `;` or a tab.
    public var delimiter: Character

    /// The header followed by the rows.
    public var allRows: [[String]] { [header] + rows }

    /// What `parse` and `read` accept unless told otherwise: `TableLimits`' defaults, with
    /// cells up to 100,000 characters (a project's long texts).
    public static let defaultLimits = TableLimits(maximumCellLength: 100_000)

    /// Splits `text` at `,`, `;` (when the header has more of them, as Norwegian Excel writes) or
    /// a tab (when the header has tabs and no commas). A leading byte order mark is dropped. A
    /// file over `limits` is refused before it is split.
    public static func parse(
        _ text: String, file: String, limits: TableLimits = defaultLimits
    ) throws(FormatError) -> CSVTable {
        let body = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        return try split(body, file: file, limits: limits, invalid: nil)
    }

    /// Decodes `data` as UTF-8 (refusing other encodings with the line of the first bad byte,
    /// and workbooks or UTF-16 files with what they are) and splits it as `parse` does.
    public static func read(
        _ data: Data, file: String, limits: TableLimits = defaultLimits
    ) throws(FormatError) -> CSVTable {
        let (text, invalid) = try CSVTextDecoding.decode(data, file: file, encoding: .utf8)
        return try split(text, file: file, limits: limits, invalid: invalid)
    }

    static func split(
        _ text: String, file: String, limits: TableLimits, invalid: InvalidUTF8?
    ) throws(FormatError) -> CSVTable {
        guard !text.isEmpty else { throw .located(FileLocation(file: file), "the file is empty") }
        let delimiter = detectDelimiter(text)
        let records = try CSVRecords.read(
            text, file: file, delimiter: delimiter, maximumFieldLength: limits.maximumCellLength, invalid: invalid,
            limits: limits)
        try limits.checkHeaderLengths(records.header, file: file, sheet: nil)
        return CSVTable(
            header: records.header, rows: records.rows, lines: records.lines, delimiter: Character(delimiter))
    }

    static func detectDelimiter(_ text: String) -> Unicode.Scalar {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }
        let semicolons = firstLine.filter { $0 == ";" }.count
        let commas = firstLine.filter { $0 == "," }.count
        if semicolons > commas { return ";" }
        if commas == 0 && firstLine.contains("\t") { return "\t" }
        return ","
    }

    /// RFC 4180 text for `rows` (CRLF line ends). A field is quoted when it holds `,`, `;`, a
    /// quote or a line break; a field a spreadsheet could run as a formula gets a leading `'`
    /// (`SpreadsheetFormula`, CSV injection).
    public static func write(_ rows: [[String]]) -> String {
        write(rows, delimiter: ",")
    }

    /// CSV as Norwegian Excel opens it without an import dialog: a byte order mark (so UTF-8 is
    /// read as UTF-8, not Windows-1252) and semicolons (the list separator where the decimal
    /// separator is a comma). Fields are quoted and defused as in ``write(_:)``.
    public static func writeForExcel(_ rows: [[String]]) -> String {
        "\u{FEFF}" + write(rows, delimiter: ";")
    }

    static func write(_ rows: [[String]], delimiter: String) -> String {
        rows.map { row in
            row.map { field in
                let guarded = SpreadsheetFormula.defused(field)
                return guarded.unicodeScalars.contains(where: {
                    $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";"
                })
                    ? "\"" + guarded.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : guarded
            }.joined(separator: delimiter)
        }.joined(separator: "\r\n") + "\r\n"
    }
}
