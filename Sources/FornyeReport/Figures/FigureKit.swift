import FornyeStatistics

/// Building blocks shared by the figure builders: the standard share table, bar charts from cells.
enum FigureKit {
    typealias Entry = (label: String, cell: EstimateCell?)

    /// Label | Andel | 95 % KI | Antall svar: the table beside a chart of one variable's shares.
    static func categoryTable(
        caption: String, rowHeader: String, entries: [Entry], level: Double, language: ReportLanguage = .nb
    ) -> DataTable {
        DataTable(
            caption: caption, rowHeader: rowHeader,
            columns: [
                .init(language.pick("Andel", "Share")), .init(Captions.intervalName(level, english: language == .en)),
                .init(language.pick("Antall svar", "Answers")),
            ],
            rows: entries.map { entry in
                DataTable.Row(
                    header: entry.label,
                    cells: [
                        CellText.share(entry.cell, language), CellText.interval(entry.cell, language),
                        entry.cell.map { CellText.count($0.cellCount, language) } ?? CellText.noEstimate,
                    ])
            },
            notes: CellText.notes(for: entries.compactMap(\.cell), language), language: language)
    }

    /// Label | Andel | 95 % KI | Grunnlag (N): one share per domain of a breakdown.
    static func domainTable(
        caption: String, rowHeader: String, entries: [Entry], level: Double, language: ReportLanguage = .nb
    ) -> DataTable {
        DataTable(
            caption: caption, rowHeader: rowHeader,
            columns: [
                .init(language.pick("Andel", "Share")), .init(Captions.intervalName(level, english: language == .en)),
                .init(language.pick("Grunnlag (N)", "Base (N)")),
            ],
            rows: entries.map { entry in
                DataTable.Row(
                    header: entry.label,
                    cells: [
                        CellText.share(entry.cell, language), CellText.interval(entry.cell, language),
                        entry.cell.map { CellText.count($0.baseCount, language) } ?? CellText.noEstimate,
                    ])
            },
            notes: CellText.notes(for: entries.compactMap(\.cell), language), language: language)
    }

    static func bar(id: String, title: String, summary: String, entries: [Entry], context: ReportContext) -> Chart {
        var chart = BarChart(
            id: "\(id)-chart", title: title, summary: summary,
            bars: entries.map { BarChart.Bar(label: $0.label, value: CellText.chartValue($0.cell, context.language)) },
            confidenceLevel: context.level, synthetic: context.synthetic)
        chart.english = context.language == .en
        return .bar(chart)
    }

    /// The cells of a multiple-response table without breakdown, labelled by their options (bokmål).
    static func items(_ table: EstimateTable) -> [Entry] {
        table.overall.map { (option($0.category?.label ?? "", setLabel: table.label), $0) }
    }

    /// An item's option without the question the instrument puts before it ("Question: Option").
    static func option(_ itemLabel: String, setLabel: String) -> String {
        let prefix = setLabel + ": "
        guard itemLabel.hasPrefix(prefix), itemLabel.count > prefix.count else { return itemLabel }
        return String(itemLabel.dropFirst(prefix.count))
    }

    /// Entries sorted by estimate, largest first; hidden cells last.
    static func sortedByEstimate(_ entries: [Entry]) -> [Entry] {
        entries.enumerated().sorted { a, b in
            let x = a.element.cell.flatMap { CellText.isShown($0) ? $0.estimate : nil } ?? -1
            let y = b.element.cell.flatMap { CellText.isShown($0) ? $0.estimate : nil } ?? -1
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    /// The base of a table's overall cells (the same for every category).
    static func base(of table: EstimateTable) -> Int {
        table.overall.first?.baseCount ?? 0
    }
}

extension ReportContext {
    /// A multiple-response question as an option figure shows it: the table, its options in the
    /// questionnaire's order, their base, and the options with a shown estimate, largest first.
    func optionFigure(_ set: String) throws(StatisticsError) -> (
        table: EstimateTable, entries: [FigureKit.Entry], base: Int, ranked: [FigureKit.Entry]
    ) {
        let table = try multipleResponse(set)
        let entries = items(table, of: set)
        let ranked = FigureKit.sortedByEstimate(entries).filter { $0.cell.map(CellText.isShown) ?? false }
        return (table, entries, FigureKit.base(of: table), ranked)
    }
}

extension ReportContext {
    /// The cells of a multiple-response table without breakdown, labelled by their options in the
    /// report's language.
    func items(_ table: EstimateTable, of set: String) -> [FigureKit.Entry] {
        guard language == .en else { return FigureKit.items(table) }
        return table.overall.map { (label(of: $0.category, in: set), $0) }
    }

    /// The overall cells of a single-choice table, labelled by their categories in the report's language.
    func categories(_ table: EstimateTable, of variable: String) -> [FigureKit.Entry] {
        table.overall.map { (label(of: $0.category, in: variable), Optional($0)) }
    }
}
