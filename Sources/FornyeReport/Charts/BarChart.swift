/// A horizontal bar chart of shares, each bar with its confidence interval as a whisker and its
/// value written at the end, so that the chart reads without colour and without the axis.
///
/// ```swift
/// let chart = BarChart(id: "fig-4-1", title: "Andel som har tatt i bruk en innovasjon",
///                      summary: "74 % har tatt i bruk minst én innovasjon.",
///                      bars: [.init(label: "Ja", value: ChartValue(estimate: 0.74, lower: 0.72, upper: 0.76))])
/// let svg = chart.svg()
/// ```
public struct BarChart: Sendable {
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var value: ChartValue

        public init(label: String, value: ChartValue) {
            self.label = label
            self.value = value
        }
    }

    public var id: String
    public var title: String
    /// One or two sentences on what the chart shows; the values are added to the description.
    public var summary: String
    public var bars: [Bar]
    public var confidenceLevel: Double
    public var synthetic: Bool
    public var width: Double
    /// The text alternative's own words in English (for the web's English pages); the report is bokmål.
    public var english = false

    public init(
        id: String, title: String, summary: String, bars: [Bar], confidenceLevel: Double = 0.95,
        synthetic: Bool = false, width: Double = 720
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.bars = bars
        self.confidenceLevel = confidenceLevel
        self.synthetic = synthetic
        self.width = width
    }

    /// The text alternative: the summary and every value with its interval.
    public var description: String { NorwegianFormat.$language.withValue(language) { describedText } }

    /// The chart as an `<svg>` element, its numbers in the chart's language.
    public func svg() -> String { NorwegianFormat.$language.withValue(language) { drawn() } }

    private var language: ReportLanguage { english ? .en : .nb }

    private var describedText: String {
        let values = bars.map { "\($0.label): \($0.value.spoken(level: confidenceLevel, english: english))" }
        return summary + (english ? " Bar chart. " : " Stolpediagram. ") + values.joined(separator: "; ") + "."
    }

    private func drawn() -> String {
        // Labels wrap to the room left of the axis (at most 260 with 12 to spare), so none is cut off.
        let labels = bars.map { ChartText.wrap($0.label, width: 248) }
        let labelWidth = max(80, labels.flatMap { $0 }.map { ChartText.width(of: $0) }.max() ?? 0) + 12
        let left = labelWidth + 8
        let plotWidth = width - left - 64
        let top = 30.0
        let rowHeights = labels.map { max(30, Double($0.count) * ChartText.lineHeight + 12) }
        let height = top + rowHeights.reduce(0, +) + 24
        let scale = ChartScale(reach: bars.map(\.value.reach).max() ?? 0)
        let frame = ChartFrame(
            id: id, title: title, description: description, width: width, height: height, synthetic: synthetic)

        var writer = MarkupWriter()
        frame.open(into: &writer)
        ChartFrame.grid(scale, left: left, width: plotWidth, top: top, bottom: height - 24, into: &writer)
        var y = top
        for (index, bar) in bars.enumerated() {
            let centre = y + rowHeights[index] / 2
            writer.open("g", ["class": "bar"])
            ChartText.write(labels[index], x: labelWidth, y: centre, anchor: "end", into: &writer)
            BarMark.draw(
                bar.value, left: left, plotWidth: plotWidth, centre: centre, thickness: 18, scale: scale,
                paint: ChartStyle.series[0].colour, into: &writer)
            writer.close("g")
            y += rowHeights[index]
        }
        frame.close(into: &writer)
        return writer.output
    }
}

/// One bar with its whisker and value label, shared by the bar and grouped bar charts.
enum BarMark {
    static func draw(
        _ value: ChartValue, left: Double, plotWidth: Double, centre: Double, thickness: Double, scale: ChartScale,
        paint: String, into writer: inout MarkupWriter
    ) {
        guard let estimate = value.estimate else {
            ChartText.write(
                [value.missingNote], x: left + 6, y: centre, anchor: "start", into: &writer, className: "missing")
            return
        }
        let length = scale.length(of: estimate, in: plotWidth)
        writer.empty(
            "rect",
            [
                "x": ChartText.format(left), "y": ChartText.format(centre - thickness / 2),
                "width": ChartText.format(max(length, 0.5)), "height": ChartText.format(thickness), "fill": paint,
            ])
        var end = left + length
        if let lower = value.lower, let upper = value.upper {
            let start = left + scale.length(of: lower, in: plotWidth)
            end = max(end, left + scale.length(of: upper, in: plotWidth))
            ChartFrame.whisker(from: start, to: end, y: centre, into: &writer)
        }
        ChartText.write([value.label], x: end + 6, y: centre, anchor: "start", into: &writer, className: "value")
    }
}
