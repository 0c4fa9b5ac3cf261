import FornyeBarometer
import FornyeStatistics

/// The evaluation's three hypotheses as indicators a later wave can be compared against:
/// H1 municipalities do not innovate enough, H2 they do not spread enough, H3 they collaborate too
/// little with research. Ids, names and measures are `ProgrammeIndicator`'s, so that `fornye evaluate`
/// names the same indicators.
struct HypothesisIndicator: Sendable {
    let id: String
    let name: String
    let hypothesis: String
    let measure: String
    /// Who the share is of, and what they did: "av enhetene" + "har tatt i bruk …".
    let subject: String
    let predicate: String
    let table: EstimateTable
    let cell: EstimateCell?

    /// "70 % (95 % KI 66–73) av enhetene har tatt i bruk minst én innovasjon de siste to årene", or
    /// that the share is not shown and why.
    func statement(level: Double, opening: Bool = true, _ language: ReportLanguage = .nb) -> String {
        CellText.sentence(cell, level: level, of: subject, predicate, opening: opening, language)
    }
}

extension ReportContext {
    func hypothesisIndicators() throws(StatisticsError) -> [HypothesisIndicator] {
        var indicators: [HypothesisIndicator] = []
        if has(schema.innovated) {
            let table = try shares(schema.innovated, allAnswers: true)
            indicators.append(
                HypothesisIndicator(
                    id: ProgrammeIndicator.innovates.id, name: pick(ProgrammeIndicator.innovates.name, "H1 Innovates"),
                    hypothesis: pick("Kommunene innoverer ikke nok", "The municipalities do not innovate enough"),
                    measure: pick(
                        ProgrammeIndicator.innovates.measure,
                        "Share of units that have taken at least one innovation into use in the last two years"),
                    subject: pick("enhetene", "the units"),
                    predicate: pick(
                        "har tatt i bruk minst én innovasjon de siste to årene",
                        "have taken at least one innovation into use in the last two years"),
                    table: table,
                    cell: table.cell(code: 1)))
        }
        if has(schema.spread) {
            let table = try shares(schema.spread, allAnswers: true)
            indicators.append(
                HypothesisIndicator(
                    id: ProgrammeIndicator.spreads.id, name: pick(ProgrammeIndicator.spreads.name, "H2 Spreads"),
                    hypothesis: pick(
                        "Kommunene sprer ikke innovasjoner nok", "The municipalities do not spread innovations enough"),
                    measure: pick(
                        ProgrammeIndicator.spreads.measure,
                        "Share of the innovators that did something active to spread the newest innovation"),
                    subject: pick("innovatørene", "the innovators"),
                    predicate: pick(
                        "gjorde noe aktivt for å spre den nyeste innovasjonen",
                        "did something active to spread the newest innovation"),
                    table: table, cell: table.cell(code: 1)))
        }
        if has(schema.partners), has(schema.partnersResearch) {
            let table = try multipleResponse(schema.partners)
            indicators.append(
                HypothesisIndicator(
                    id: ProgrammeIndicator.researches.id,
                    name: pick(ProgrammeIndicator.researches.name, "H3 Researches"),
                    hypothesis: pick(
                        "Kommunene samarbeider for lite med forskning",
                        "The municipalities collaborate too little with research"),
                    measure: pick(
                        ProgrammeIndicator.researches.measure,
                        "Share of the innovators that collaborated with educational or research institutions"),
                    subject: pick("innovatørene", "the innovators"),
                    predicate: pick(
                        "samarbeidet med utdannings- eller forskningsinstitusjoner om den nyeste innovasjonen",
                        "collaborated with educational or research institutions on the newest innovation"),
                    table: table, cell: table.cell(item: schema.partnersResearch)))
        }
        return indicators
    }

    func hypothesisFigure(_ indicators: [HypothesisIndicator]) -> ReportFigure? {
        guard !indicators.isEmpty else { return nil }
        let title = pick("De tre hypotesene som indikatorer", "The three hypotheses as indicators")
        let caption =
            indicators.map { indicator in
                let shown = indicator.cell.map(CellText.isShown) ?? false
                return "\(indicator.id): "
                    + (shown
                        ? CellText.spoken(indicator.cell, level: level, language)
                        : CellText.withheld(indicator.cell, language))
            }.joined(separator: "; ")
            + pick(
                ". Om nivåene er «nok», er et spørsmål om mål; indikatorene gjør det mulig å følge endringen fra bølge til bølge.",
                ". Whether the levels are “enough” is a question of goals; the indicators let the change be followed "
                    + "from wave to wave.")
        let entries = indicators.map { ($0.name, $0.cell) }
        let dataTable = DataTable(
            caption: title, rowHeader: pick("Hypotese", "Hypothesis"),
            columns: [
                .init(pick("Indikator", "Indicator"), numeric: false), .init(pick("Andel", "Share")),
                .init(Captions.intervalName(level, english: language == .en)), .init(pick("Grunnlag (N)", "Base (N)")),
            ],
            rows: indicators.map { indicator in
                DataTable.Row(
                    header: "\(indicator.id): \(indicator.hypothesis)",
                    cells: [
                        indicator.measure, CellText.share(indicator.cell, language),
                        CellText.interval(indicator.cell, language),
                        indicator.cell.map { CellText.count($0.baseCount, language) } ?? CellText.noEstimate,
                    ])
            }, notes: CellText.notes(for: indicators.compactMap(\.cell), language), language: language)
        return ReportFigure(
            id: "ny-fig-hypoteser", number: pick("Ny figur 1", "New figure 1"), title: title, caption: caption,
            base: pick(
                "Grunnlag: H1 alle som svarte; H2 og H3 enheter som har tatt i bruk en innovasjon.",
                "Base: H1 everyone who answered; H2 and H3 units that have taken an innovation into use."),
            chart: FigureKit.bar(
                id: "ny-fig-hypoteser", title: title, summary: caption, entries: entries, context: self),
            table: dataTable,
            csv: estimateCSV(indicators.map { ($0.id, $0.table) }))
    }
}
