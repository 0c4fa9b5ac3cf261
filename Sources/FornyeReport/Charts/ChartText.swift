/// Text placement in charts without a font engine: widths are estimated from per-character
/// advances, and long labels wrap at word boundaries to the room they are given.
enum ChartText {
    static let fontSize = 13.0
    static let lineHeight = 16.0
    /// Set on the `<svg>` element, so the text has the size the layout assumes wherever the chart
    /// is shown (a page whose body text is larger, or the .svg file on its own).
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"

    /// Estimated width of `text` at the chart font size. The advances are DejaVu Sans's, rounded
    /// up (the `sans-serif` of most Linux systems and the widest of the chart's fonts), so the
    /// estimate is an upper bound for Segoe UI, Roboto, Helvetica and Arial too.
    static func width(of text: String, fontSize: Double = fontSize) -> Double {
        var ems = 0.0
        for character in text { ems += advance(of: character) }
        return ems * fontSize
    }

    /// Advance width in em; characters not listed count as a wide capital.
    private static func advance(of character: Character) -> Double {
        switch character {
        case "i", "j", "l", "'", "|", "I", "J": 0.30
        case " ", ".", ",", ":", ";", "/", "\u{00A0}": 0.34
        case "f", "t", "-", "(", ")", "[", "]": 0.40
        case "r", "!", "\"", "–": 0.50
        case "c", "s", "z", "?": 0.56
        case "k", "v", "x", "y", "F", "L": 0.60
        case "a", "b", "d", "e", "g", "h", "n", "o", "p", "q", "u", "å", "ø", "0"..."9", "E", "P", "S", "T", "Y":
            0.64
        case "«", "»": 0.64
        case "A", "B", "C", "K", "R", "V", "X", "Z", "Å": 0.70
        case "D", "G", "H", "N", "O", "Q", "U", "Ø": 0.79
        case "w", "M": 0.87
        case "m", "æ", "Æ", "W", "%", "—", "…": 1.0
        default: 0.8
        }
    }

    /// Splits `text` into lines of at most `limit` characters (a longer word gets a line of its
    /// own), and at most `maxLines` lines, the last one shortened with an ellipsis.
    static func wrap(_ text: String, limit: Int, maxLines: Int = 3) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let lines = group(words) { $0.count <= limit }
        if lines.isEmpty { return [""] }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        kept[maxLines - 1] += "…"
        return kept
    }

    /// Splits `text` into lines whose estimated width is at most `width`, at word boundaries. A
    /// word wider than that is broken, after its last "/" or "-" that fits when it has one, so
    /// that no line is wider than its room. At most `maxLines` lines, the last one shortened
    /// with an ellipsis that fits too.
    static func wrap(_ text: String, width: Double, maxLines: Int = 3) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).flatMap {
            pieces(of: String($0), width: width)
        }
        let lines = group(words) { Self.width(of: $0) <= width }
        if lines.isEmpty { return [""] }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        var last = kept[maxLines - 1]
        while !last.isEmpty, Self.width(of: last + "…") > width { last.removeLast() }
        kept[maxLines - 1] = last + "…"
        return kept
    }

    /// Words joined greedily into lines while `fits` holds.
    private static func group(_ words: [String], fits: (String) -> Bool) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in words {
            if current.isEmpty {
                current = word
            } else if fits(current + " " + word) {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// A word cut into pieces no wider than `width` (at least one character each).
    private static func pieces(of word: String, width: Double) -> [String] {
        guard Self.width(of: word) > width else { return [word] }
        var pieces: [String] = []
        var current = ""
        for character in word {
            if !current.isEmpty, Self.width(of: current + String(character)) > width {
                // Cut after a slash or hyphen in the piece when there is one, as a reader would.
                let cut = current.lastIndex { $0 == "/" || $0 == "-" }
                let tail = cut.map { String(current[current.index(after: $0)...]) } ?? ""
                if let cut, Self.width(of: tail + String(character)) <= width {
                    pieces.append(String(current[...cut]))
                    current = tail
                } else {
                    pieces.append(current)
                    current = ""
                }
            }
            current.append(character)
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// Writes `lines` as one `<text>` element, vertically centred on `y`.
    static func write(
        _ lines: [String], x: Double, y: Double, anchor: String, into writer: inout MarkupWriter,
        className: String? = nil, weight: String? = nil
    ) {
        let first = y - Double(lines.count - 1) * lineHeight / 2 + fontSize * 0.35
        writer.open(
            "text",
            [
                "x": format(x), "y": format(first), "text-anchor": anchor, "class": className,
                "font-weight": weight,
            ])
        for (index, line) in lines.enumerated() {
            if index == 0 {
                writer.text(line)
            } else {
                writer.element("tspan", ["x": format(x), "dy": format(lineHeight)], text: line)
            }
        }
        writer.close("text")
    }

    /// A coordinate with at most one decimal.
    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
