import FornyeStatistics

/// Chapter 4.1: how many units innovate, what kind of innovation, and where (Fig 4-1 to 4-4).
extension ReportContext {
    /// Fig 4-1: the share that took at least one innovation into use in the last two years.
    func figure4_1() throws(StatisticsError) -> ReportFigure? {
        guard has(schema.innovated) else { return nil }
        let table = try shares(schema.innovated, allAnswers: true)
        let entries = table.overall.map { ($0.category?.label ?? "", Optional($0)) }
        let yes = table.cell(code: 1)
        let base = FigureKit.base(of: table)
        let caption =
            CellText.sentence(
                yes, level: level, of: "enhetene", "har tatt i bruk minst én innovasjon de siste to årene")
            // A withheld share already ends with its reason in brackets; the base line below gives N.
            + (yes.map(CellText.isShown) ?? false ? " (\(Captions.base(base, unit: "")))." : ".")
        let title = "Andel som har tatt i bruk en innovasjon de siste to årene"
        return ReportFigure(
            id: "fig-4-1", number: "Figur 4-1", title: title, caption: caption,
            base: "Grunnlag: alle som svarte, «vet ikke» medregnet. " + Captions.base(base),
            chart: FigureKit.bar(id: "fig-4-1", title: title, summary: caption, entries: entries, context: self),
            table: FigureKit.categoryTable(caption: title, rowHeader: "Svar", entries: entries, level: level),
            csv: EstimateCSV.csv([("fig-4-1", table)], synthetic: synthetic))
    }

    /// Fig 4-2: the type(s) of the newest innovation (multiple response, sums past 100 %).
    func figure4_2() throws(StatisticsError) -> ReportFigure? {
        guard has(schema.newestType) else { return nil }
        let (table, entries, base, ranked) = try optionFigure(schema.newestType)
        var caption = "Blant enhetene som har tatt i bruk en innovasjon"
        if let top = ranked.first {
            caption +=
                ", gjelder den nyeste oftest \(Captions.midSentence(top.label)) (\(CellText.inner(top.cell, level: level)))"
            let rest = ranked.dropFirst().map { "\(Captions.midSentence($0.label)) (\(CellText.share($0.cell)))" }
            if !rest.isEmpty { caption += ", deretter " + Captions.list(Array(rest)) }
        }
        caption += ". Flere svar var mulig, så andelene summerer til mer enn 100 %."
        let title = "Type innovasjon for den nyeste innovasjonen"
        return ReportFigure(
            id: "fig-4-2", number: "Figur 4-2", title: title, caption: caption,
            base: "Grunnlag: enheter som har tatt i bruk en innovasjon. " + Captions.base(base),
            chart: FigureKit.bar(id: "fig-4-2", title: title, summary: caption, entries: entries, context: self),
            table: FigureKit.categoryTable(caption: title, rowHeader: "Type", entries: entries, level: level),
            csv: EstimateCSV.csv([("fig-4-2", table)], synthetic: synthetic))
    }

    /// Fig 4-3 (by county) and Fig 4-4 (by centrality): the share that innovated in each domain,
    /// with the Rao–Scott test of whether the shares differ.
    func innovationBy(
        _ breakdown: String, id: String, number: String, title: String, domainName: String, between: String,
        sorted: Bool, names: Bool
    ) throws(StatisticsError) -> ReportFigure? {
        guard has(AnalysisData.innovatedYes), has(breakdown) else { return nil }
        let table = try shares(AnalysisData.innovatedYes, by: [breakdown])
        var entries: [FigureKit.Entry] = table.domains(code: 1).map { ($0.domain.label, $0.cell) }
        if sorted { entries = FigureKit.sortedByEstimate(entries) }
        let shown = FigureKit.sortedByEstimate(entries).filter { $0.cell.map(CellText.isShown) ?? false }
        var caption = ""
        let name = { (label: String) in names ? label : Captions.midSentence(label) }
        if let high = shown.first, let low = shown.last, shown.count > 1 {
            caption =
                "Andelen som har tatt i bruk minst én innovasjon, er høyest i \(name(high.label)) "
                + "(\(CellText.inner(high.cell, level: level))) og lavest i \(name(low.label)) "
                + "(\(CellText.inner(low.cell, level: level)))."
        }
        let hidden = entries.filter { $0.cell.map { $0.isSuppressed } ?? false }
        if !hidden.isEmpty {
            let confidential = hidden.contains { $0.cell.map(CellText.isConfidential) ?? false }
            caption +=
                " For \(Captions.list(hidden.map { name($0.label) })) vises ikke andelen ("
                + (confidential ? "for få svar eller for usikkert anslag" : "for usikkert anslag") + ")."
        }
        let test = try? raoScott(AnalysisData.innovatedYes, by: breakdown)
        if let test {
            caption += " " + Captions.significance(test, between: between, alpha: options.significanceLevel)
        }
        let bases = entries.compactMap { $0.cell?.baseCount }
        var notes = ["Andelen regnes av alle som svarte, «vet ikke» medregnet, som i figur 4-1."]
        if test == nil { notes.append("Testen av forskjellene kunne ikke beregnes for disse dataene.") }
        return ReportFigure(
            id: id, number: number, title: title, caption: caption,
            base: "Grunnlag: alle som svarte, etter \(domainName). " + Captions.base(range: bases)
                + " per gruppe; til sammen " + NorwegianFormat.count(bases.filter { $0 > 0 }.reduce(0, +)) + ".",
            chart: FigureKit.bar(id: id, title: title, summary: caption, entries: entries, context: self),
            table: FigureKit.domainTable(
                caption: title, rowHeader: Captions.sentence(domainName), entries: entries, level: level),
            csv: EstimateCSV.csv([(id, table)], synthetic: synthetic), notes: notes)
    }
}
