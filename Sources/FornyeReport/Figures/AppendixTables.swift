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
        // The id comes from the bokmål number, the same in every language.
        let id = "tab-" + Markup.identifier(number.replacingOccurrences(of: "Tabell ", with: ""))
        let base = FigureKit.base(of: table)
        let entries = categories(table, of: variable)
        var caption = ""
        if let largest = cells.filter({ $0.cellCount >= 0 }).max(by: { $0.cellCount < $1.cellCount }), base > 0 {
            let name = label(of: largest.category, in: variable)
            let unweighted = NorwegianFormat.percent(Double(largest.cellCount) / Double(base))
            caption =
                pick("Flest svar kom fra ", "Most answers came from ")
                + "\(names ? name : Captions.midSentence(name)): "
                + "\(NorwegianFormat.count(largest.cellCount))\(pick(" av ", " of "))\(NorwegianFormat.count(base)) "
                + pick("(\(unweighted) uvektet; vektet ", "(\(unweighted) unweighted; weighted ")
                + "\(CellText.inner(largest, level: level, language)))."
        }
        let missing = dataset.rowCount - base
        var notes: [String] = []
        if missing > 0 {
            notes.append(
                NorwegianFormat.count(missing)
                    + pick(
                        " enheter mangler verdi på denne variabelen og er ikke med.",
                        " units have no value for this variable and are left out."))
        }
        let dataTable = DataTable(
            caption: title, rowHeader: rowHeader,
            columns: [
                .init(pick("Antall svar", "Answers")), .init(pick("Andel (uvektet)", "Share (unweighted)")),
                .init(pick("Andel (vektet)", "Share (weighted)")),
                .init(Captions.intervalName(level, english: language == .en)),
            ],
            rows: cells.map { cell in
                DataTable.Row(
                    header: label(of: cell.category, in: variable),
                    cells: [
                        CellText.count(cell.cellCount, language),
                        cell.cellCount < 0 || base == 0
                            ? CellText.suppressed(language)
                            : NorwegianFormat.percent(Double(cell.cellCount) / Double(base)),
                        CellText.share(cell, language), CellText.interval(cell, language),
                    ])
            } + [
                DataTable.Row(
                    header: pick("I alt", "Total"),
                    cells: [CellText.count(base, language), NorwegianFormat.percent(1), "", ""], emphasised: true)
            ], notes: CellText.notes(for: cells, language), language: language)
        return ReportFigure(
            id: id, number: pick(number, number.replacingOccurrences(of: "Tabell ", with: "Table ")), title: title,
            caption: caption, base: Captions.base(base, unit: pick("enheter", "units"), language: language),
            chart: FigureKit.bar(
                id: id, title: title + pick(" (vektet andel)", " (weighted share)"), summary: caption,
                entries: entries, context: self),
            table: dataTable, csv: estimateCSV([(id, table)]), notes: notes)
    }
}
