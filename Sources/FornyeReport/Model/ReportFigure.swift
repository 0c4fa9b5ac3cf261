/// A chart of one of the three kinds the report draws.
public enum Chart: Sendable {
    case bar(BarChart)
    case grouped(GroupedBarChart)
    case diverging(DivergingBarChart)

    public func svg() -> String {
        switch self {
        case .bar(let chart): chart.svg()
        case .grouped(let chart): chart.svg()
        case .diverging(let chart): chart.svg()
        }
    }

    /// Whether the chart has a value to draw. A chart of withheld values only would be an empty
    /// plot with a default axis, which says nothing (and looks like zeros).
    public var hasValue: Bool {
        switch self {
        case .bar(let chart): chart.bars.contains { $0.value.estimate != nil }
        case .grouped(let chart): chart.series.contains { $0.values.contains { $0.estimate != nil } }
        case .diverging(let chart):
            chart.items.contains { $0.hinder.total.estimate != nil || $0.promote.total.estimate != nil }
        }
    }

    /// The chart's text alternative, as its `<desc>` holds it.
    public var description: String {
        switch self {
        case .bar(let chart): chart.description
        case .grouped(let chart): chart.description
        case .diverging(let chart): chart.description
        }
    }
}

/// One figure or table of the report: its number and title, a caption written from the numbers,
/// the base, an optional chart, the data as a table, and the CSV file that holds the same numbers.
public struct ReportFigure: Sendable {
    /// An id for anchors and file names, e.g. `fig-4-1`.
    public var id: String
    /// The number a reader cites, e.g. "Figur 4-1" or "Tabell V-0-1".
    public var number: String
    public var title: String
    /// One to three sentences in bokmål generated from the estimates.
    public var caption: String
    /// The base, e.g. "N = 1 786 enheter".
    public var base: String
    public var chart: Chart?
    public var table: DataTable
    /// The same numbers for machines.
    public var csv: FigureCSV
    /// Notes under the figure: how the base is defined, how this differs from the 2018 report.
    public var notes: [String]
    /// Said where the chart would be when every value in it is withheld (the chart is then left out).
    public var chartWithheld: String?

    /// The language the figure's texts are written in: a builder writes its title, caption, base,
    /// chart, table and notes in one language, the report's or (not yet translated) bokmål.
    public var language: ReportLanguage { table.language }

    public init(
        id: String, number: String, title: String, caption: String, base: String, chart: Chart?, table: DataTable,
        csv: FigureCSV, notes: [String] = []
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.caption = caption
        self.base = base
        self.chart = chart
        self.table = table
        self.csv = csv
        self.notes = notes
    }

    /// Leaves the chart out when it has nothing to draw, with the reason in the figure's language.
    mutating func withholdEmptyChart() {
        guard let chart, !chart.hasValue else { return }
        self.chart = nil
        chartWithheld = language.pick(
            "Figuren er ikke tegnet: alle tallene i den er skjult (for få svar eller for usikre anslag), se tabellen.",
            "The chart is not drawn: every number in it is withheld (too few answers or too uncertain estimates); "
                + "see the table.")
    }

    /// The name of the CSV file written beside the report.
    public var csvFileName: String { id + ".csv" }
}

/// A chapter of the report: a heading, a few paragraphs and its figures.
public struct ReportSection: Sendable {
    public var id: String
    public var heading: String
    public var paragraphs: [String]
    public var figures: [ReportFigure]

    public init(id: String, heading: String, paragraphs: [String] = [], figures: [ReportFigure] = []) {
        self.id = id
        self.heading = heading
        self.paragraphs = paragraphs
        self.figures = figures
    }
}

/// The whole report before it is rendered: title, whether the data are synthetic, the sections.
public struct ReportDocument: Sendable {
    public var title: String
    public var subtitle: String
    public var synthetic: Bool
    /// Facts about the data and method shown under the title (rows, design, interval method).
    public var facts: [(term: String, value: String)]
    public var sections: [ReportSection]
    /// The language the texts are written in: the page's `lang` and the renderer's own words.
    public var language: ReportLanguage

    public init(
        title: String, subtitle: String, synthetic: Bool, facts: [(term: String, value: String)],
        sections: [ReportSection], language: ReportLanguage = .nb
    ) {
        self.title = title
        self.subtitle = subtitle
        self.synthetic = synthetic
        self.facts = facts
        self.sections = sections
        self.language = language
    }

    /// Every figure in reading order.
    public var figures: [ReportFigure] { sections.flatMap(\.figures) }

    /// Leaves out every chart whose values are all withheld (`ReportFigure.withholdEmptyChart`).
    mutating func withholdEmptyCharts() {
        for section in sections.indices {
            for figure in sections[section].figures.indices { sections[section].figures[figure].withholdEmptyChart() }
        }
    }
}
