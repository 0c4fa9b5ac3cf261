/// The one CSV formula-defusing policy (CSV injection, OWASP): every CSV Fornye writes for people
/// to open — dataset exports, sample-frame and table files, the report's figure CSVs, the web's
/// figure downloads, the project bank's open data — passes its text cells through ``defused(_:)``.
///
/// A cell gets a leading `'` (which spreadsheets show as text and do not run) when
/// - it starts with a tab, a carriage return or a line feed (OWASP names tab and CR; a spreadsheet
///   may drop leading line breaks and then see the rest), or
/// - its first character after any leading whitespace and control characters (space, no-break
///   space, tab, CR, LF, …) is `=`, `+`, `-` or `@`, since some spreadsheets trim those first —
///   unless the whole cell is a negative number (`-0.25`, `-3e-4`): a spreadsheet reads that as a
///   number, and machine-readable figures must stay numbers.
///
/// It lives in FornyeBarometer because that is the lowest target every CSV writer reaches:
/// FornyeFormats and FornyeReport sit side by side on it (neither depends on the other), and
/// FornyeStorage, FornyeWeb and FornyeCommands build on both. FornyeStatistics stays the pure
/// estimation engine, which writes no files.
public enum SpreadsheetFormula {
    /// `'` before a text a spreadsheet could take for a formula; every other text unchanged.
    public static func defused(_ text: String) -> String {
        isFormulaLike(text) ? "'" + text : text
    }

    /// Whether `defused` would prefix `text`.
    public static func isFormulaLike(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if first == "\t" || first == "\r" || first == "\n" { return true }
        guard
            let start = text.unicodeScalars.firstIndex(where: {
                !$0.properties.isWhitespace && $0.properties.generalCategory != .control
            })
        else { return false }
        switch text.unicodeScalars[start] {
        case "=", "+", "@": return true
        case "-": return !isNegativeNumber(text.unicodeScalars[start...])
        default: return false
        }
    }

    /// `-` digits, optionally `.` digits, optionally `e`/`E`, a sign and digits; nothing else.
    private static func isNegativeNumber(_ scalars: Substring.UnicodeScalarView) -> Bool {
        var rest = scalars.dropFirst()
        func digits() -> Int {
            let count = rest.prefix { $0.properties.numericType == .decimal && $0.isASCII }.count
            rest = rest.dropFirst(count)
            return count
        }
        guard digits() > 0 else { return false }
        if rest.first == "." {
            rest = rest.dropFirst()
            guard digits() > 0 else { return false }
        }
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return rest.isEmpty
    }
}
