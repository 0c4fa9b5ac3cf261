/// Escaping for text that goes into HTML, SVG or XML: between tags, or inside a quoted attribute value.
///
/// Every string that comes from data (labels, titles, captions built from labels) passes through
/// `escape` before it is written, so a label such as `</svg><script>` stays text. The output is
/// also well-formed XML: characters XML forbids (control characters other than tab, newline and
/// carriage return, lone surrogates cannot occur in a Swift `String`, and U+FFFE/U+FFFF) become
/// U+FFFD.
///
/// ```swift
/// Markup.escape("Tjeneste & <produkt>")  // "Tjeneste &amp; &lt;produkt&gt;"
/// ```
public enum Markup {
    /// Returns `text` safe to place between tags and inside single- or double-quoted attribute values.
    public static func escape(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where scalar.value < 0x40 || scalar.value >= 0xFFFE {
            if replacement(for: scalar) != nil {
                needsWork = true
                break
            }
        }
        guard needsWork else { return text }
        var output = String.UnicodeScalarView()
        output.reserveCapacity(text.unicodeScalars.count + 16)
        for scalar in text.unicodeScalars {
            if let replacement = replacement(for: scalar) {
                output.append(contentsOf: replacement.unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    private static func replacement(for scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        case "'": "&#39;"
        case "\t", "\n", "\r": nil
        case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": "\u{FFFD}"
        default: nil
        }
    }

    /// A string usable as an HTML `id` and in a file name: lower-case ASCII letters, digits and
    /// hyphens, so that references to it need no escaping.
    public static func identifier(_ text: String) -> String {
        var result = ""
        var lastWasHyphen = true
        for character in text.lowercased() {
            let mapped: String
            switch character {
            case "æ": mapped = "ae"
            case "ø": mapped = "o"
            case "å": mapped = "a"
            case "a"..."z", "0"..."9": mapped = String(character)
            default: mapped = "-"
            }
            if mapped == "-" {
                if !lastWasHyphen { result.append("-") }
                lastWasHyphen = true
            } else {
                result += mapped
                lastWasHyphen = false
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "x" : result
    }
}
