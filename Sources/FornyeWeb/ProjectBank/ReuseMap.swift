import FornyeStorage
import Foundation

/// Who built on which project, across the country: a tile map (grid cartogram) of Norway's
/// counties with origin → reuser arrows, and the same facts in tables for screen readers.
///
/// No map geometry is bundled with Fornye, so each county is one equal square placed by hand on
/// a grid roughly where it lies (north at the top, the coast to the west). It shows neighbourhood
/// and counts, not area or borders. The tiles are the counties in force from 2024; a project whose
/// county number is not one of them (or unknown) is counted in the tables only.
struct ReuseMap {
    /// One reuse: `reuser` names `original` in `basedOn`.
    typealias Flow = ProjectReuse

    struct Tile {
        var number: String
        /// A short name that fits a tile.
        var short: String
        var column: Int
        var row: Int
    }

    /// Hand-placed, roughly geographic: Finnmark top right, Agder at the bottom.
    static let tiles: [Tile] = [
        Tile(number: "56", short: "Finnm.", column: 4, row: 0),
        Tile(number: "55", short: "Troms", column: 3, row: 1),
        Tile(number: "18", short: "Nordl.", column: 2, row: 2),
        Tile(number: "50", short: "Trønd.", column: 2, row: 3),
        Tile(number: "15", short: "M. og R.", column: 1, row: 4),
        Tile(number: "34", short: "Innl.", column: 2, row: 4),
        Tile(number: "46", short: "Vestl.", column: 0, row: 5),
        Tile(number: "33", short: "Busk.", column: 1, row: 5),
        Tile(number: "32", short: "Akersh.", column: 2, row: 5),
        Tile(number: "03", short: "Oslo", column: 3, row: 5),
        Tile(number: "11", short: "Rogal.", column: 0, row: 6),
        Tile(number: "40", short: "Telem.", column: 1, row: 6),
        Tile(number: "39", short: "Vestf.", column: 2, row: 6),
        Tile(number: "31", short: "Østf.", column: 3, row: 6),
        Tile(number: "42", short: "Agder", column: 1, row: 7),
    ]

    static let tileSize = 76.0
    static let gap = 6.0

    var flows: [Flow]
    var language: Language
    /// Rows of "who built on what" shown per original project before "and N more" (links to
    /// that project's own reuse page, which passes nil to list them all).
    var rowsPerOriginal: Int? = 5
    /// Distinguishes the SVG's ids when a page has more than one map.
    var idPrefix = "gjenbruk"

    /// Municipalities (or owners) that reused something, per county of the reuser.
    var reusersByCounty: [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for flow in flows {
            result[flow.reuser.countyNumber ?? "", default: []].insert(
                flow.reuser.ownerMunicipality ?? flow.reuser.ownerName)
        }
        return result
    }

    /// Reuses from one county to another, with how many.
    var countyFlows: [(from: String, to: String, count: Int)] {
        var counts: [String: Int] = [:]
        for flow in flows {
            counts["\(flow.original.countyNumber ?? "")>\(flow.reuser.countyNumber ?? "")", default: 0] += 1
        }
        return counts.map { key, count in
            let parts = key.split(separator: ">", omittingEmptySubsequences: false).map(String.init)
            return (parts[0], parts[1], count)
        }
        .sorted { ($0.count, $1.from, $1.to) > ($1.count, $0.from, $0.to) }
    }

    struct Box: Equatable {
        var x, y, width, height: Double
    }

    struct Point: Equatable {
        var x, y: Double
    }

    /// The white label at the top of a tile (county name and count).
    static func labelBox(_ tile: Tile) -> Box {
        let step = tileSize + gap
        return Box(
            x: gap + Double(tile.column) * step + 4, y: gap + Double(tile.row) * step + 4, width: tileSize - 8,
            height: 34)
    }

    static func strokeWidth(_ count: Int) -> Double { min(1 + Double(count), 5) }

    /// Arrows drawn at most, the largest county pairs first; the rest are only in the tables, so
    /// that a county with many reuses does not hide the map under a bundle of arrows.
    static let maxArrows = 10

    /// An arrow's way from one tile to another that never crosses a label: it leaves the origin
    /// along the free band under the labels of its row, changes rows in the corridor between
    /// two columns of tiles (where no label reaches), and comes in along the target row's band.
    /// `lane` spreads the arrows leaving one tile over its band, `targetLane` those coming into one
    /// tile, so that arrows sharing a county overlap less.
    static func route(from origin: Tile, to target: Tile, lane: Int = 0, targetLane: Int? = nil) -> [Point] {
        let step = tileSize + gap
        func centreX(_ tile: Tile) -> Double { gap + Double(tile.column) * step + tileSize / 2 }
        // Labels end 38 below a tile's top; the next row's start 4 + 76 + 6 below it.
        func band(_ tile: Tile, _ lane: Int) -> Double { gap + Double(tile.row) * step + 50 + Double(lane % 4) * 6 }
        let targetLane = targetLane ?? lane
        // Between origin's column and the next one towards the target (right of it when the same).
        let side = target.column < origin.column ? -1.0 : 1.0
        let corridor = centreX(origin) + side * (tileSize / 2 + gap / 2)
        let endX = centreX(target) - (target.column == origin.column ? -12 : side * 12)
        var points = [Point(x: centreX(origin), y: band(origin, lane))]
        if target.row != origin.row || lane % 4 != targetLane % 4 {
            points.append(Point(x: corridor, y: band(origin, lane)))
            points.append(Point(x: corridor, y: band(target, targetLane)))
        }
        points.append(Point(x: endX, y: band(target, targetLane)))
        return points
    }

    /// 0, 1, 2–3, 4 or more: each class has its own fill and its own pattern.
    static func level(_ count: Int) -> Int {
        switch count {
        case 0: 0
        case 1: 1
        case 2...3: 2
        default: 3
        }
    }

    func countyName(_ number: String) -> String {
        number.isEmpty ? ProjectLabels.unknown(language) : ProjectLabels.countyNames[number] ?? number
    }

    func municipalities(_ count: Int) -> String {
        language.pick(
            ProjectLabels.count(count, "kommune", "kommuner"),
            ProjectLabels.count(count, "municipality", "municipalities"))
    }

    func render() -> Node {
        let reusers = reusersByCounty
        let flows = countyFlows
        let titleID = "\(idPrefix)-tittel"
        let descID = "\(idPrefix)-beskrivelse"
        let step = Self.tileSize + Self.gap
        let width = 5 * step + Self.gap
        let byNumber = Dictionary(Self.tiles.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        let drawable = flows.filter { byNumber[$0.from] != nil && byNumber[$0.to] != nil && $0.from != $0.to }
        let mapped = Array(drawable.prefix(Self.maxArrows))
        let hidden = drawable.count - mapped.count
        let height = 8 * step + Self.gap + 110
        // Each arrow's place among those leaving its county and among those reaching its county.
        var leaving: [String: Int] = [:]
        var reaching: [String: Int] = [:]
        let lanes: [(Int, Int)] = mapped.map { flow in
            defer {
                leaving[flow.from, default: 0] += 1
                reaching[flow.to, default: 0] += 1
            }
            return (leaving[flow.from] ?? 0, reaching[flow.to] ?? 0)
        }
        let description = language.pick(
            "Rutekart (ikke målestokkriktig): hvert fylke er en rute plassert omtrent der det ligger. Tallet i ruten er antall kommuner i fylket som har gjenbrukt et prosjekt; mønster og farge viser det samme. Pilene går fra fylket der prosjektet startet til fylket som gjenbrukte det. Tabellene under figuren gir de samme tallene.",
            "Tile map (not to scale): each county is a square placed roughly where it lies. The number in a square is how many of its municipalities reused a project; pattern and colour show the same. Arrows go from the county where a project started to the county that reused it. The tables below the figure give the same numbers."
        )
        return el("figure", ["class": "reuse-map", "aria-labelledby": "\(idPrefix)-figurtekst"]) {
            el(
                "svg",
                attributes: [
                    ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"),
                    ("width", "\(Int(width))"), ("height", "\(Int(height))"), ("role", "img"),
                    ("aria-labelledby", "\(titleID) \(descID)"),
                ]
            ) {
                el("title", ["id": titleID]) {
                    language.pick("Gjenbruk av prosjekter per fylke", "Reuse of projects by county")
                }
                el("desc", ["id": descID]) { description }
                el("defs") {
                    // Patterns: none, sparse diagonal, cross-hatch, dense dots; readable without colour.
                    el(
                        "pattern",
                        ["id": "\(idPrefix)-p1", "width": "8", "height": "8", "patternUnits": "userSpaceOnUse"]
                    ) {
                        el("rect", ["width": "8", "height": "8", "fill": "#d6e6f5"])
                        el("path", ["d": "M0 8 L8 0", "stroke": "#1d3f66", "stroke-width": "1"])
                    }
                    el(
                        "pattern",
                        ["id": "\(idPrefix)-p2", "width": "8", "height": "8", "patternUnits": "userSpaceOnUse"]
                    ) {
                        el("rect", ["width": "8", "height": "8", "fill": "#8fbbe0"])
                        el("path", ["d": "M0 8 L8 0 M0 0 L8 8", "stroke": "#1d3f66", "stroke-width": "1"])
                    }
                    el(
                        "pattern",
                        ["id": "\(idPrefix)-p3", "width": "6", "height": "6", "patternUnits": "userSpaceOnUse"]
                    ) {
                        el("rect", ["width": "6", "height": "6", "fill": "#3f7fb8"])
                        el("circle", ["cx": "3", "cy": "3", "r": "1.6", "fill": "#0b2240"])
                    }
                    el(
                        "marker",
                        [
                            "id": "\(idPrefix)-pil", "viewBox": "0 0 10 10", "refX": "9", "refY": "5",
                            // A fixed size in map units: scaled by the stroke, heads of thick
                            // arrows covered the tiles they point at.
                            "markerUnits": "userSpaceOnUse", "markerWidth": "11", "markerHeight": "11",
                            "orient": "auto-start-reverse",
                        ]
                    ) {
                        el("path", ["d": "M0 0 L10 5 L0 10 z", "fill": "#b3261e"])
                    }
                }
                for tile in Self.tiles {
                    let count = reusers[tile.number]?.count ?? 0
                    let level = Self.level(count)
                    let x = Self.gap + Double(tile.column) * step
                    let y = Self.gap + Double(tile.row) * step
                    el("g", ["class": "tile"]) {
                        el("title") { countyName(tile.number) + ": " + municipalities(count) }
                        el(
                            "rect",
                            [
                                "x": "\(x)", "y": "\(y)", "width": "\(Self.tileSize)", "height": "\(Self.tileSize)",
                                "fill": level == 0 ? "#ffffff" : "url(#\(idPrefix)-p\(level))", "stroke": "#1a1a1a",
                                "stroke-width": "1.5",
                            ])
                        // Text sits on a white label so the pattern never lowers its contrast.
                        let label = Self.labelBox(tile)
                        el(
                            "rect",
                            [
                                "class": "label", "x": "\(label.x)", "y": "\(label.y)", "width": "\(label.width)",
                                "height": "\(label.height)", "fill": "#ffffff", "stroke": "#1a1a1a",
                                "stroke-width": "0.5",
                            ])
                        el(
                            "text",
                            [
                                "x": "\(x + Self.tileSize / 2)", "y": "\(y + 17)", "text-anchor": "middle",
                                "font-size": "11", "fill": "#1a1a1a",
                            ]
                        ) {
                            tile.short
                        }
                        el(
                            "text",
                            [
                                "x": "\(x + Self.tileSize / 2)", "y": "\(y + 33)", "text-anchor": "middle",
                                "font-size": "14", "font-weight": "bold", "fill": "#1a1a1a",
                            ]
                        ) { "\(count)" }
                    }
                }
                for (flow, lane) in zip(mapped, lanes) {
                    let points = Self.route(
                        from: byNumber[flow.from]!, to: byNumber[flow.to]!, lane: lane.0, targetLane: lane.1)
                    el("g", ["class": "flow"]) {
                        el("title") {
                            countyName(flow.from) + " → " + countyName(flow.to) + ": "
                                + language.pick(
                                    ProjectLabels.count(flow.count, "gjenbruk", "gjenbruk"),
                                    ProjectLabels.count(flow.count, "reuse", "reuses"))
                        }
                        el(
                            "path",
                            [
                                "class": "arrow",
                                "d": "M" + points.map { "\($0.x) \($0.y)" }.joined(separator: " L"),
                                "stroke": "#b3261e", "stroke-width": "\(Self.strokeWidth(flow.count))", "fill": "none",
                                "marker-end": "url(#\(idPrefix)-pil)", "stroke-linecap": "round",
                                "stroke-linejoin": "round",
                            ])
                    }
                }
                legend(y: 8 * step + Self.gap + 4)
            }
            el("figcaption", ["id": "\(idPrefix)-figurtekst"]) {
                language.pick(
                    "Rutekart over fylkene (2024-inndelingen, ikke målestokkriktig). Tall: kommuner som har gjenbrukt et prosjekt. Piler: fra opprinnelsesfylke til fylket som gjenbrukte.",
                    "Tile map of the counties (2024 division, not to scale). Numbers: municipalities that reused a project. Arrows: from the county of origin to the reusing county."
                )
                if hidden > 0 { " " + hiddenArrows(hidden) }
            }
        }
    }

    func hiddenArrows(_ count: Int) -> String {
        language.pick(
            "Viser de \(Self.maxArrows) største forbindelsene; \(count) til står i tabellen «Fra fylke til fylke».",
            "Showing the \(Self.maxArrows) largest links; \(count) more are in the table “From county to county”.")
    }

    func legend(y: Double) -> Node {
        let entries: [(Int, String)] = [
            (0, "0"), (1, "1"), (2, "2–3"), (3, language.pick("4 eller flere", "4 or more")),
        ]
        return el("g", ["class": "legend"]) {
            el("text", ["x": "6", "y": "\(y + 12)", "font-size": "12", "fill": "#1a1a1a"]) {
                language.pick("Kommuner som har gjenbrukt:", "Municipalities that reused:")
            }
            for (index, (level, label)) in entries.enumerated() {
                let x = 6.0 + Double(index) * 95
                el(
                    "rect",
                    [
                        "x": "\(x)", "y": "\(y + 22)", "width": "24", "height": "24",
                        "fill": level == 0 ? "#ffffff" : "url(#\(idPrefix)-p\(level))", "stroke": "#1a1a1a",
                    ])
                el("text", ["x": "\(x + 30)", "y": "\(y + 39)", "font-size": "12", "fill": "#1a1a1a"]) { label }
            }
            el(
                "path",
                [
                    "d": "M6 \(y + 74) L60 \(y + 74)", "stroke": "#b3261e", "stroke-width": "3",
                    "marker-end": "url(#\(idPrefix)-pil)",
                ])
            el("text", ["x": "70", "y": "\(y + 78)", "font-size": "12", "fill": "#1a1a1a"]) {
                language.pick(
                    "Gjenbruk fra fylke til fylke (tykkere = flere)", "Reuse from county to county (thicker = more)")
            }
        }
    }

    /// The reuses grouped by the project they build on, most reused first (then by title).
    var byOriginal: [[Flow]] {
        Dictionary(grouping: flows) { $0.original.slug }.values
            .sorted { ($1.count, $0[0].original.title) < ($0.count, $1[0].original.title) }
    }

    /// The map's numbers as tables: per county, then county to county, then every reuse.
    func tables(showCountyTable: Bool = true) -> Node {
        let reusers = reusersByCounty
        let originCounts = Dictionary(grouping: flows) { $0.original.countyNumber ?? "" }.mapValues(\.count)
        let counties = Set(reusers.keys).union(originCounts.keys).sorted()
        return .fragment([
            showCountyTable
                ? el("table") {
                    el("caption") { language.pick("Gjenbruk per fylke", "Reuse by county") }
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) { language.pick("Fylke", "County") }
                            el("th", ["scope": "col", "class": "num"]) {
                                language.pick("Kommuner som har gjenbrukt", "Municipalities that reused")
                            }
                            el("th", ["scope": "col", "class": "num"]) {
                                language.pick("Gjenbruk av prosjekter herfra", "Reuses of projects from here")
                            }
                        }
                    }
                    el("tbody") {
                        for county in counties {
                            el("tr") {
                                el("th", ["scope": "row"]) { countyName(county) }
                                el("td", ["class": "num"]) { "\(reusers[county]?.count ?? 0)" }
                                el("td", ["class": "num"]) { "\(originCounts[county] ?? 0)" }
                            }
                        }
                    }
                } : .empty,
            el("table") {
                el("caption") { language.pick("Fra fylke til fylke", "From county to county") }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { language.pick("Opprinnelsesfylke", "County of origin") }
                        el("th", ["scope": "col"]) { language.pick("Gjenbrukt i fylke", "Reused in county") }
                        el("th", ["scope": "col", "class": "num"]) { language.pick("Antall gjenbruk", "Reuses") }
                    }
                }
                el("tbody") {
                    for flow in countyFlows {
                        el("tr") {
                            el("th", ["scope": "row"]) { countyName(flow.from) }
                            el("td") { countyName(flow.to) }
                            el("td", ["class": "num"]) { "\(flow.count)" }
                        }
                    }
                }
            },
            el("table") {
                el("caption") { language.pick("Hvem bygget på hva", "Who built on what") }
                el("thead") {
                    el("tr") {
                        for (nb, en) in [
                            ("Kommune/eier", "Municipality/owner"), ("Fylke", "County"), ("Prosjekt", "Project"),
                            ("Bygger på", "Builds on"), ("Opprinnelig eier", "Original owner"),
                        ] {
                            el("th", ["scope": "col"]) { language.pick(nb, en) }
                        }
                    }
                }
                el("tbody") {
                    for group in byOriginal {
                        for flow in group.prefix(rowsPerOriginal ?? group.count) {
                            el("tr") {
                                el("th", ["scope": "row"]) { flow.reuser.ownerName }
                                el("td") { countyName(flow.reuser.countyNumber ?? "") }
                                el("td") {
                                    if let project = flow.reuser.project {
                                        el("a", ["href": Paths.project(slug: project.slug)]) { project.title }
                                    } else if let report = flow.reuser.report {
                                        language.pick("Registrert gjenbruk", "Recorded reuse")
                                            + ReuseReportText.summary(report, language: language)
                                    }
                                }
                                el("td") {
                                    el("a", ["href": Paths.project(slug: flow.original.slug)]) { flow.original.title }
                                }
                                el("td") { flow.original.ownerName }
                            }
                        }
                        if let limit = rowsPerOriginal, group.count > limit, let original = group.first?.original {
                            el("tr", ["class": "more-row"]) {
                                el("td", ["colspan": "5"]) {
                                    el("a", ["href": Paths.projectReuse(slug: original.slug)]) {
                                        language.pick(
                                            "… og \(group.count - limit) til som bygger på «\(original.title)»",
                                            "… and \(group.count - limit) more building on “\(original.title)”")
                                    }
                                }
                            }
                        }
                    }
                }
            },
        ])
    }
}
