import Foundation

/// The columns of an XLSForm sheet, found by name in its first row.
///
/// Names are matched without regard to case; translated columns (`label::Norsk bokmål (nb)`)
/// are matched by the language code in parentheses, or by a bare code or language name.
struct XLSFormHeader {
    private var columns: [String: Int] = [:]
    private var translated: [String: [String: Int]] = [:]

    /// - Parameter defaultLanguage: the language of columns without one (`label`), "nb" or "en".
    init(_ cells: [String], defaultLanguage: String) {
        for (index, cell) in cells.enumerated() {
            let name = cell.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            if let separator = name.range(of: "::"), !name.lowercased().hasPrefix("bind::") {
                let base = name[..<separator.lowerBound].lowercased()
                if let language = Self.languageCode(String(name[separator.upperBound...])) {
                    translated[base, default: [:]][language] = index
                }
            } else {
                columns[name.lowercased()] = index
                if ["label", "hint", "constraint_message"].contains(name.lowercased()) {
                    translated[name.lowercased(), default: [:]][defaultLanguage] =
                        translated[name.lowercased()]?[defaultLanguage] ?? index
                }
            }
        }
    }

    /// The cell of a plain column, trimmed; "" when the column or cell is absent.
    func value(_ column: String, in cells: [String]) -> String {
        guard let index = columns[column.lowercased()], index < cells.count else { return "" }
        return cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func has(_ column: String) -> Bool { columns[column.lowercased()] != nil }

    /// A translated column in one language, as written (labels may be padded on purpose); ""
    /// when absent or blank.
    func value(_ column: String, language: String, in cells: [String]) -> String {
        guard let index = translated[column]?[language], index < cells.count else { return "" }
        return cells[index].allSatisfy(\.isWhitespace) ? "" : cells[index]
    }

    /// "nb" or "en" for the language names and codes XLSForms use for them; nil for others.
    static func languageCode(_ language: String) -> String? {
        var text = language.trimmingCharacters(in: .whitespaces).lowercased()
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            text = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        }
        switch text {
        case "nb", "nob", "no", "norsk", "bokmål", "norsk bokmål", "norwegian bokmål": return "nb"
        case "en", "eng", "english", "engelsk": return "en"
        default: return nil
        }
    }
}
