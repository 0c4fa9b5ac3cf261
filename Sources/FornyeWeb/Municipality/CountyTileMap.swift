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

    static func render(
        estimates: [String: AreaEstimate], names: [String: String], title: String, language: Language
    ) -> Node {
        let values = estimates.values.compactMap { $0.method == .direct ? $0.estimate : nil }
        let low = values.min() ?? 0
        let high = values.max() ?? 1
        let width = size * 5 + 8
        let height = size * 8 + 8
        return el(
            "svg",
            attributes: [
                ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"),
                ("width", "\(Int(width))"), ("height", "\(Int(height))"), ("role", "group"),
                ("aria-labelledby", "fylkeskart-tittel"), ("class", "county-map"),
            ]
        ) {
            el("title", ["id": "fylkeskart-tittel"]) { title }
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
                el("a", ["href": "#fylke-\(number)"]) {
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
        }
    }
}
