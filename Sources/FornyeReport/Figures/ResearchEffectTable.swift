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
            adjusters.append((schema.unitType, pick("enhetstype", "unit type")))
        } else if has(schema.sector) {
            adjusters.append((schema.sector, pick("sektor", "sector")))
        }
        if has(schema.centrality) { adjusters.append((schema.centrality, pick("sentralitet", "centrality"))) }
        let predictors =
            [Predictor.factor(AnalysisData.researchModel)] + adjusters.map { Predictor.factor($0.variable) }
        let crude = fit([.factor(AnalysisData.researchModel)])
        let adjusted = fit(predictors)
        let title = pick(
            "Forskningssamarbeid og forbedret kvalitet, justert for enhetstype og sentralitet",
            "Research collaboration and improved quality, adjusted for unit type and centrality")
        var rows: [DataTable.Row] = []
        var csv = FigureCSV(
            header: [
                "modell", "ledd", "variabel", "kode", "referansekode", "koeffisient", "standardfeil", "oddsforhold",
                "ki_nedre", "ki_ovre", "p", "frihetsgrader", "rader",
            ] + (synthetic ? ["datakilde"] : []))
        var caption = ""
        var notes = [
            pick(
                "Logistisk regresjon med vekter og designbasert (linearisert) varians, som R-funksjonen svyglm med "
                    + "quasibinomial familie. Utfallet er om enheten oppga forbedret kvalitet som resultat.",
                "Logistic regression with weights and design-based (linearised) variance, as R's svyglm with the "
                    + "quasibinomial family. The outcome is whether the unit reported improved quality as a result.")
        ]
        if adjusters.first?.variable == schema.unitType {
            notes.append(
                pick(
                    "Sektor er med gjennom enhetstype: hver enhetstype hører til én sektor, så en egen sektorvariabel "
                        + "ville vært overflødig (kollineær) i modellen.",
                    "Sector enters through unit type: every unit type belongs to one sector, so a separate sector "
                        + "variable would be redundant (collinear) in the model."))
        }
        let unadjusted = pick("Ujustert", "Unadjusted")
        for (name, result) in [(unadjusted, crude), (pick("Justert", "Adjusted"), adjusted)] {
            switch result {
            case .success(let model):
                for coefficient in model.coefficients where coefficient.term.kind != .intercept {
                    let isResearch = coefficient.term.variable == AnalysisData.researchModel
                    if name == unadjusted && !isResearch { continue }
                    let label =
                        isResearch
                        ? pick("Med forskningssamarbeid (mot uten)", "With research collaboration (against without)")
                        : termLabel(coefficient.term)
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
                notes.append(
                    pick(
                        "\(name) modell kunne ikke estimeres: \(error.description)",
                        "\(name) model could not be estimated: \(error.description)"))
            }
        }
        if case .success(let model) = adjusted,
            let research = model.coefficients.first(where: { $0.term.variable == AnalysisData.researchModel })
        {
            let odds = NorwegianFormat.number(research.oddsRatio, decimals: 1)
            let figures =
                "\(NorwegianFormat.number(research.oddsRatio, decimals: 2)), "
                + "\(Captions.intervalName(level, english: language == .en)) "
                + "\(NorwegianFormat.number(research.oddsRatioLower, decimals: 2))–"
                + "\(NorwegianFormat.number(research.oddsRatioUpper, decimals: 2)), \(NorwegianFormat.pValue(research.pValue)))."
            caption =
                pick(
                    "Enheter som samarbeidet med utdannings- eller forskningsinstitusjoner, hadde \(odds) ganger så høy odds "
                        + "for å oppgi forbedret kvalitet som andre enheter av samme type i like sentrale kommuner "
                        + "(oddsforhold ",
                    "The odds that a unit which collaborated with educational or research institutions reported improved "
                        + "quality were \(odds) times those of other units of the same type in equally central "
                        + "municipalities (odds ratio ") + figures
            if case .success(let crudeModel) = crude,
                let crudeResearch = crudeModel.coefficients.first(where: {
                    $0.term.variable == AnalysisData.researchModel
                })
            {
                let crudeOdds = NorwegianFormat.number(crudeResearch.oddsRatio, decimals: 2)
                caption += pick(
                    " Uten justering er oddsforholdet \(crudeOdds).",
                    " Without adjustment the odds ratio is \(crudeOdds).")
            }
            caption += pick(
                " Sammenhengen viser samvariasjon, ikke nødvendigvis årsak.",
                " The relationship shows covariation, not necessarily cause.")
            let names = Captions.list(adjusters.map(\.name), language: language)
            notes.append(
                pick(
                    "Begge modellene bygger på de samme enhetene: de som har svar på samarbeid, resultater, "
                        + names + ". " + "Referansekategorier: uten forskningssamarbeid"
                        + adjusters.map { ", første kategori av \($0.name)" }.joined() + ". "
                        + "Antall enheter i modellen: \(NorwegianFormat.count(model.rowsUsed)).",
                    "Both models rest on the same units: those with answers on collaboration, results, " + names
                        + ". Reference categories: without research collaboration"
                        + adjusters.map { ", the first category of \($0.name)" }.joined() + ". "
                        + "Units in the model: \(NorwegianFormat.count(model.rowsUsed))."))
        }
        guard !rows.isEmpty || !notes.isEmpty else { return nil }
        let base: String
        if case .success(let model) = adjusted {
            base =
                pick(
                    "Grunnlag: enheter som svarte på samarbeid, resultater og bakgrunnsvariablene. ",
                    "Base: units that answered on collaboration, results and the background variables. ")
                + Captions.base(model.rowsUsed, unit: pick("enheter", "units"), language: language)
        } else {
            base = pick("Modellen kunne ikke estimeres.", "The model could not be estimated.")
        }
        return ReportFigure(
            id: "ny-tab-forskningseffekt", number: pick("Ny tabell 2", "New table 2"), title: title, caption: caption,
            base: base, chart: nil,
            table: DataTable(
                caption: pick(
                    "Oddsforhold for å oppgi forbedret kvalitet", "Odds ratios of reporting improved quality"),
                rowHeader: pick("Ledd", "Term"),
                columns: [
                    .init(pick("Oddsforhold", "Odds ratio")),
                    .init(Captions.intervalName(level, english: language == .en)), .init("p"),
                ], rows: rows, language: language),
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
        func named(_ code: Int) -> String {
            label(of: FornyeStatistics.Category(code: code, label: definition.label(of: code)), in: variable)
        }
        let reference = term.referenceCode.map(named) ?? ""
        return "\(shortName(of: variable)): \(named(code)) (\(pick("mot", "against")) \(reference))"
    }
}
