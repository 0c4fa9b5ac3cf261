import FornyeStatistics

/// Appendix tables V-0-1 to V-0-4: who answered, by sector, region, unit type and municipal size,
/// unweighted as in the 2018 report and weighted with intervals.
extension ReportContext {
    /// - Parameter names: Whether category labels are names (regions) that keep their capital letter mid-sentence.
    func appendixTable(_ variable: String, number: String, title: String, rowHeader: String, names: Bool = false)
        throws(StatisticsError) -> ReportFigure?
    {
        guard has(variable) else { return nil }
        let table = try shares(variable)
        let cells = table.overall
        let id = "tab-" + Markup.identifier(number.replacingOccurrences(of: "Tabell ", with: ""))
        let base = FigureKit.base(of: table)
        let entries = cells.map { ($0.category?.label ?? "", Optional($0)) }
        var caption = ""
        if let largest = cells.filter({ $0.cellCount >= 0 }).max(by: { $0.cellCount < $1.cellCount }), base > 0 {
            caption =
                "Flest svar kom fra \(names ? largest.category?.label ?? "" : Captions.midSentence(largest.category?.label ?? "")): "
                + "\(NorwegianFormat.count(largest.cellCount)) av \(NorwegianFormat.count(base)) "
                + "(\(NorwegianFormat.percent(Double(largest.cellCount) / Double(base))) uvektet; vektet "
                + "\(CellText.inner(largest, level: level)))."
        }
        let missing = dataset.rowCount - base
        var notes: [String] = []
        if missing > 0 {
            notes.append("\(NorwegianFormat.count(missing)) enheter mangler verdi på denne variabelen og er ikke med.")
        }
        let dataTable = DataTable(
            caption: title, rowHeader: rowHeader,
            columns: [
                .init("Antall svar"), .init("Andel (uvektet)"), .init("Andel (vektet)"),
                .init(Captions.intervalName(level)),
            ],
            rows: cells.map { cell in
                DataTable.Row(
                    header: cell.category?.label ?? "",
                    cells: [
                        CellText.count(cell.cellCount),
                        cell.cellCount < 0 || base == 0
                            ? CellText.suppressed : NorwegianFormat.percent(Double(cell.cellCount) / Double(base)),
                        CellText.share(cell), CellText.interval(cell),
                    ])
            } + [
                DataTable.Row(
                    header: "I alt", cells: [CellText.count(base), NorwegianFormat.percent(1), "", ""], emphasised: true
                )
            ], notes: CellText.notes(for: cells))
        return ReportFigure(
            id: id, number: number, title: title, caption: caption, base: Captions.base(base),
            chart: FigureKit.bar(
                id: id, title: title + " (vektet andel)", summary: caption, entries: entries, context: self),
            table: dataTable, csv: EstimateCSV.csv([(id, table)], synthetic: synthetic), notes: notes)
    }
}
