import FornyeStatistics

/// Collaboration and spreading (Fig 4-7, Fig 4-10).
extension ReportContext {
    /// Fig 4-7: who the unit collaborated with on the newest innovation.
    func figure4_7() throws(StatisticsError) -> ReportFigure? {
        guard has(schema.partners) else { return nil }
        let (table, entries, base, ranked) = try optionFigure(schema.partners)
        var caption = ""
        if let top = ranked.first {
            caption =
                pick("Den vanligste samarbeidspartneren er ", "The most common partner is ")
                + "\(Captions.midSentence(top.label)) (\(CellText.inner(top.cell, level: level, language)))."
        }
        if let research = table.cell(item: schema.partnersResearch) {
            caption +=
                " "
                + CellText.sentence(
                    research, level: level,
                    pick(
                        "samarbeidet med utdannings- eller forskningsinstitusjoner",
                        "collaborated with educational or research institutions"), language)
                + "."
        }
        let title = pick(
            "Samarbeidspartnere i utviklingen av den nyeste innovasjonen",
            "Partners in developing the newest innovation")
        return ReportFigure(
            id: "fig-4-7", number: pick("Figur 4-7", "Figure 4-7"), title: title, caption: caption,
            base: pick(
                "Grunnlag: enheter som har tatt i bruk en innovasjon og svarte på spørsmålet. ",
                "Base: units that have taken an innovation into use and answered the question. ")
                + Captions.base(base, unit: pick("enheter", "units"), language: language),
            chart: FigureKit.bar(id: "fig-4-7", title: title, summary: caption, entries: entries, context: self),
            table: FigureKit.categoryTable(
                caption: title, rowHeader: pick("Samarbeidet med", "Collaborated with"), entries: entries,
                level: level, language: language),
            csv: estimateCSV([("fig-4-7", table)]),
            notes: [pick("Flere svar var mulig.", "More than one answer was possible.")])
    }

    /// Fig 4-10: did the unit do anything active to spread the newest innovation (Ja / Nei / Ikke relevant)?
    func figure4_10() throws(StatisticsError) -> ReportFigure? {
        guard has(schema.spread) else { return nil }
        let table = try shares(schema.spread, allAnswers: true)
        let entries = categories(table, of: schema.spread)
        let base = FigureKit.base(of: table)
        let yes = table.cell(code: 1)
        let notRelevant = table.overall.first { $0.category?.label.lowercased() == "ikke relevant" }
        var caption = CellText.sentence(
            yes, level: level,
            pick(
                "gjorde noe aktivt for å spre den nyeste innovasjonen",
                "did something active to spread the newest innovation"), language)
        if let notRelevant {
            caption +=
                pick(", mens ", ", while ")
                + CellText.sentence(
                    notRelevant, level: level, pick("svarte «ikke relevant»", "answered “not relevant”"),
                    opening: false, language)
        }
        caption += "."
        let title = pick(
            "Gjorde enheten noe aktivt for å spre den nyeste innovasjonen?",
            "Did the unit do anything active to spread the newest innovation?")
        return ReportFigure(
            id: "fig-4-10", number: pick("Figur 4-10", "Figure 4-10"), title: title, caption: caption,
            base: pick(
                "Grunnlag: enheter som har tatt i bruk en innovasjon, «ikke relevant» medregnet. ",
                "Base: units that have taken an innovation into use, “not relevant” included. ")
                + Captions.base(base, unit: pick("enheter", "units"), language: language),
            chart: FigureKit.bar(id: "fig-4-10", title: title, summary: caption, entries: entries, context: self),
            table: FigureKit.categoryTable(
                caption: title, rowHeader: pick("Svar", "Answer"), entries: entries, level: level, language: language),
            csv: estimateCSV([("fig-4-10", table)]))
    }
}
