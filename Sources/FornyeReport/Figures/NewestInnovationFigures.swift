import FornyeStatistics

/// Who triggered the newest innovation and how it was financed (Tab 4-1, Fig 4-5).
extension ReportContext {
    /// Tab 4-1: what triggered the newest innovation, every option ranked, the top five emphasised.
    func table4_1() throws(StatisticsError) -> ReportFigure? {
        guard has(schema.trigger) else { return nil }
        let table = try multipleResponse(schema.trigger)
        let ranked = FigureKit.sortedByEstimate(items(table, of: schema.trigger))
        let base = FigureKit.base(of: table)
        let top = ranked.prefix(5).filter { $0.cell.map(CellText.isShown) ?? false }
        let caption =
            pick(
                "De fem vanligste utløserne av den nyeste innovasjonen er ",
                "The five most common triggers of the newest innovation are ")
            + Captions.list(
                top.map { "\(Captions.midSentence($0.label)) (\(CellText.share($0.cell, language)))" },
                language: language)
            + pick(". Flere svar var mulig.", ". More than one answer was possible.")
        let title = pick(
            "Hvem eller hva utløste den nyeste innovasjonen", "Who or what triggered the newest innovation")
        let rows = ranked.enumerated().map { (rank, entry) in
            DataTable.Row(
                header: "\(rank + 1). \(entry.label)",
                cells: [
                    entry.cell.map { CellText.count($0.cellCount, language) } ?? CellText.noEstimate,
                    CellText.share(entry.cell, language), CellText.interval(entry.cell, language),
                ],
                emphasised: rank < 5)
        }
        let dataTable = DataTable(
            caption: title + pick(" (de fem vanligste i uthevet skrift)", " (the five most common in bold)"),
            rowHeader: pick("Utløser", "Trigger"),
            columns: [
                .init(pick("Antall som oppgir", "Number naming it")), .init(pick("Andel", "Share")),
                .init(Captions.intervalName(level, english: language == .en)),
            ], rows: rows,
            notes: CellText.notes(for: ranked.compactMap(\.cell), language), language: language)
        return ReportFigure(
            id: "tab-4-1", number: pick("Tabell 4-1", "Table 4-1"), title: title, caption: caption,
            base: pick(
                "Grunnlag: enheter som har tatt i bruk en innovasjon. ",
                "Base: units that have taken an innovation into use. ")
                + Captions.base(base, unit: pick("enheter", "units"), language: language),
            chart: FigureKit.bar(id: "tab-4-1", title: title, summary: caption, entries: ranked, context: self),
            table: dataTable, csv: estimateCSV([("tab-4-1", table)]),
            notes: [
                pick(
                    "Antall er uvektede svar; andelen er vektet og regnet av enhetene, ikke av svarene. "
                        + "Rapporten fra 2018 viste bare de fem vanligste.",
                    "Numbers are unweighted answers; the share is weighted and taken of the units, not of the "
                        + "answers. The 2018 report showed only the five most common.")
            ])
    }

    /// Fig 4-5: financing sources, as shares of units and of all answers, and the share financed by own budget only.
    func figure4_5() throws(StatisticsError) -> ReportFigure? {
        guard has(schema.financing) else { return nil }
        let respondents = try multipleResponse(schema.financing)
        let responses = try multipleResponse(schema.financing, kind: .shareOfResponses)
        let entries = items(respondents, of: schema.financing)
        let base = FigureKit.base(of: respondents)
        var tables = [("fig-4-5-enheter", respondents), ("fig-4-5-svar", responses)]
        var caption = ""
        var ownOnly: EstimateCell?
        if has(AnalysisData.ownBudgetOnly) {
            let table = try shares(AnalysisData.ownBudgetOnly)
            tables.append(("fig-4-5-bare-eget-budsjett", table))
            ownOnly = table.cell(code: 1)
            caption =
                CellText.sentence(
                    ownOnly, level: level,
                    pick(
                        "finansierte den nyeste innovasjonen bare over eget budsjett",
                        "financed the newest innovation from their own budget only"), language)
                + ". "
        }
        let external = FigureKit.sortedByEstimate(
            entries.filter { $0.cell?.category?.item != schema.financingOwnBudget }
        )
        .filter { $0.cell.map(CellText.isShown) ?? false }.prefix(2)
        if !external.isEmpty {
            let sources = Captions.list(
                external.map { "\(Captions.midSentence($0.label)) (\(CellText.share($0.cell, language)))" },
                language: language)
            caption += pick(
                "Av de andre kildene er \(sources) vanligst.", "Of the other sources, \(sources) are the most common.")
        }
        let title = pick(
            "Finansieringskilder for den nyeste innovasjonen", "Sources of financing of the newest innovation")
        var rows = entries.map { entry in
            let share = entry.cell?.category?.item.flatMap { item in responses.cell(item: item) }
            return DataTable.Row(
                header: entry.label,
                cells: [
                    CellText.share(entry.cell, language), CellText.interval(entry.cell, language),
                    CellText.share(share, language),
                    entry.cell.map { CellText.count($0.cellCount, language) } ?? CellText.noEstimate,
                ])
        }
        if let ownOnly {
            rows.append(
                DataTable.Row(
                    header: pick("Bare eget budsjett", "Own budget only"),
                    cells: [
                        CellText.share(ownOnly, language), CellText.interval(ownOnly, language), CellText.noEstimate,
                        CellText.count(ownOnly.cellCount, language),
                    ], emphasised: true))
        }
        let dataTable = DataTable(
            caption: title, rowHeader: pick("Kilde", "Source"),
            columns: [
                .init(pick("Andel av enhetene", "Share of the units")),
                .init(Captions.intervalName(level, english: language == .en)),
                .init(pick("Andel av svarene", "Share of the answers")), .init(pick("Antall svar", "Answers")),
            ], rows: rows, notes: CellText.notes(for: respondents.cells, language), language: language)
        return ReportFigure(
            id: "fig-4-5", number: pick("Figur 4-5", "Figure 4-5"), title: title, caption: caption,
            base: pick(
                "Grunnlag: enheter som har tatt i bruk en innovasjon. ",
                "Base: units that have taken an innovation into use. ")
                + Captions.base(base, unit: pick("enheter", "units"), language: language),
            chart: FigureKit.bar(id: "fig-4-5", title: title, summary: caption, entries: entries, context: self),
            table: dataTable, csv: estimateCSV(tables),
            notes: [
                pick(
                    "Flere svar var mulig. «Andel av svarene» fordeler alle avkrysninger (summerer til 100 %), "
                        + "slik rapporten fra 2018 justerte andelene etter antall svar.",
                    "More than one answer was possible. “Share of the answers” divides all ticks (adds up to 100%), "
                        + "as the 2018 report adjusted the shares for the number of answers.")
            ])
    }
}
