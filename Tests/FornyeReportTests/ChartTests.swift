import Testing

@testable import FornyeReport

@Suite("SVG charts")
struct ChartTests {
    static let hostile = "</svg><script>alert(\"x\")</script> & 'Oslo'"

    static var bar: BarChart {
        BarChart(
            id: "c1", title: "Andel \(hostile)", summary: "Sammendrag \(hostile).",
            bars: [
                .init(label: hostile, value: ChartValue(estimate: 0.74, lower: 0.72, upper: 0.76)),
                .init(label: "Nei", value: ChartValue(estimate: 0.2, lower: 0.18, upper: 0.22)),
                .init(label: "Skjult gruppe", value: .missing()),
            ], synthetic: true)
    }

    static var grouped: GroupedBarChart {
        GroupedBarChart(
            id: "c2", title: "Resultater", summary: "To grupper.", categories: ["Kvalitet", hostile],
            series: [
                .init(
                    name: "Med forskning", values: [ChartValue(estimate: 0.88, lower: 0.8, upper: 0.93), .missing()]),
                .init(
                    name: hostile,
                    values: [ChartValue(estimate: 0.7), ChartValue(estimate: 0.3, lower: 0.25, upper: 0.35)]),
            ])
    }

    static var diverging: DivergingBarChart {
        DivergingBarChart(
            id: "c3", title: "Faktorer", summary: "Fremmer og hemmer.",
            items: [
                .init(
                    label: hostile,
                    hinder: .init(large: 0.02, some: 0.04, total: ChartValue(estimate: 0.06, lower: 0.04, upper: 0.08)),
                    promote: .init(large: 0.55, some: 0.3, total: ChartValue(estimate: 0.85, lower: 0.82, upper: 0.88))),
                .init(
                    label: "Økonomi",
                    hinder: .init(large: 0.1, some: 0.24, total: ChartValue(estimate: 0.34, lower: 0.3, upper: 0.38)),
                    promote: .init(large: nil, some: nil, total: .missing())),
            ])
    }

    static let charts: [(String, String, String)] = [
        ("bar", bar.svg(), bar.description), ("grouped", grouped.svg(), grouped.description),
        ("diverging", diverging.svg(), diverging.description),
    ]

    @Test("each chart is an accessible image: role, labelled by its title and description", arguments: [0, 1, 2])
    func accessible(index: Int) throws {
        let (_, svg, description) = Self.charts[index]
        let root = try XMLNode.parse(svg)
        #expect(root.name == "svg")
        #expect(root.attributes["role"] == "img")
        let id = try #require(root.attributes["id"])
        #expect(root.attributes["aria-labelledby"] == "\(id)-title \(id)-desc")
        let title = try #require(root.children.first { $0.name == "title" })
        let desc = try #require(root.children.first { $0.name == "desc" })
        #expect(title.attributes["id"] == "\(id)-title")
        #expect(desc.attributes["id"] == "\(id)-desc")
        #expect(desc.text == description)
        #expect(!svg.contains("<script"))
        #expect(!svg.lowercased().contains("</svg><"))
    }

    @Test("labels from data are text, read back intact", arguments: [0, 1, 2])
    func hostileLabels(index: Int) throws {
        let root = try XMLNode.parse(Self.charts[index].1)
        #expect(root.allText.contains("</svg><script>alert(\"x\")</script>"))
        #expect(root.allText.contains("'Oslo'"))
        #expect(root.descendants(named: "script").isEmpty)
    }

    @Test("the description lists every value with its interval, and gaps by name")
    func descriptionHasData() {
        let description = Self.bar.description
        #expect(description.contains("74\u{00A0}% (95\u{00A0}%\u{00A0}KI 72–76)"))
        #expect(description.contains("Skjult gruppe: skjult"))
        #expect(Self.diverging.description.contains("fremmet 85\u{00A0}% (95\u{00A0}%\u{00A0}KI 82–88)"))
    }

    @Test("values are written on the bars, intervals drawn as whiskers, gaps named")
    func marks() throws {
        let root = try XMLNode.parse(Self.bar.svg())
        let values = root.descendants(named: "text").filter { $0.attributes["class"] == "value" }.map(\.allText)
        #expect(values == ["74\u{00A0}%", "20\u{00A0}%"])
        #expect(root.descendants(named: "g").filter { $0.attributes["class"] == "interval" }.count == 2)
        #expect(
            root.descendants(named: "text").contains { $0.attributes["class"] == "missing" && $0.allText == "skjult" })
        #expect(root.descendants(named: "text").contains { $0.allText == "SYNTETISKE DATA" })
    }

    @Test("grouped and diverging charts name every series in a legend and use patterns, not colour alone")
    func legendsAndPatterns() throws {
        let grouped = try XMLNode.parse(Self.grouped.svg())
        let legend = try #require(grouped.descendants(named: "g").first { $0.attributes["class"] == "legend" })
        #expect(legend.descendants(named: "text").map(\.allText) == ["Med forskning", Self.hostile])
        #expect(grouped.descendants(named: "pattern").count == 1)
        let diverging = try XMLNode.parse(Self.diverging.svg())
        #expect(diverging.descendants(named: "pattern").count == 2)
        let headers = diverging.descendants(named: "text").map(\.allText)
        #expect(headers.contains("← Hemmet") && headers.contains("Fremmet →"))
    }

    @Test("pattern ids are unique to their chart, so several charts can share a page")
    func uniquePatternIDs() throws {
        let first = try XMLNode.parse(Self.grouped.svg()).descendants(named: "pattern").map { $0.attributes["id"]! }
        #expect(first.allSatisfy { $0.hasPrefix("c2-") })
    }

    @Test("fills have 3:1 contrast with the background and text 4.5:1 (WCAG 2.1 AA)")
    func contrast() {
        let fills =
            ChartStyle.series.map(\.colour)
            + [
                ChartStyle.hinderLarge, ChartStyle.hinderSome, ChartStyle.promoteLarge, ChartStyle.promoteSome,
            ].map(\.colour) + [ChartStyle.intervalStroke, ChartStyle.axis]
        for fill in fills {
            #expect(ChartStyle.contrast(fill, ChartStyle.background) >= 3, "\(fill)")
        }
        for text in [ChartStyle.text, ChartStyle.mutedText] {
            #expect(ChartStyle.contrast(text, ChartStyle.background) >= 4.5, "\(text)")
        }
        #expect(abs(ChartStyle.contrast("#000000", "#ffffff") - 21) < 1e-9)
        #expect(abs(ChartStyle.contrast("#777777", "#ffffff") - 4.48) < 0.01)
    }

    @Test("the axis ends at a round value that holds every interval")
    func scale() {
        #expect(ChartScale(reach: 0.76).maximum == 0.8)
        #expect(ChartScale(reach: 0.8).maximum == 0.8)
        #expect(ChartScale(reach: 0.93).maximum == 1)
        #expect(ChartScale(reach: 0.07).maximum == 0.1)
        #expect(ChartScale(reach: 0.45).ticks.count == 6)
    }

    /// Each line of each category label (text anchored at its end left of the plot) with its x.
    static func labelLines(_ svg: String) throws -> [(x: Double, line: String)] {
        let root = try XMLNode.parse(svg)
        let groups = root.descendants(named: "g").filter {
            ["bar", "group", "factor"].contains($0.attributes["class"])
        }
        return try groups.flatMap { group in
            try group.children.filter { $0.name == "text" && $0.attributes["text-anchor"] == "end" }.flatMap { text in
                let x = try #require(Double(text.attributes["x"] ?? ""))
                return [(x, text.text)] + text.descendants(named: "tspan").map { (x, $0.text) }
            }
        }
    }

    static let longLabels = [
        "Regionale aktører (f.eks. fylkesmannen, fylkeskommunen, Innovasjon Norge)",
        "Innbyggerne har fått større innflytelse på tjenestetilbudet og medvirkning i planleggingen",
        "Kommunens/fylkeskommunens/interkommunale/regionale innovasjonsstrategi",
        "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", "Ja",
    ]

    @Test("long category labels fit in the space left of the axis in every chart kind")
    func labelsFitLeftOfAxis() throws {
        let value = ChartValue(estimate: 0.4, lower: 0.3, upper: 0.5)
        let side = DivergingBarChart.Side(large: 0.1, some: 0.2, total: value)
        let svgs = [
            BarChart(id: "b", title: "t", summary: "s", bars: Self.longLabels.map { .init(label: $0, value: value) })
                .svg(),
            GroupedBarChart(
                id: "g", title: "t", summary: "s", categories: Self.longLabels,
                series: [.init(name: "A", values: Self.longLabels.map { _ in value })]
            ).svg(),
            DivergingBarChart(
                id: "d", title: "t", summary: "s",
                items: Self.longLabels.map { .init(label: $0, hinder: side, promote: side) }
            ).svg(),
        ]
        for svg in svgs {
            let lines = try Self.labelLines(svg)
            #expect(lines.count >= Self.longLabels.count)
            for (x, line) in lines {
                #expect(
                    x - ChartText.width(of: line) >= 0,
                    "«\(line)» is \(ChartText.width(of: line)) wide, left of x = \(x)")
            }
        }
    }

    @Test("the text size the layout assumes is set on the chart itself, not left to the page")
    func fontSizeOnChart() throws {
        let root = try XMLNode.parse(Self.bar.svg())
        #expect(root.attributes["font-size"] == "13")
        #expect(root.attributes["font-family"]?.hasSuffix("sans-serif") == true)
    }

    @Test("the estimated width follows the letters: wide letters count more than narrow ones")
    func widthEstimate() {
        #expect(ChartText.width(of: "mmmm") > 2 * ChartText.width(of: "iiii"))
        // DejaVu Sans (the widest fallback) sets this label 225 px wide at 13 px.
        #expect(ChartText.width(of: "Innbyggerne har fått større innsikt") >= 225)
    }

    @Test("labels wrap to a width: no line wider, words kept whole when they fit, long words broken")
    func wrappingToWidth() {
        let lines = ChartText.wrap("Andre enheter i egen kommune/fylkeskommune", width: 190)
        #expect(lines == ["Andre enheter i egen", "kommune/fylkeskommune"])
        let broken = ChartText.wrap(String(repeating: "W", count: 40), width: 100, maxLines: 10)
        #expect(broken.count > 1 && broken.allSatisfy { ChartText.width(of: $0) <= 100 })
        #expect(broken.joined() == String(repeating: "W", count: 40))
        let cut = ChartText.wrap(String(repeating: "ord ", count: 40), width: 60)
        #expect(cut.count == 3 && cut[2].hasSuffix("…") && cut.allSatisfy { ChartText.width(of: $0) <= 60 })
    }

    @Test("long labels wrap at word boundaries and are cut after three lines")
    func wrapping() {
        #expect(
            ChartText.wrap("Kommunens/fylkeskommunens innovasjonsstrategi", limit: 20) == [
                "Kommunens/fylkeskommunens", "innovasjonsstrategi",
            ])
        let lines = ChartText.wrap(String(repeating: "ord ", count: 40), limit: 10)
        #expect(lines.count == 3 && lines[2].hasSuffix("…"))
    }
}
