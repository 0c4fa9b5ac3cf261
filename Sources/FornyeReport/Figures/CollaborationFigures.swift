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
                "Den vanligste samarbeidspartneren er \(Captions.midSentence(top.label)) "
                + "(\(CellText.inner(top.cell, level: level)))."
        }
        if let research = table.cell(item: schema.partnersResearch) {
            caption +=
                " "
                + CellText.sentence(research, level: level, "samarbeidet med utdannings- eller forskningsinstitusjoner")
                + "."
        }
        let title = "Samarbeidspartnere i utviklingen av den nyeste innovasjonen"
        return ReportFigure(
            id: "fig-4-7", number: "Figur 4-7", title: title, caption: caption,
            base: "Grunnlag: enheter som har tatt i bruk en innovasjon og svarte på spørsmålet. " + Captions.base(base),
            chart: FigureKit.bar(id: "fig-4-7", title: title, summary: caption, entries: entries, context: self),
            table: FigureKit.categoryTable(
                caption: title, rowHeader: "Samarbeidet med", entries: entries, level: level),
            csv: EstimateCSV.csv([("fig-4-7", table)], synthetic: synthetic),
            notes: ["Flere svar var mulig."])
    }

    /// Fig 4-10: did the unit do anything active to spread the newest innovation (Ja / Nei / Ikke relevant)?
    func figure4_10() throws(StatisticsError) -> ReportFigure? {
        guard has(schema.spread) else { return nil }
        let table = try shares(schema.spread, allAnswers: true)
        let entries = table.overall.map { ($0.category?.label ?? "", Optional($0)) }
        let base = FigureKit.base(of: table)
        let yes = table.cell(code: 1)
        let notRelevant = table.overall.first { $0.category?.label.lowercased() == "ikke relevant" }
        var caption = CellText.sentence(yes, level: level, "gjorde noe aktivt for å spre den nyeste innovasjonen")
        if let notRelevant {
            caption +=
                ", mens " + CellText.sentence(notRelevant, level: level, "svarte «ikke relevant»", opening: false)
        }
        caption += "."
        let title = "Gjorde enheten noe aktivt for å spre den nyeste innovasjonen?"
        return ReportFigure(
            id: "fig-4-10", number: "Figur 4-10", title: title, caption: caption,
            base: "Grunnlag: enheter som har tatt i bruk en innovasjon, «ikke relevant» medregnet. "
                + Captions.base(base),
            chart: FigureKit.bar(id: "fig-4-10", title: title, summary: caption, entries: entries, context: self),
            table: FigureKit.categoryTable(caption: title, rowHeader: "Svar", entries: entries, level: level),
            csv: EstimateCSV.csv([("fig-4-10", table)], synthetic: synthetic))
    }
}
