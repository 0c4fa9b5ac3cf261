import Foundation

/// Effects in percentage points on an axis that runs through zero: each row an estimate (a
/// diamond) with its confidence interval as a whisker and its value written beside it, so a
/// difference-in-differences or an event study reads without colour and without the axis. A
/// reference row (the event study's base wave) is drawn as a ring at zero.
///
/// ```swift
/// let chart = EffectChart(id: "did", title: "Effekt av programmet", summary: "…",
///     rows: [.init(label: "H1 Innoverer", value: ChartValue(estimate: -0.04, lower: -0.14, upper: 0.06))])
/// ```
public struct EffectChart: Sendable {
    public struct Row: Sendable, Hashable {
        public var label: String
        /// The effect as a difference of shares (0.05 = 5 percentage points).
        public var value: ChartValue
        /// True for a reference row, 0 by definition.
        public var isReference: Bool

        public init(label: String, value: ChartValue, isReference: Bool = false) {
            self.label = label
            self.value = value
            self.isReference = isReference
        }
    }

    public var id: String
    public var title: String
    public var summary: String
    public var rows: [Row]
    public var confidenceLevel: Double
    public var synthetic: Bool
    public var width: Double
    /// The text alternative's own words in English (for the web's English pages); the report is bokmål.
    public var english = false

    public init(
        id: String, title: String, summary: String, rows: [Row], confidenceLevel: Double = 0.95,
        synthetic: Bool = false, width: Double = 720
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.rows = rows
        self.confidenceLevel = confidenceLevel
        self.synthetic = synthetic
        self.width = width
    }

    /// The text alternative: the summary and every effect with its interval.
    public var description: String { NorwegianFormat.$language.withValue(language) { describedText } }

    /// The chart as an `<svg>` element, its numbers in the chart's language.
    public func svg() -> String { NorwegianFormat.$language.withValue(language) { drawn() } }

    private var language: ReportLanguage { english ? .en : .nb }

    private var describedText: String {
        let values = rows.map { row in
            "\(row.label): " + (row.isReference ? (english ? "reference (0)" : "referanse (0)") : spoken(row.value))
        }
        let kind = english ? " Effect chart in percentage points. " : " Effektdiagram i prosentpoeng. "
        return summary + kind + values.joined(separator: "; ") + "."
    }

    private func spoken(_ value: ChartValue) -> String {
        guard let estimate = value.estimate else { return value.missingNote }
        var text = NorwegianFormat.points(estimate, decimals: 1) + (english ? " percentage points" : " prosentpoeng")
        if let lower = value.lower, let upper = value.upper {
            text +=
                " (" + Captions.intervalName(confidenceLevel, english: english) + " "
                + NorwegianFormat.points(lower, decimals: 1) + (english ? " to " : " til ")
                + NorwegianFormat.points(upper, decimals: 1) + ")"
        }
        return text
    }

    /// The half-width of the axis in share units: a round number that holds every interval.
    static func reach(_ rows: [Row]) -> (maximum: Double, step: Double) {
        let reach =
            rows.flatMap { [$0.value.estimate, $0.value.lower, $0.value.upper] }.compactMap { $0 }
            .map(abs).max() ?? 0
        let candidates: [(Double, Double)] = [
            (0.05, 0.01), (0.1, 0.05), (0.2, 0.05), (0.3, 0.1), (0.5, 0.1), (0.8, 0.2), (1.0, 0.25),
        ]
        return candidates.first { $0.0 >= reach - 1e-12 } ?? candidates[candidates.count - 1]
    }

    private func drawn() -> String {
        let labels = rows.map { ChartText.wrap($0.label, width: 200) }
        let labelWidth = max(80, labels.flatMap { $0 }.map { ChartText.width(of: $0) }.max() ?? 0) + 12
        let left = labelWidth + 8
        let plotWidth = width - left - 96
        let top = 30.0
        let rowHeights = labels.map { max(30, Double($0.count) * ChartText.lineHeight + 12) }
        let height = top + rowHeights.reduce(0, +) + 24
        let (maximum, step) = Self.reach(rows)
        func x(_ value: Double) -> Double {
            left + (min(max(value, -maximum), maximum) + maximum) / (2 * maximum) * plotWidth
        }
        let frame = ChartFrame(
            id: id, title: title, description: description, width: width, height: height, synthetic: synthetic)
        var writer = MarkupWriter()
        frame.open(into: &writer)
        writer.open("g", ["class": "grid", "aria-hidden": "true"])
        let count = Int((maximum / step).rounded())
        for index in -count...count {
            let tick = Double(index) * step
            writer.empty(
                "line",
                [
                    "x1": ChartText.format(x(tick)), "y1": ChartText.format(top), "x2": ChartText.format(x(tick)),
                    "y2": ChartText.format(height - 24), "stroke": index == 0 ? ChartStyle.axis : ChartStyle.grid,
                    "stroke-width": index == 0 ? "1.5" : "1",
                ])
            writer.element(
                "text",
                [
                    "x": ChartText.format(x(tick)), "y": ChartText.format(top - 6), "text-anchor": "middle",
                    "fill": ChartStyle.mutedText, "font-size": "11",
                ], text: NorwegianFormat.points(tick))
        }
        writer.element(
            "text",
            [
                "x": ChartText.format(left + plotWidth / 2), "y": ChartText.format(height - 6), "text-anchor": "middle",
                "fill": ChartStyle.mutedText, "font-size": "11",
            ], text: english ? "Percentage points" : "Prosentpoeng (percentage points)")
        writer.close("g")
        var y = top
        for (index, row) in rows.enumerated() {
            let centre = y + rowHeights[index] / 2
            writer.open("g", ["class": "effect"])
            ChartText.write(labels[index], x: labelWidth, y: centre, anchor: "end", into: &writer)
            draw(row, centre: centre, x: x, into: &writer)
            writer.close("g")
            y += rowHeights[index]
        }
        frame.close(into: &writer)
        return writer.output
    }

    private func draw(_ row: Row, centre: Double, x: (Double) -> Double, into writer: inout MarkupWriter) {
        if row.isReference {
            writer.empty(
                "circle",
                [
                    "cx": ChartText.format(x(0)), "cy": ChartText.format(centre), "r": "5", "fill": "#ffffff",
                    "stroke": ChartStyle.series[0].colour, "stroke-width": "2",
                ])
            ChartText.write(
                ["referanse"], x: x(0) + 10, y: centre, anchor: "start", into: &writer, className: "value")
            return
        }
        guard let estimate = row.value.estimate else {
            ChartText.write(
                [row.value.missingNote], x: x(0) + 6, y: centre, anchor: "start", into: &writer, className: "missing")
            return
        }
        var end = x(estimate)
        if let lower = row.value.lower, let upper = row.value.upper {
            ChartFrame.whisker(from: x(lower), to: x(upper), y: centre, into: &writer)
            end = max(end, x(upper))
        }
        let (cx, size) = (x(estimate), 6.0)
        let points = [(cx, centre - size), (cx + size, centre), (cx, centre + size), (cx - size, centre)]
            .map { ChartText.format($0.0) + "," + ChartText.format($0.1) }.joined(separator: " ")
        writer.empty(
            "polygon",
            ["points": points, "fill": ChartStyle.series[0].colour, "stroke": "#ffffff", "stroke-width": "1"])
        ChartText.write(
            [NorwegianFormat.points(estimate, decimals: 1)], x: end + 8, y: centre, anchor: "start", into: &writer,
            className: "value")
    }
}
