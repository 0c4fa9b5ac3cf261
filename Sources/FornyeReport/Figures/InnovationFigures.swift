import FornyeStatistics

/// Chapter 4.1: how many units innovate, what kind of innovation, and where (Fig 4-1 to 4-4).
extension ReportContext {
    /// Fig 4-1: the share that took at least one innovation into use in the last two years.
    func figure4_1() throws(StatisticsError) -> ReportFigure? {
        guard has(schema.innovated) else { return nil }
        let table = try shares(schema.innovated, allAnswers: true)
        let entries = categories(table, of: schema.innovated)
        let yes = table.cell(code: 1)
        let base = FigureKit.base(of: table)
        let caption =
            CellText.sentence(
                yes, level: level, of: pick("enhetene", "the units"),
                pick(
                    "har tatt i bruk minst én innovasjon de siste to årene",
                    "have taken at least one innovation into use in the last two years"), language)
            // A withheld share already ends with its reason in brackets; the base line below gives N.
            + (yes.map(CellText.isShown) ?? false ? " (\(Captions.base(base, unit: "", language: language)))." : ".")
        let title = pick(
            "Andel som har tatt i bruk en innovasjon de siste to årene",
            "Share that have taken an innovation into use in the last two years")
        return ReportFigure(
            id: "fig-4-1", number: pick("Figur 4-1", "Figure 4-1"), title: title, caption: caption,
            base: pick(
                "Grunnlag: alle som svarte, «vet ikke» medregnet. ",
                "Base: everyone who answered, "
                    + "“don't know” included. ")
                + Captions.base(base, unit: pick("enheter", "units"), language: language),
            chart: FigureKit.bar(id: "fig-4-1", title: title, summary: caption, entries: entries, context: self),
            table: FigureKit.categoryTable(
                caption: title, rowHeader: pick("Svar", "Answer"), entries: entries, level: level, language: language),
            csv: estimateCSV([("fig-4-1", table)]))
    }

    /// Fig 4-2: the type(s) of the newest innovation (multiple response, sums past 100 %).
    func figure4_2() throws(StatisticsError) -> ReportFigure? {
        guard has(schema.newestType) else { return nil }
        let (table, entries, base, ranked) = try optionFigure(schema.newestType)
        var caption = pick(
            "Blant enhetene som har tatt i bruk en innovasjon", "Among the units that have taken an innovation into use"
        )
        if let top = ranked.first {
            caption +=
                pick(", gjelder den nyeste oftest ", ", the newest is most often ")
                + "\(Captions.midSentence(top.label)) (\(CellText.inner(top.cell, level: level, language)))"
            let rest = ranked.dropFirst().map {
                "\(Captions.midSentence($0.label)) (\(CellText.share($0.cell, language)))"
            }
            if !rest.isEmpty {
                caption += pick(", deretter ", ", then ") + Captions.list(Array(rest), language: language)
            }
        }
        caption += pick(
            ". Flere svar var mulig, så andelene summerer til mer enn 100 %.",
            ". More than one answer was possible, so the shares add up to more than 100%.")
        let title = pick("Type innovasjon for den nyeste innovasjonen", "Type of innovation of the newest innovation")
        return ReportFigure(
            id: "fig-4-2", number: pick("Figur 4-2", "Figure 4-2"), title: title, caption: caption,
            base: pick(
                "Grunnlag: enheter som har tatt i bruk en innovasjon. ",
                "Base: units that have taken an innovation into use. ")
                + Captions.base(base, unit: pick("enheter", "units"), language: language),
            chart: FigureKit.bar(id: "fig-4-2", title: title, summary: caption, entries: entries, context: self),
            table: FigureKit.categoryTable(
                caption: title, rowHeader: "Type", entries: entries, level: level, language: language),
            csv: estimateCSV([("fig-4-2", table)]))
    }

    /// Fig 4-3 (by county) and Fig 4-4 (by centrality): the share that innovated in each domain,
    /// with the Rao–Scott test of whether the shares differ.
    func innovationBy(
        _ breakdown: String, id: String, number: String, title: String, domainName: String, between: String,
        sorted: Bool, names: Bool
    ) throws(StatisticsError) -> ReportFigure? {
        guard has(AnalysisData.innovatedYes), has(breakdown) else { return nil }
        let table = try shares(AnalysisData.innovatedYes, by: [breakdown])
        var entries: [FigureKit.Entry] = table.domains(code: 1).map { (label(of: $0.domain), $0.cell) }
        if sorted { entries = FigureKit.sortedByEstimate(entries) }
        let shown = FigureKit.sortedByEstimate(entries).filter { $0.cell.map(CellText.isShown) ?? false }
        var caption = ""
        let name = { (label: String) in names ? label : Captions.midSentence(label) }
        if let high = shown.first, let low = shown.last, shown.count > 1 {
            caption =
                pick(
                    "Andelen som har tatt i bruk minst én innovasjon, er høyest i ",
                    "The share that have taken at least one innovation into use is highest in ")
                + "\(name(high.label)) (\(CellText.inner(high.cell, level: level, language)))"
                + pick(" og lavest i ", " and lowest in ") + "\(name(low.label)) "
                + "(\(CellText.inner(low.cell, level: level, language)))."
        }
        let hidden = entries.filter { $0.cell.map { $0.isSuppressed } ?? false }
        if !hidden.isEmpty {
            let confidential = hidden.contains { $0.cell.map(CellText.isConfidential) ?? false }
            let names = Captions.list(hidden.map { name($0.label) }, language: language)
            caption +=
                pick(" For \(names) vises ikke andelen (", " For \(names) the share is not shown (")
                + (confidential
                    ? pick("for få svar eller for usikkert anslag", "too few answers or too uncertain an estimate")
                    : pick("for usikkert anslag", "too uncertain an estimate")) + ")."
        }
        let test = try? raoScott(AnalysisData.innovatedYes, by: breakdown)
        if let test {
            caption +=
                " "
                + Captions.significance(
                    test, between: between, alpha: options.significanceLevel, language: language)
        }
        let bases = entries.compactMap { $0.cell?.baseCount }
        var notes = [
            pick(
                "Andelen regnes av alle som svarte, «vet ikke» medregnet, som i figur 4-1.",
                "The share is taken of everyone who answered, “don't know” included, as in figure 4-1.")
        ]
        if test == nil {
            notes.append(
                pick(
                    "Testen av forskjellene kunne ikke beregnes for disse dataene.",
                    "The test of the differences could not be computed for these data."))
        }
        let total = NorwegianFormat.count(bases.filter { $0 > 0 }.reduce(0, +))
        return ReportFigure(
            id: id, number: number, title: title, caption: caption,
            base: pick(
                "Grunnlag: alle som svarte, etter \(domainName). ", "Base: everyone who answered, by \(domainName). ")
                + Captions.base(range: bases, unit: pick("enheter", "units"), language: language)
                + pick(" per gruppe; til sammen ", " per group; in all ") + total + ".",
            chart: FigureKit.bar(id: id, title: title, summary: caption, entries: entries, context: self),
            table: FigureKit.domainTable(
                caption: title, rowHeader: Captions.sentence(domainName), entries: entries, level: level,
                language: language),
            csv: estimateCSV([(id, table)]), notes: notes)
    }
}
