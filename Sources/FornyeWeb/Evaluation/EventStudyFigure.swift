import FornyeReport
import FornyeStorage

/// One indicator's event study on the evaluation page: the effects by wave against the
/// reference wave as a chart with its data table, and the pre-trend test.
struct EventStudyFigure {
    let tables: EvaluationTables
    let result: ProgrammeEvaluation.Result
    let reference: String
    let number: Int

    func render() -> Node {
        let language = tables.language
        let page = tables.page
        let id = "event-\(result.indicator.id.lowercased())"
        let caption = language.pick(
            "\(tables.name(result.indicator)): effekt per bølge mot \(reference), \(page.versus). Prosentpoeng med \(tables.levelName).",
            "\(tables.name(result.indicator)): effect by wave against \(reference), \(page.versus). Percentage points with the \(tables.levelName)."
        )
        guard let study = result.eventStudy else {
            return el("p", ["class": "notice"]) {
                "\(tables.name(result.indicator)): " + tables.reason(result, text: result.eventStudyWithheld)
            }
        }
        var rows = study.effects.map { effect in
            (
                effect.relativeWave,
                EffectChart.Row(
                    label: "\(effect.wave) (\(effect.relativeWave > 0 ? "+" : "")\(effect.relativeWave))",
                    value: ChartValue(
                        estimate: effect.effect.estimate, lower: effect.effect.lower, upper: effect.effect.upper))
            )
        }
        rows.append((0, EffectChart.Row(label: "\(reference) (0)", value: .missing(), isReference: true)))
        rows.sort { $0.0 < $1.0 }
        var chart = EffectChart(
            id: "\(id)-chart", title: caption,
            summary: language.pick(
                "Forskjellen mellom gruppenes endring fra \(reference) til hver bølge.",
                "The difference between the groups' change from \(reference) to each wave."),
            rows: rows.map(\.1), confidenceLevel: page.evaluation.confidenceLevel, synthetic: page.evaluation.synthetic)
        chart.english = language == .en
        return el("figure", ["id": id, "class": "result", "aria-labelledby": "\(id)-caption"]) {
            el("figcaption", ["id": "\(id)-caption"]) {
                el("h3") { language.pick("Figur \(number). ", "Figure \(number). ") + caption }
            }
            el("div", ["class": "figure-body"]) {
                Node.trusted(chart.svg())
                scrollingTable(label: language.pick("Tallene i figur \(number)", "The numbers of figure \(number)")) {
                    el("table", ["id": "\(id)-table"]) {
                        el("caption") {
                            language.pick(
                                "Tallene i figur \(number), \(page.versus).",
                                "The numbers of figure \(number), \(page.versus).")
                        }
                        el("thead") {
                            el("tr") {
                                el("th", ["scope": "col"]) { language.pick("Bølge", "Wave") }
                                for header in [
                                    language.pick("Effekt (pp)", "Effect (pp)"),
                                    language.pick("Standardfeil (pp)", "Standard error (pp)"), tables.levelName, "p",
                                ] {
                                    el("th", ["scope": "col", "class": "num"]) { header }
                                }
                            }
                        }
                        el("tbody") {
                            for effect in study.effects {
                                el("tr") {
                                    el("th", ["scope": "row"]) {
                                        "\(effect.wave) (\(effect.relativeWave > 0 ? "+" : "")\(effect.relativeWave))"
                                    }
                                    el("td", ["class": "num"]) {
                                        NorwegianFormat.points(effect.effect.estimate, decimals: 1)
                                    }
                                    el("td", ["class": "num"]) {
                                        NorwegianFormat.number(effect.effect.standardError * 100, decimals: 1)
                                    }
                                    el("td", ["class": "num"]) { tables.interval(effect.effect) }
                                    el("td", ["class": "num"]) { NorwegianFormat.pValueNumber(effect.effect.pValue) }
                                }
                            }
                        }
                    }
                }
            }
            el("p") {
                if let test = study.preTrend {
                    language.pick(
                        "Forhåndstrendtest (alle effekter før \(reference) er null): F = \(NorwegianFormat.number(test.f, decimals: 2)) med \(test.numeratorDegreesOfFreedom) og \(test.denominatorDegreesOfFreedom) frihetsgrader, \(NorwegianFormat.pValue(test.pValue)).",
                        "Pre-trend test (every effect before \(reference) is zero): F = \(NorwegianFormat.number(test.f, decimals: 2)) on \(test.numeratorDegreesOfFreedom) and \(test.denominatorDegreesOfFreedom) degrees of freedom, \(NorwegianFormat.pValue(test.pValue))."
                    )
                } else {
                    language.pick(
                        "Ingen forhåndstrendtest: ingen bølge ligger før \(reference).",
                        "No pre-trend test: no wave lies before \(reference).")
                }
            }
        }
    }
}
