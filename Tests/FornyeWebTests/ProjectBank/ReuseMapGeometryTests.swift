import FornyeStorage
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

/// No arrow of the reuse map crosses a county label: checked for every possible pair of counties,
/// and on the page the demo data draws.
@Suite struct ReuseMapGeometryTests {
    /// The box an axis-aligned segment covers, widened by half the widest stroke.
    static func box(_ a: ReuseMap.Point, _ b: ReuseMap.Point) -> ReuseMap.Box {
        let half = ReuseMap.strokeWidth(100) / 2
        return ReuseMap.Box(
            x: min(a.x, b.x) - half, y: min(a.y, b.y) - half, width: abs(a.x - b.x) + 2 * half,
            height: abs(a.y - b.y) + 2 * half)
    }

    static func intersects(_ a: ReuseMap.Box, _ b: ReuseMap.Box) -> Bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }

    static func crossings(_ points: [ReuseMap.Point], labels: [ReuseMap.Box]) -> Int {
        zip(points, points.dropFirst()).reduce(0) { total, segment in
            total + labels.filter { intersects(box(segment.0, segment.1), $0) }.count
        }
    }

    @Test func noRouteBetweenAnyTwoCountiesCrossesALabel() {
        let labels = ReuseMap.tiles.map(ReuseMap.labelBox)
        var routes = 0
        for origin in ReuseMap.tiles {
            for target in ReuseMap.tiles where target.number != origin.number {
                for lane in 0..<4 {
                    for targetLane in 0..<4 {
                        let points = ReuseMap.route(from: origin, to: target, lane: lane, targetLane: targetLane)
                        // Only horizontal and vertical segments, so the boxes above are exact.
                        for (a, b) in zip(points, points.dropFirst()) { #expect(a.x == b.x || a.y == b.y) }
                        #expect(Self.crossings(points, labels: labels) == 0, "\(origin.short) → \(target.short)")
                        routes += 1
                    }
                }
            }
        }
        #expect(routes == 15 * 14 * 16)
        // The check can fail: the straight line the map used to draw crosses Trøndelag's label.
        let nordland = ReuseMap.tiles.first { $0.number == "18" }!
        let innlandet = ReuseMap.tiles.first { $0.number == "34" }!
        let straight = [ReuseMap.Point(x: 208, y: 220), ReuseMap.Point(x: 208, y: 362)]
        #expect(Self.crossings(straight, labels: labels) > 0)
        #expect(Self.crossings(ReuseMap.route(from: nordland, to: innlandet), labels: labels) == 0)
    }

    static func project(_ slug: String, county: String, municipality: String) -> ProjectRecord {
        let record = ProjectRecord()
        record.slug = slug
        record.title = "Prosjekt \(slug)"
        record.ownerName = "Kommune \(municipality)"
        record.ownerMunicipality = municipality
        record.countyNumber = county
        return record
    }

    static func arrows(_ svg: String) -> [[ReuseMap.Point]] {
        svg.components(separatedBy: "<path class=\"arrow\" d=\"M").dropFirst().map { element in
            element.prefix { $0 != "\"" }.components(separatedBy: " L").map { pair in
                let xy = pair.split(separator: " ").compactMap { Double($0) }
                return ReuseMap.Point(x: xy.first ?? .nan, y: xy.last ?? .nan)
            }
        }
    }

    /// One county whose project is reused all over the country, and a second original with two
    /// reuses: the map draws the largest links only (saying how many more are in the tables),
    /// arrows leaving the busy county take different lanes, and "who built on what" ends with
    /// "and N more" linking to the project's own reuse page.
    @Test func aBusyCountyStaysReadable() throws {
        let skien = Self.project("skien", county: "40", municipality: "4003")
        let bodø = Self.project("bodo", county: "18", municipality: "1804")
        var flows: [ReuseMap.Flow] = []
        for (index, tile) in ReuseMap.tiles.enumerated() where tile.number != "40" {
            // Two reusing municipalities in most counties: 28 reuses of Skien's project.
            for n in 0..<2 {
                flows.append(
                    .init(
                        original: skien,
                        reuser: Self.project("r\(index)-\(n)", county: tile.number, municipality: "\(tile.number)0\(n)")
                    ))
            }
        }
        flows.append(.init(original: bodø, reuser: Self.project("hamar", county: "34", municipality: "3403")))
        flows.append(.init(original: bodø, reuser: Self.project("alta", county: "56", municipality: "5601")))
        let map = ReuseMap(flows: flows, language: .nb)
        let svg = map.render().render()
        let arrows = Self.arrows(svg)
        #expect(arrows.count == ReuseMap.maxArrows)
        #expect(map.countyFlows.filter { $0.from != $0.to }.count == 16)
        #expect(svg.contains("Viser de \(ReuseMap.maxArrows) største forbindelsene; 6 til står i tabellen"))
        let labels = ReuseMap.tiles.map(ReuseMap.labelBox)
        for arrow in arrows { #expect(Self.crossings(arrow, labels: labels) == 0) }
        // Arrows leaving Skien start on four different lanes, not on one line.
        #expect(Set(arrows.prefix(4).map { $0[0].y }).count == 4)
        let tables = map.tables().render()
        #expect(tables.components(separatedBy: "href=\"/prosjekter/skien\"").count - 1 == 5)
        #expect(
            tables.contains("<a href=\"/prosjekter/skien/gjenbruk\">… og 23 til som bygger på «Prosjekt skien»</a>"))
        #expect(!tables.contains("/prosjekter/bodo/gjenbruk"))
        // The project's own page lists them all.
        let all = ReuseMap(flows: flows, language: .nb, rowsPerOriginal: nil).tables().render()
        #expect(all.components(separatedBy: "href=\"/prosjekter/skien\"").count - 1 == 28)
    }

    static func number(_ name: String, in element: String) -> Double? {
        guard let range = element.range(of: " \(name)=\"") else { return nil }
        return Double(element[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Reuses from Telemark to the far north and west, and from Nordland southwards past
    /// Trøndelag (the arrow that used to cross its label), drawn on the page.
    @Test func theMapsArrowsMissEveryLabelOnThePage() async throws {
        try await withTestApp { app in
            let feature = ProjectBankFeatureTests()
            let admin = try await signIn(app, as: .admin)
            func reuse(_ owner: String, _ title: String, basedOn: String) async throws -> String {
                let created = try await feature.bank.post(
                    app, "/prosjekter", admin,
                    feature.bank.form(["title": title, "ownerMunicipality": owner, "basedOn": basedOn]))
                let slug = try feature.slug(created)
                try await feature.publish(app, slug, admin: admin)
                return slug
            }
            let bodø = try await reuse("1804", "Jobb smartere i Bodø", basedOn: "jobb-smartere-skien")
            for (owner, title) in [
                ("5601", "Jobb smartere i Alta"), ("4601", "Jobb smartere i Bergen"),
                ("5001", "Jobb smartere i Trondheim"),
            ] {
                _ = try await reuse(owner, title, basedOn: "jobb-smartere-skien")
            }
            for (owner, title) in [("3403", "Bodø-modellen i Hamar"), ("4204", "Bodø-modellen i Kristiansand")] {
                _ = try await reuse(owner, title, basedOn: bodø)
            }
            let body = try await app.get("/prosjekter/gjenbruk").body.string
            let labels = body.components(separatedBy: "<rect class=\"label\"").dropFirst().map { element in
                ReuseMap.Box(
                    x: Self.number("x", in: element) ?? -1, y: Self.number("y", in: element) ?? -1,
                    width: Self.number("width", in: element) ?? -1, height: Self.number("height", in: element) ?? -1)
            }
            #expect(labels.count == ReuseMap.tiles.count)
            let arrows = body.components(separatedBy: "<path class=\"arrow\" d=\"M").dropFirst().map { element in
                element.prefix { $0 != "\"" }.components(separatedBy: " L").map { pair in
                    let xy = pair.split(separator: " ").compactMap { Double($0) }
                    return ReuseMap.Point(x: xy.first ?? .nan, y: xy.last ?? .nan)
                }
            }
            #expect(arrows.count == 6)
            for arrow in arrows {
                #expect(arrow.count >= 2)
                #expect(Self.crossings(arrow, labels: labels) == 0)
            }
        }
    }
}
