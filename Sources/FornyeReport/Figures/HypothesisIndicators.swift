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
    func statement(level: Double, opening: Bool = true) -> String {
        CellText.sentence(cell, level: level, of: subject, predicate, opening: opening)
    }
}

extension ReportContext {
    func hypothesisIndicators() throws(StatisticsError) -> [HypothesisIndicator] {
        var indicators: [HypothesisIndicator] = []
        if has(schema.innovated) {
            let table = try shares(schema.innovated, allAnswers: true)
            indicators.append(
                HypothesisIndicator(
                    id: ProgrammeIndicator.innovates.id, name: ProgrammeIndicator.innovates.name,
                    hypothesis: "Kommunene innoverer ikke nok", measure: ProgrammeIndicator.innovates.measure,
                    subject: "enhetene", predicate: "har tatt i bruk minst én innovasjon de siste to årene",
                    table: table,
                    cell: table.cell(code: 1)))
        }
        if has(schema.spread) {
            let table = try shares(schema.spread, allAnswers: true)
            indicators.append(
                HypothesisIndicator(
                    id: ProgrammeIndicator.spreads.id, name: ProgrammeIndicator.spreads.name,
                    hypothesis: "Kommunene sprer ikke innovasjoner nok", measure: ProgrammeIndicator.spreads.measure,
                    subject: "innovatørene", predicate: "gjorde noe aktivt for å spre den nyeste innovasjonen",
                    table: table, cell: table.cell(code: 1)))
        }
        if has(schema.partners), has(schema.partnersResearch) {
            let table = try multipleResponse(schema.partners)
            indicators.append(
                HypothesisIndicator(
                    id: ProgrammeIndicator.researches.id, name: ProgrammeIndicator.researches.name,
                    hypothesis: "Kommunene samarbeider for lite med forskning",
                    measure: ProgrammeIndicator.researches.measure,
                    subject: "innovatørene",
                    predicate: "samarbeidet med utdannings- eller forskningsinstitusjoner om den nyeste innovasjonen",
                    table: table, cell: table.cell(item: schema.partnersResearch)))
        }
        return indicators
    }

    func hypothesisFigure(_ indicators: [HypothesisIndicator]) -> ReportFigure? {
        guard !indicators.isEmpty else { return nil }
        let title = "De tre hypotesene som indikatorer"
        let caption =
            indicators.map { indicator in
                let shown = indicator.cell.map(CellText.isShown) ?? false
                return "\(indicator.id): "
                    + (shown ? CellText.spoken(indicator.cell, level: level) : CellText.withheld(indicator.cell))
            }.joined(separator: "; ")
            + ". Om nivåene er «nok», er et spørsmål om mål; indikatorene gjør det mulig å følge endringen fra bølge til bølge."
        let entries = indicators.map { ($0.name, $0.cell) }
        let dataTable = DataTable(
            caption: title, rowHeader: "Hypotese",
            columns: [
                .init("Indikator", numeric: false), .init("Andel"), .init(Captions.intervalName(level)),
                .init("Grunnlag (N)"),
            ],
            rows: indicators.map { indicator in
                DataTable.Row(
                    header: "\(indicator.id): \(indicator.hypothesis)",
                    cells: [
                        indicator.measure, CellText.share(indicator.cell), CellText.interval(indicator.cell),
                        indicator.cell.map { CellText.count($0.baseCount) } ?? CellText.noEstimate,
                    ])
            }, notes: CellText.notes(for: indicators.compactMap(\.cell)))
        return ReportFigure(
            id: "ny-fig-hypoteser", number: "Ny figur 1", title: title, caption: caption,
            base: "Grunnlag: H1 alle som svarte; H2 og H3 enheter som har tatt i bruk en innovasjon.",
            chart: FigureKit.bar(
                id: "ny-fig-hypoteser", title: title, summary: caption, entries: entries, context: self),
            table: dataTable,
            csv: EstimateCSV.csv(indicators.map { ($0.id, $0.table) }, synthetic: synthetic))
    }
}
