import FornyeStatistics

/// Who triggered the newest innovation and how it was financed (Tab 4-1, Fig 4-5).
extension ReportContext {
    /// Tab 4-1: what triggered the newest innovation, every option ranked, the top five emphasised.
    func table4_1() throws(StatisticsError) -> ReportFigure? {
        guard has(schema.trigger) else { return nil }
        let table = try multipleResponse(schema.trigger)
        let ranked = FigureKit.sortedByEstimate(FigureKit.items(table))
        let base = FigureKit.base(of: table)
        let top = ranked.prefix(5).filter { $0.cell.map(CellText.isShown) ?? false }
        let caption =
            "De fem vanligste utløserne av den nyeste innovasjonen er "
            + Captions.list(top.map { "\(Captions.midSentence($0.label)) (\(CellText.share($0.cell)))" })
            + ". Flere svar var mulig."
        let title = "Hvem eller hva utløste den nyeste innovasjonen"
        let rows = ranked.enumerated().map { (rank, entry) in
            DataTable.Row(
                header: "\(rank + 1). \(entry.label)",
                cells: [
                    entry.cell.map { CellText.count($0.cellCount) } ?? CellText.noEstimate,
                    CellText.share(entry.cell), CellText.interval(entry.cell),
                ],
                emphasised: rank < 5)
        }
        let dataTable = DataTable(
            caption: title + " (de fem vanligste i uthevet skrift)", rowHeader: "Utløser",
            columns: [.init("Antall som oppgir"), .init("Andel"), .init(Captions.intervalName(level))], rows: rows,
            notes: CellText.notes(for: ranked.compactMap(\.cell)))
        return ReportFigure(
            id: "tab-4-1", number: "Tabell 4-1", title: title, caption: caption,
            base: "Grunnlag: enheter som har tatt i bruk en innovasjon. " + Captions.base(base),
            chart: FigureKit.bar(id: "tab-4-1", title: title, summary: caption, entries: ranked, context: self),
            table: dataTable, csv: EstimateCSV.csv([("tab-4-1", table)], synthetic: synthetic),
            notes: [
                "Antall er uvektede svar; andelen er vektet og regnet av enhetene, ikke av svarene. "
                    + "Rapporten fra 2018 viste bare de fem vanligste."
            ])
    }

    /// Fig 4-5: financing sources, as shares of units and of all answers, and the share financed by own budget only.
    func figure4_5() throws(StatisticsError) -> ReportFigure? {
        guard has(schema.financing) else { return nil }
        let respondents = try multipleResponse(schema.financing)
        let responses = try multipleResponse(schema.financing, kind: .shareOfResponses)
        let entries = FigureKit.items(respondents)
        let base = FigureKit.base(of: respondents)
        var tables = [("fig-4-5-enheter", respondents), ("fig-4-5-svar", responses)]
        var caption = ""
        var ownOnly: EstimateCell?
        if has(AnalysisData.ownBudgetOnly) {
            let table = try shares(AnalysisData.ownBudgetOnly)
            tables.append(("fig-4-5-bare-eget-budsjett", table))
            ownOnly = table.cell(code: 1)
            caption =
                CellText.sentence(ownOnly, level: level, "finansierte den nyeste innovasjonen bare over eget budsjett")
                + ". "
        }
        let external = FigureKit.sortedByEstimate(
            entries.filter { $0.cell?.category?.item != schema.financingOwnBudget }
        )
        .filter { $0.cell.map(CellText.isShown) ?? false }.prefix(2)
        if !external.isEmpty {
            caption +=
                "Av de andre kildene er "
                + Captions.list(
                    external.map { "\(Captions.midSentence($0.label)) (\(CellText.share($0.cell)))" })
                + " vanligst."
        }
        let title = "Finansieringskilder for den nyeste innovasjonen"
        var rows = entries.map { entry in
            let share = entry.cell?.category?.item.flatMap { item in responses.cell(item: item) }
            return DataTable.Row(
                header: entry.label,
                cells: [
                    CellText.share(entry.cell), CellText.interval(entry.cell), CellText.share(share),
                    entry.cell.map { CellText.count($0.cellCount) } ?? CellText.noEstimate,
                ])
        }
        if let ownOnly {
            rows.append(
                DataTable.Row(
                    header: "Bare eget budsjett",
                    cells: [
                        CellText.share(ownOnly), CellText.interval(ownOnly), CellText.noEstimate,
                        CellText.count(ownOnly.cellCount),
                    ], emphasised: true))
        }
        let dataTable = DataTable(
            caption: title, rowHeader: "Kilde",
            columns: [
                .init("Andel av enhetene"), .init(Captions.intervalName(level)), .init("Andel av svarene"),
                .init("Antall svar"),
            ], rows: rows, notes: CellText.notes(for: respondents.cells))
        return ReportFigure(
            id: "fig-4-5", number: "Figur 4-5", title: title, caption: caption,
            base: "Grunnlag: enheter som har tatt i bruk en innovasjon. " + Captions.base(base),
            chart: FigureKit.bar(id: "fig-4-5", title: title, summary: caption, entries: entries, context: self),
            table: dataTable, csv: EstimateCSV.csv(tables, synthetic: synthetic),
            notes: [
                "Flere svar var mulig. «Andel av svarene» fordeler alle avkrysninger (summerer til 100 %), "
                    + "slik rapporten fra 2018 justerte andelene etter antall svar."
            ])
    }
}
