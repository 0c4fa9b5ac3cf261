import FornyeBarometer
import FornyeReport

/// Norway's 15 counties (2024) as a tile grid in SVG: one square per county, placed roughly
/// where it lies, coloured by the chosen indicator's published county share in five classes,
/// each tile naming its county number and share in text (colour is never the only carrier) and
/// linking to the county's municipalities. No map tiles, no script.
enum CountyTileMap {
    /// (county number, column, row).
    static let tiles: [(String, Int, Int)] = [
        ("56", 4, 0), ("55", 3, 1), ("18", 2, 2), ("50", 2, 3), ("15", 1, 4), ("34", 2, 4), ("46", 0, 5),
        ("33", 1, 5), ("03", 2, 5), ("32", 3, 5), ("11", 0, 6), ("40", 1, 6), ("39", 2, 6), ("31", 3, 6),
        ("42", 1, 7),
    ]
    /// Light to dark blues; the text on the two darkest is white (contrast ≥ 4.5:1 both ways).
    static let fills = ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5", "#08306b"]
    static let size = 78.0

    /// The class (0–4) of a share among the published shares' range.
    static func bin(_ value: Double, low: Double, high: Double) -> Int {
        guard high > low else { return 2 }
        return min(4, max(0, Int(((value - low) / (high - low) * 5).rounded(.down))))
    }

    /// The map as the page shows it: each tile links to its county's municipalities further down.
    static func render(
        estimates: [String: AreaEstimate], names: [String: String], title: String, language: Language
    ) -> Node {
        svg(estimates: estimates, names: names, title: title, language: language, standalone: nil)
    }

    /// The map as a file of its own (`/kommuner/kart.svg`): an XML declaration, a title and a
    /// description that hold every county's share in words, the synthetic label when the numbers
    /// are synthetic, and no links (they lead into the page).
    static func standaloneSVG(
        estimates: [String: AreaEstimate], names: [String: String], title: String, synthetic: Bool,
        language: Language
    ) -> String {
        let described = tiles.map { number, _, _ in
            let published = estimates[number]?.method == .direct ? estimates[number]?.estimate : nil
            return "\(names[number] ?? number): "
                + (published == nil ? language.pick("ikke publisert", "not published") : ProfileText.percent(published))
        }
        let description =
            language.pick("Fylkeskart i fem fargeklasser. ", "County tile map in five colour classes. ")
            + described.joined(separator: "; ") + "."
        let node = svg(
            estimates: estimates, names: names, title: title, language: language,
            standalone: (description, synthetic))
        return #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + node.render()
    }

    private static func svg(
        estimates: [String: AreaEstimate], names: [String: String], title: String, language: Language,
        standalone: (description: String, synthetic: Bool)?
    ) -> Node {
        let values = estimates.values.compactMap { $0.method == .direct ? $0.estimate : nil }
        let low = values.min() ?? 0
        let high = values.max() ?? 1
        let width = size * 5 + 8
        let height = size * 8 + 8 + (standalone == nil ? 0 : 20)
        return el(
            "svg",
            attributes: [
                ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"),
                ("width", "\(Int(width))"), ("height", "\(Int(height))"),
                ("role", standalone == nil ? "group" : "img"),
                ("aria-labelledby", "fylkeskart-tittel" + (standalone == nil ? "" : " fylkeskart-beskrivelse")),
                ("class", "county-map"), ("font-family", standalone == nil ? nil : "system-ui, Arial, sans-serif"),
            ]
        ) {
            el("title", ["id": "fylkeskart-tittel"]) { title }
            if let standalone {
                el("desc", ["id": "fylkeskart-beskrivelse"]) { standalone.description }
                el("rect", attributes: [("width", "\(Int(width))"), ("height", "\(Int(height))"), ("fill", "#ffffff")])
            }
            for (number, column, row) in tiles {
                let estimate = estimates[number]
                let published = estimate?.method == .direct ? estimate?.estimate : nil
                let level = published.map { bin($0, low: low, high: high) }
                let fill = level.map { fills[$0] } ?? "#ffffff"
                let textFill = (level ?? 0) >= 3 ? "#ffffff" : "#111111"
                let name = names[number] ?? number
                let share = ProfileText.percent(published)
                let x = 4 + Double(column) * size
                let y = 4 + Double(row) * size
                el(standalone == nil ? "a" : "g", ["href": standalone == nil ? "#fylke-\(number)" : nil]) {
                    el("title") {
                        "\(name): "
                            + (published == nil ? language.pick("ikke publisert", "not published") : share)
                    }
                    el(
                        "rect",
                        attributes: [
                            ("x", "\(x + 2)"), ("y", "\(y + 2)"), ("width", "\(size - 4)"), ("height", "\(size - 4)"),
                            ("fill", fill), ("stroke", "#333333"), ("stroke-width", "1"),
                        ])
                    el(
                        "text",
                        attributes: [
                            ("x", "\(x + size / 2)"), ("y", "\(y + 32)"), ("text-anchor", "middle"), ("fill", textFill),
                            ("font-size", "14"),
                        ]
                    ) { String(name.prefix(9)) }
                    el(
                        "text",
                        attributes: [
                            ("x", "\(x + size / 2)"), ("y", "\(y + 54)"), ("text-anchor", "middle"), ("fill", textFill),
                            ("font-size", "16"), ("font-weight", "bold"),
                        ]
                    ) { published == nil ? "–" : share }
                }
            }
            if standalone?.synthetic == true {
                el(
                    "text",
                    attributes: [
                        ("x", "\(Int(width) - 6)"), ("y", "\(Int(height) - 6)"), ("text-anchor", "end"),
                        ("fill", "#555555"), ("font-size", "11"),
                    ]
                ) { SyntheticLabel.marker }
            }
        }
    }
}
