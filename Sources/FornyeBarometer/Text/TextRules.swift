/// What every stored name and e-mail address must be, whichever way it arrives (a web form, the
/// command line, a sample frame, a project import): one function per rule, so the ways agree.
public enum TextRules {
    /// True when `text` holds a control character. A single-line text (a name, an address) may
    /// hold none (C0, DEL, C1, and the Unicode line and paragraph separators); a multi-line text
    /// may hold tabs and line breaks, and C1 characters, which mis-decoded Windows-1252 in
    /// imported project texts carries and which do no harm there.
    public static func hasControlCharacters(_ text: String, multiline: Bool = false) -> Bool {
        text.unicodeScalars.contains { scalar in
            if multiline {
                return scalar.value < 32 && scalar != "\n" && scalar != "\r" && scalar != "\t"
            }
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }

    /// The longest e-mail address accepted (RFC 5321's path limit less the brackets).
    public static let maximumEmailLength = 254

    /// True when `text` looks like an e-mail address: one `@`, a local part of 1–64 characters, a
    /// domain with a dot not at either end, no whitespace or control characters, at most
    /// `maximumEmailLength` characters. Deliverability is for the mail server to judge.
    public static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.count <= maximumEmailLength, parts.count == 2, (1...64).contains(parts[0].count),
            parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains("..")
        else { return false }
        return !text.contains(where: \.isWhitespace) && !hasControlCharacters(text)
    }

    /// `text` with its control characters written out (`\u{0}`), for messages that quote what
    /// was given: a terminal or a log shows the character instead of acting on it.
    public static func visible(_ text: String) -> String {
        guard hasControlCharacters(text) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if hasControlCharacters(String(scalar)) {
                shown += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}
