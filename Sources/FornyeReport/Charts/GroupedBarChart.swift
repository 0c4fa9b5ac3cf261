/// A horizontal grouped bar chart: for each category a group of bars, one per series (for
/// example the results of an innovation, with and without research collaboration). Series differ
/// by colour and pattern and are named in a legend; every bar carries its value and interval.
public struct GroupedBarChart: Sendable {
    public struct Series: Sendable, Hashable {
        public var name: String
        /// One value per category, in category order.
        public var values: [ChartValue]

        public init(name: String, values: [ChartValue]) {
            self.name = name
            self.values = values
        }
    }

    public var id: String
    public var title: String
    public var summary: String
    public var categories: [String]
    public var series: [Series]
    public var confidenceLevel: Double
    public var synthetic: Bool
    public var width: Double
    /// An English text alternative ("Grouped bar chart", "CI").
    public var english = false

    public init(
        id: String, title: String, summary: String, categories: [String], series: [Series],
        confidenceLevel: Double = 0.95, synthetic: Bool = false, width: Double = 720
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.categories = categories
        self.series = series
        self.confidenceLevel = confidenceLevel
        self.synthetic = synthetic
        self.width = width
    }

    public var description: String { NorwegianFormat.$language.withValue(language) { describedText } }

    /// The chart as an `<svg>` element, its numbers in the chart's language.
    public func svg() -> String { NorwegianFormat.$language.withValue(language) { drawn() } }

    private var language: ReportLanguage { english ? .en : .nb }

    private var describedText: String {
        let groups = categories.enumerated().map { (index, category) in
            let values = series.map {
                "\($0.name) \(value(series: $0, index: index).spoken(level: confidenceLevel, english: english))"
            }
            return "\(category): " + values.joined(separator: ", ")
        }
        return summary + (english ? " Grouped bar chart. " : " Gruppert stolpediagram. ")
            + groups.joined(separator: "; ") + "."
    }

    private func value(series: Series, index: Int) -> ChartValue {
        series.values.indices.contains(index) ? series.values[index] : .missing(english ? "no value" : "ingen verdi")
    }

    private func drawn() -> String {
        let fills = series.indices.map { ChartStyle.series[$0 % ChartStyle.series.count] }
        let labels = categories.map { ChartText.wrap($0, width: 228) }
        let labelWidth = max(80, labels.flatMap { $0 }.map { ChartText.width(of: $0) }.max() ?? 0) + 12
        let left = labelWidth + 8
        let plotWidth = width - left - 64
        let legend = ChartLegend(entries: zip(series.map(\.name), fills).map { ($0, $1) })
        let legendHeight = legend.height(left: left, width: width - left - 8)
        let top = 10 + legendHeight + 22
        let thickness = 14.0
        let groupHeight = max(Double(series.count) * (thickness + 3) + 14, 30)
        let height = top + Double(categories.count) * groupHeight + 24
        let reach = series.flatMap(\.values).map(\.reach).max() ?? 0
        let scale = ChartScale(reach: reach)
        let frame = ChartFrame(
            id: id, title: title, description: description, width: width, height: height, synthetic: synthetic)

        var writer = MarkupWriter()
        frame.open(into: &writer)
        ChartStyle.definitions(fills, chartID: id, into: &writer)
        legend.write(left: left, top: 10, width: width - left - 8, chartID: id, into: &writer)
        ChartFrame.grid(scale, left: left, width: plotWidth, top: top, bottom: height - 24, into: &writer)
        for (index, lines) in labels.enumerated() {
            let groupTop = top + Double(index) * groupHeight
            writer.open("g", ["class": "group"])
            ChartText.write(lines, x: labelWidth, y: groupTop + groupHeight / 2, anchor: "end", into: &writer)
            for (seriesIndex, series) in series.enumerated() {
                let centre = groupTop + 7 + thickness / 2 + Double(seriesIndex) * (thickness + 3)
                BarMark.draw(
                    value(series: series, index: index), left: left, plotWidth: plotWidth, centre: centre,
                    thickness: thickness, scale: scale, paint: ChartStyle.paint(fills[seriesIndex], chartID: id),
                    into: &writer)
            }
            writer.close("g")
        }
        frame.close(into: &writer)
        return writer.output
    }
}
