import FornyeStatistics

/// One indicator measured the same way in every wave: a share with its published cell.
struct WaveIndicator: Sendable {
    /// Stable key across waves, e.g. `results_1` or `innovated@landsdel=2`.
    let key: String
    let group: String
    let label: String
    /// A short label for the chart; the label when nil.
    var chartLabel: String? = nil
    /// Labels that are names (counties, regions, hypotheses) keep their capital letter in sentences.
    var isName = false
    let cell: EstimateCell?
}

/// The indicators a comparison follows, grouped as the report is: the hypotheses, what the newest
/// innovation was and achieved, collaboration, financing and spreading, the factors, and the share
/// that innovated by region and centrality.
extension ReportContext {
    func comparableIndicators(regionVariables: [(variable: String, name: String)]) -> [WaveIndicator] {
        var indicators: [WaveIndicator] = []
        if let hypotheses = try? hypothesisIndicators() {
            for indicator in hypotheses {
                indicators.append(
                    WaveIndicator(
                        key: indicator.id, group: "Hypotesene", label: "\(indicator.id): \(indicator.measure)",
                        chartLabel: indicator.name, isName: true, cell: indicator.cell))
            }
        }
        let sets: [(set: String, group: String)] = [
            (schema.newestType, "Type innovasjon (nyeste)"), (schema.results, "Resultater av den nyeste innovasjonen"),
            (schema.partners, "Samarbeidspartnere"), (schema.financing, "Finansiering"),
            (schema.trigger, "Hvem eller hva utløste innovasjonen"),
        ]
        for (set, group) in sets where has(set) {
            guard let table = try? multipleResponse(set) else { continue }
            for cell in table.overall {
                guard let item = cell.category?.item else { continue }
                indicators.append(
                    WaveIndicator(
                        key: item, group: group,
                        label: FigureKit.option(cell.category?.label ?? item, setLabel: table.label),
                        cell: cell))
            }
        }
        if has(AnalysisData.ownBudgetOnly), let table = try? shares(AnalysisData.ownBudgetOnly) {
            indicators.append(
                WaveIndicator(
                    key: AnalysisData.ownBudgetOnly, group: "Finansiering", label: "Bare eget budsjett",
                    cell: table.cell(code: 1)))
        }
        for factor in data.factors {
            guard let table = try? shares(AnalysisData.side(factor)) else { continue }
            let name = label(of: factor)
            indicators.append(
                WaveIndicator(
                    key: factor + "@fremmet", group: "Fremmet innovasjonen", label: name, cell: table.cell(code: 3)))
            indicators.append(
                WaveIndicator(
                    key: factor + "@hemmet", group: "Hemmet innovasjonen", label: name, cell: table.cell(code: 1)))
        }
        if has(AnalysisData.innovatedYes) {
            for (variable, name) in regionVariables where has(variable) {
                guard let table = try? shares(AnalysisData.innovatedYes, by: [variable]) else { continue }
                for (domain, cell) in table.domains(code: 1) {
                    indicators.append(
                        WaveIndicator(
                            key: "innovated@\(variable)=\(domain.code)",
                            group: "Andel som har tatt i bruk en innovasjon, etter \(name)", label: domain.label,
                            isName: variable != schema.centrality, cell: cell))
                }
            }
        }
        return indicators
    }
}
