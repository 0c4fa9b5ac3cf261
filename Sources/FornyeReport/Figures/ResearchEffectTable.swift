import FornyeBarometer
import FornyeStatistics

/// New in this report: the research-collaboration effect on improved quality, adjusted for the
/// kind of unit and the municipality's centrality (design-based logistic regression, R's svyglm).
extension ReportContext {
    func researchEffectTable() -> ReportFigure? {
        guard has(schema.resultsQuality), has(AnalysisData.researchModel) else { return nil }
        // Unit types nest within sectors, so unit type carries sector's information; with both in the
        // model the sector dummies would be collinear and the model refused.
        var adjusters: [(variable: String, name: String)] = []
        if has(schema.unitType) {
            adjusters.append((schema.unitType, "enhetstype"))
        } else if has(schema.sector) {
            adjusters.append((schema.sector, "sektor"))
        }
        if has(schema.centrality) { adjusters.append((schema.centrality, "sentralitet")) }
        let predictors =
            [Predictor.factor(AnalysisData.researchModel)] + adjusters.map { Predictor.factor($0.variable) }
        let crude = fit([.factor(AnalysisData.researchModel)])
        let adjusted = fit(predictors)
        let title = "Forskningssamarbeid og forbedret kvalitet, justert for enhetstype og sentralitet"
        var rows: [DataTable.Row] = []
        var csv = FigureCSV(
            header: [
                "modell", "ledd", "variabel", "kode", "referansekode", "koeffisient", "standardfeil", "oddsforhold",
                "ki_nedre", "ki_ovre", "p", "frihetsgrader", "rader",
            ] + (synthetic ? ["datakilde"] : []))
        var caption = ""
        var notes = [
            "Logistisk regresjon med vekter og designbasert (linearisert) varians, som R-funksjonen svyglm med "
                + "quasibinomial familie. Utfallet er om enheten oppga forbedret kvalitet som resultat."
        ]
        if adjusters.first?.variable == schema.unitType {
            notes.append(
                "Sektor er med gjennom enhetstype: hver enhetstype hører til én sektor, så en egen sektorvariabel "
                    + "ville vært overflødig (kollineær) i modellen.")
        }
        for (name, result) in [("Ujustert", crude), ("Justert", adjusted)] {
            switch result {
            case .success(let model):
                for coefficient in model.coefficients where coefficient.term.kind != .intercept {
                    let isResearch = coefficient.term.variable == AnalysisData.researchModel
                    if name == "Ujustert" && !isResearch { continue }
                    let label = isResearch ? "Med forskningssamarbeid (mot uten)" : termLabel(coefficient.term)
                    rows.append(
                        DataTable.Row(
                            header: "\(name): \(label)",
                            cells: [
                                NorwegianFormat.number(coefficient.oddsRatio, decimals: 2),
                                NorwegianFormat.number(coefficient.oddsRatioLower, decimals: 2) + "–"
                                    + NorwegianFormat.number(coefficient.oddsRatioUpper, decimals: 2),
                                NorwegianFormat.pValueNumber(coefficient.pValue),
                            ], emphasised: isResearch))
                }
                for coefficient in model.coefficients {
                    csv.rows.append(csvRecord(coefficient, model: model, name: name.lowercased()))
                }
            case .failure(let error):
                notes.append("\(name) modell kunne ikke estimeres: \(error.description)")
            }
        }
        if case .success(let model) = adjusted,
            let research = model.coefficients.first(where: { $0.term.variable == AnalysisData.researchModel })
        {
            let odds = NorwegianFormat.number(research.oddsRatio, decimals: 1)
            caption =
                "Enheter som samarbeidet med utdannings- eller forskningsinstitusjoner, hadde \(odds) ganger så høy odds "
                + "for å oppgi forbedret kvalitet som andre enheter av samme type i like sentrale kommuner "
                + "(oddsforhold \(NorwegianFormat.number(research.oddsRatio, decimals: 2)), \(Captions.intervalName(level)) "
                + "\(NorwegianFormat.number(research.oddsRatioLower, decimals: 2))–"
                + "\(NorwegianFormat.number(research.oddsRatioUpper, decimals: 2)), \(NorwegianFormat.pValue(research.pValue)))."
            if case .success(let crudeModel) = crude,
                let crudeResearch = crudeModel.coefficients.first(where: {
                    $0.term.variable == AnalysisData.researchModel
                })
            {
                caption +=
                    " Uten justering er oddsforholdet \(NorwegianFormat.number(crudeResearch.oddsRatio, decimals: 2))."
            }
            caption += " Sammenhengen viser samvariasjon, ikke nødvendigvis årsak."
            notes.append(
                "Begge modellene bygger på de samme enhetene: de som har svar på samarbeid, resultater, "
                    + Captions.list(adjusters.map(\.name)) + ". "
                    + "Referansekategorier: uten forskningssamarbeid"
                    + adjusters.map { ", første kategori av \($0.name)" }.joined() + ". "
                    + "Antall enheter i modellen: \(NorwegianFormat.count(model.rowsUsed)).")
        }
        guard !rows.isEmpty || !notes.isEmpty else { return nil }
        let base: String
        if case .success(let model) = adjusted {
            base =
                "Grunnlag: enheter som svarte på samarbeid, resultater og bakgrunnsvariablene. "
                + Captions.base(model.rowsUsed)
        } else {
            base = "Modellen kunne ikke estimeres."
        }
        return ReportFigure(
            id: "ny-tab-forskningseffekt", number: "Ny tabell 2", title: title, caption: caption, base: base,
            chart: nil,
            table: DataTable(
                caption: "Oddsforhold for å oppgi forbedret kvalitet", rowHeader: "Ledd",
                columns: [.init("Oddsforhold"), .init(Captions.intervalName(level)), .init("p")], rows: rows),
            csv: csv, notes: notes)
    }

    private func fit(_ predictors: [Predictor]) -> Result<LogisticRegression, StatisticsError> {
        do {
            return .success(
                try LogisticRegression.fit(
                    schema.resultsQuality, on: predictors, dataset: dataset, design: design, confidenceLevel: level))
        } catch {
            return .failure(error)
        }
    }

    private func csvRecord(_ coefficient: LogisticRegression.Coefficient, model: LogisticRegression, name: String)
        -> [String]
    {
        let term = coefficient.term
        let numbers: [Double] = [
            coefficient.estimate, coefficient.standardError, coefficient.oddsRatio, coefficient.oddsRatioLower,
            coefficient.oddsRatioUpper, coefficient.pValue,
        ]
        var record = [name, term.name, term.variable ?? "", term.code.map(String.init) ?? ""]
        record.append(term.referenceCode.map(String.init) ?? "")
        record += numbers.map(NorwegianFormat.machine)
        record += [String(model.degreesOfFreedom), String(model.rowsUsed)]
        if synthetic { record.append(SyntheticLabel.marker) }
        return record
    }

    private func termLabel(_ term: ModelTerm) -> String {
        guard let variable = term.variable, let code = term.code, let definition = codebook.variable(named: variable)
        else { return term.label }
        let reference = term.referenceCode.map { definition.label(of: $0) } ?? ""
        return "\(shortName(of: variable)): \(definition.label(of: code)) (mot \(reference))"
    }
}
