/// Text placement in charts without a font engine: widths are estimated from character counts
/// (a sans-serif average of 0.56 em), and long labels wrap at word boundaries.
enum ChartText {
    static let fontSize = 13.0
    static let lineHeight = 16.0

    /// Estimated width of `text` at the chart font size.
    static func width(of text: String, fontSize: Double = fontSize) -> Double {
        Double(text.count) * fontSize * 0.56
    }

    /// Splits `text` into lines of at most `limit` characters (a longer word gets a line of its
    /// own), and at most `maxLines` lines, the last one shortened with an ellipsis.
    static func wrap(_ text: String, limit: Int, maxLines: Int = 3) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= limit {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.isEmpty { return [""] }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        kept[maxLines - 1] += "…"
        return kept
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
