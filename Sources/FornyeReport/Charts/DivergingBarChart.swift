/// A diverging bar chart for a grid of promoting and hindering factors (Fig 5-1): for each factor,
/// the share who say it hindered extends left of the centre line and the share who say it promoted
/// extends right. Each side is split into "to a large extent" (dark, solid) and "to some extent"
/// (lighter, hatched); the whisker and the written value belong to the side's total.
public struct DivergingBarChart: Sendable {
    /// One side of one factor.
    public struct Side: Sendable, Hashable {
        /// The share "to a large extent" (drawn next to the centre line).
        public var large: Double?
        /// The share "to some extent".
        public var some: Double?
        /// The total of both, with its interval.
        public var total: ChartValue

        public init(large: Double?, some: Double?, total: ChartValue) {
            self.large = large
            self.some = some
            self.total = total
        }
    }

    public struct Item: Sendable, Hashable {
        public var label: String
        public var hinder: Side
        public var promote: Side

        public init(label: String, hinder: Side, promote: Side) {
            self.label = label
            self.hinder = hinder
            self.promote = promote
        }
    }

    public var id: String
    public var title: String
    public var summary: String
    public var items: [Item]
    public var leftName: String
    public var rightName: String
    public var confidenceLevel: Double
    public var synthetic: Bool
    public var width: Double
    /// English legend and text alternative ("to a large extent", "Diverging bar chart", "CI").
    public var english = false

    public init(
        id: String, title: String, summary: String, items: [Item], leftName: String = "Hemmet",
        rightName: String = "Fremmet", confidenceLevel: Double = 0.95, synthetic: Bool = false, width: Double = 760
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.items = items
        self.leftName = leftName
        self.rightName = rightName
        self.confidenceLevel = confidenceLevel
        self.synthetic = synthetic
        self.width = width
    }

    public var description: String { NorwegianFormat.$language.withValue(language) { describedText } }

    /// The chart as an `<svg>` element, its numbers in the chart's language.
    public func svg() -> String { NorwegianFormat.$language.withValue(language) { drawn() } }

    private var language: ReportLanguage { english ? .en : .nb }

    private var describedText: String {
        let values = items.map { item in
            "\(item.label): \(leftName.lowercased()) \(item.hinder.total.spoken(level: confidenceLevel, english: english)), "
                + "\(rightName.lowercased()) \(item.promote.total.spoken(level: confidenceLevel, english: english))"
        }
        return summary + (english ? " Diverging bar chart. " : " Divergerende stolpediagram. ")
            + values.joined(separator: "; ") + "."
    }

    private func drawn() -> String {
        let labels = items.map { ChartText.wrap($0.label, width: 208) }
        let labelWidth = max(80, labels.flatMap { $0 }.map { ChartText.width(of: $0) }.max() ?? 0) + 12
        let valueRoom = 52.0
        let plotLeft = labelWidth + 8 + valueRoom
        let plotWidth = width - plotLeft - valueRoom
        let half = plotWidth / 2
        let centreX = plotLeft + half
        let fills = [ChartStyle.hinderLarge, ChartStyle.hinderSome, ChartStyle.promoteSome, ChartStyle.promoteLarge]
        let (large, some) = english ? ("to a large extent", "to some extent") : ("i stor grad", "i noen grad")
        let legend = ChartLegend(entries: [
            ("\(leftName) \(large)", ChartStyle.hinderLarge), ("\(leftName) \(some)", ChartStyle.hinderSome),
            ("\(rightName) \(some)", ChartStyle.promoteSome), ("\(rightName) \(large)", ChartStyle.promoteLarge),
        ])
        let legendHeight = legend.height(left: 8, width: width - 16)
        let headerY = 10 + legendHeight + 12
        let top = headerY + 36
        let rowHeights = labels.map { max(30, Double($0.count) * ChartText.lineHeight + 12) }
        let height = top + rowHeights.reduce(0, +) + 12
        let reach = items.flatMap { [$0.hinder.total.reach, $0.promote.total.reach] }.max() ?? 0
        let scale = ChartScale(reach: reach)
        let frame = ChartFrame(
            id: id, title: title, description: description, width: width, height: height, synthetic: synthetic)

        var writer = MarkupWriter()
        frame.open(into: &writer)
        ChartStyle.definitions(fills, chartID: id, into: &writer)
        legend.write(left: 8, top: 10, width: width - 16, chartID: id, into: &writer)
        ChartText.write(
            ["← " + leftName], x: centreX - 8, y: headerY, anchor: "end", into: &writer, weight: "bold")
        ChartText.write(
            [rightName + " →"], x: centreX + 8, y: headerY, anchor: "start", into: &writer, weight: "bold")
        writer.open("g", ["class": "grid", "aria-hidden": "true"])
        for tick in scale.ticks {
            for direction in tick == 0 ? [1.0] : [-1.0, 1.0] {
                let x = centreX + direction * scale.length(of: tick, in: half)
                writer.empty(
                    "line",
                    [
                        "x1": ChartText.format(x), "y1": ChartText.format(top - 4), "x2": ChartText.format(x),
                        "y2": ChartText.format(height - 12), "stroke": tick == 0 ? ChartStyle.axis : ChartStyle.grid,
                        "stroke-width": tick == 0 ? "1.5" : "1",
                    ])
                writer.element(
                    "text",
                    [
                        "x": ChartText.format(x), "y": ChartText.format(top - 8), "text-anchor": "middle",
                        "fill": ChartStyle.mutedText, "font-size": "11",
                    ], text: NorwegianFormat.percent(tick))
            }
        }
        writer.close("g")
        var y = top
        for (index, item) in items.enumerated() {
            let centre = y + rowHeights[index] / 2
            writer.open("g", ["class": "factor"])
            ChartText.write(labels[index], x: labelWidth, y: centre, anchor: "end", into: &writer)
            drawSide(
                item.hinder, direction: -1, centreX: centreX, half: half, centre: centre, scale: scale,
                fills: (ChartStyle.hinderLarge, ChartStyle.hinderSome), into: &writer)
            drawSide(
                item.promote, direction: 1, centreX: centreX, half: half, centre: centre, scale: scale,
                fills: (ChartStyle.promoteLarge, ChartStyle.promoteSome), into: &writer)
            writer.close("g")
            y += rowHeights[index]
        }
        frame.close(into: &writer)
        return writer.output
    }

    private func drawSide(
        _ side: Side, direction: Double, centreX: Double, half: Double, centre: Double, scale: ChartScale,
        fills: (large: ChartStyle.Fill, some: ChartStyle.Fill), into writer: inout MarkupWriter
    ) {
        let thickness = 18.0
        let anchor = direction < 0 ? "end" : "start"
        guard side.total.estimate != nil else {
            ChartText.write(
                [side.total.missingNote], x: centreX + direction * 6, y: centre, anchor: anchor, into: &writer,
                className: "missing")
            return
        }
        var offset = 0.0
        for (share, fill) in [(side.large, fills.large), (side.some, fills.some)] {
            guard let share, share > 0 else { continue }
            let length = scale.length(of: share, in: half)
            let x = direction < 0 ? centreX - offset - length : centreX + offset
            writer.empty(
                "rect",
                [
                    "x": ChartText.format(x), "y": ChartText.format(centre - thickness / 2),
                    "width": ChartText.format(length), "height": ChartText.format(thickness),
                    "fill": ChartStyle.paint(fill, chartID: id), "stroke": "#ffffff", "stroke-width": "1",
                ])
            offset += length
        }
        var end = centreX + direction * offset
        if let lower = side.total.lower, let upper = side.total.upper {
            let near = centreX + direction * scale.length(of: lower, in: half)
            let far = centreX + direction * scale.length(of: upper, in: half)
            ChartFrame.whisker(from: min(near, far), to: max(near, far), y: centre, into: &writer)
            end = direction < 0 ? min(end, far) : max(end, far)
        }
        ChartText.write(
            [side.total.label], x: end + direction * 6, y: centre, anchor: anchor, into: &writer, className: "value")
    }
}
