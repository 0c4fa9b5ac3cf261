import FornyeBarometer
import FornyeReport
import FornyeStatistics
import FornyeStorage

/// The evaluation page's sections with numbers: the DiD (chart, data table, CSV), the balance
/// table, the event study and the interviews' theme counts. Withheld numbers read «skjult» with
/// the reason, as on the results pages.
struct EvaluationTables {
    let page: EvaluationPage
    var language: Language { page.language }
    var evaluation: ProgrammeEvaluation { page.evaluation }
    var levelName: String { Captions.intervalName(evaluation.confidenceLevel, english: language == .en) }

    /// The bokmål or English reason a DiD or an event study is withheld: a small cell is said in
    /// the page's language; other refusals keep the engine's (English) text.
    func reason(_ result: ProgrammeEvaluation.Result, text: String?) -> String {
        if let small = result.cells.first(where: { $0.responses < evaluation.minimumBaseCount }) {
            let group =
                small.participant
                ? language.pick("deltakerne", "participants")
                : language.pick(
                    evaluation.comparison.name, evaluation.comparison.nameEnglish)
            return language.pick(
                "Skjult: \(group) i \(small.wave) har \(small.responses) svar, færre enn \(evaluation.minimumBaseCount).",
                "Hidden: \(group) in \(small.wave) have \(small.responses) responses, fewer than \(evaluation.minimumBaseCount)."
            )
        }
        return language.pick("Ikke beregnet: ", "Not estimated: ") + (text ?? "")
    }

    /// An indicator's name and measure in the page's language (the English is the profile's,
    /// `ProfileIndicator`, which covers the three hypotheses the evaluation measures).
    func name(_ indicator: ProgrammeIndicator) -> String {
        language == .en
            ? ProfileIndicator.all.first { $0.id == indicator.id }?.nameEnglish ?? indicator.name : indicator.name
    }

    func measure(_ indicator: ProgrammeIndicator) -> String {
        language == .en
            ? ProfileIndicator.all.first { $0.id == indicator.id }?.measureEnglish ?? indicator.measure
            : indicator.measure
    }

    // MARK: Difference-in-differences

    var difference: Node {
        let language = language
        let caption = language.pick(
            "Forskjell i endring fra \(page.first) til \(page.last), \(page.versus). Prosentpoeng med \(levelName).",
            "Difference-in-differences from \(page.first) to \(page.last), \(page.versus). Percentage points with the \(levelName)."
        )
        var chart = EffectChart(
            id: "did-chart", title: caption,
            summary: language.pick(
                "Endringen hos deltakerne minus endringen hos \(evaluation.comparison.name).",
                "The participants' change minus the change among \(evaluation.comparison.nameEnglish)."),
            rows: evaluation.results.map { result in
                EffectChart.Row(
                    label: name(result.indicator),
                    value: result.difference.map {
                        ChartValue(estimate: $0.effect.estimate, lower: $0.effect.lower, upper: $0.effect.upper)
                    } ?? .missing(language.pick("skjult", "withheld")))
            }, confidenceLevel: evaluation.confidenceLevel, synthetic: evaluation.synthetic)
        chart.english = language == .en
        return el("section", ["id": "forskjell", "aria-labelledby": "forskjell-heading"]) {
            el("h2", ["id": "forskjell-heading"]) { language.pick("Forskjell i endring", "Difference-in-differences") }
            el("p") {
                language.pick(
                    "For hver indikator: (etter − før) hos deltakerne minus (etter − før) hos \(evaluation.comparison.name). "
                        + "Standardfeilen tar hensyn til at de samme kommunene svarer i begge bølgene (kommunene er klynger).",
                    "For each indicator: (after − before) among participants minus (after − before) among \(evaluation.comparison.nameEnglish). "
                        + "The standard error allows for the same municipalities answering both waves (municipalities are clusters)."
                )
            }
            el("figure", ["id": "did", "class": "result", "aria-labelledby": "did-caption"]) {
                el("figcaption", ["id": "did-caption"]) {
                    el("h3") { language.pick("Figur 1. ", "Figure 1. ") + caption }
                }
                el("div", ["class": "figure-body"]) {
                    // The SVG is FornyeReport's, drawn from the numbers with its text escaped there.
                    Node.trusted(chart.svg())
                    differenceTable
                }
                notes
                el("p", ["class": "downloads"]) {
                    el("a", ["href": Paths.evaluationCSV + page.query.query(language: .nb), "type": "text/csv"]) {
                        language.pick("Last ned tallene (CSV)", "Download the numbers (CSV)")
                    }
                    " · "
                    el(
                        "a",
                        ["href": Paths.apiEvaluations + page.query.query(language: .nb), "type": "application/json"]
                    ) {
                        "JSON (API)"
                    }
                    if evaluation.synthetic {
                        " "
                        el("span", ["class": "tag"]) { SyntheticLabel.marker }
                    }
                }
            }
        }
    }

    private var differenceTable: Node {
        let language = language
        let headers = [
            language.pick("Deltakere \(page.first)", "Participants \(page.first)"),
            language.pick("Deltakere \(page.last)", "Participants \(page.last)"),
            language.pick("Sammenligning \(page.first)", "Comparison \(page.first)"),
            language.pick("Sammenligning \(page.last)", "Comparison \(page.last)"),
            language.pick("Effekt (pp)", "Effect (pp)"), language.pick("Standardfeil (pp)", "Standard error (pp)"),
            levelName, "p", language.pick("Kommuner i begge bølger", "Municipalities in both waves"),
            language.pick("Omvektet effekt (pp, KI)", "Reweighted effect (pp, CI)"),
        ]
        return scrollingTable(label: language.pick("Tabell 1", "Table 1")) {
            el("table", ["id": "did-table"]) {
                el("caption") {
                    language.pick(
                        "Tabell 1. Andel per gruppe og bølge (n = svar) og forskjell i endring, \(page.versus).",
                        "Table 1. Share by group and wave (n = responses) and the difference-in-differences, \(page.versus)."
                    )
                }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { language.pick("Indikator", "Indicator") }
                        for header in headers { el("th", ["scope": "col", "class": "num"]) { header } }
                    }
                }
                el("tbody") { for result in evaluation.results { row(result) } }
            }
        }
    }

    private func row(_ result: ProgrammeEvaluation.Result) -> Node {
        let effect = result.difference?.effect
        let hidden = language.pick("skjult", "withheld")
        return el("tr") {
            el("th", ["scope": "row"]) { name(result.indicator) }
            for cell in result.cells {
                let text = cell.share.map { NorwegianFormat.percent($0, decimals: 1) } ?? hidden
                el("td", ["class": cell.share == nil ? "num suppressed" : "num"]) {
                    "\(text) (n = \(NorwegianFormat.count(cell.responses)))"
                }
            }
            if result.cells.count < 4 {
                for _ in result.cells.count..<4 { el("td", ["class": "num suppressed"]) { hidden } }
            }
            if let effect, let difference = result.difference {
                el("td", ["class": "num"]) { NorwegianFormat.points(effect.estimate, decimals: 1) }
                el("td", ["class": "num"]) { NorwegianFormat.number(effect.standardError * 100, decimals: 1) }
                el("td", ["class": "num"]) { interval(effect) }
                el("td", ["class": "num"]) { NorwegianFormat.pValueNumber(effect.pValue) }
                el("td", ["class": "num"]) {
                    difference.linked
                        ? NorwegianFormat.count(difference.sharedClusters)
                        : language.pick("ikke koblet", "not linked")
                }
                el("td", ["class": "num"]) {
                    result.balanced.map { NorwegianFormat.points($0.estimate, decimals: 1) + " (" + interval($0) + ")" }
                        ?? "–"
                }
            } else {
                for _ in 0..<6 { el("td", ["class": "num suppressed"]) { hidden } }
            }
        }
    }

    func interval(_ contrast: PanelContrast) -> String {
        NorwegianFormat.points(contrast.lower, decimals: 1) + language.pick(" til ", " to ")
            + NorwegianFormat.points(contrast.upper, decimals: 1)
    }

    private var notes: Node {
        let language = language
        return el("ul", ["class": "notes"]) {
            for result in evaluation.results {
                el("li") { "\(name(result.indicator)): \(measure(result.indicator))." }
                if result.difference == nil {
                    el("li") { "\(name(result.indicator)): \(reason(result, text: result.withheld))" }
                }
            }
            el("li") {
                language.pick(
                    "Omvektet effekt: sammenligningsgruppens vekter er kalibrert (entropibalansering) til deltakernes gjennomsnitt på kovariatene i hver bølge. ",
                    "Reweighted effect: the comparison group's weights are calibrated (entropy balancing) to the participants' covariate means in every wave. "
                ) + page.covariateText
            }
            el("li") {
                language.pick(
                    "Vektene er bølgenes kalibrerte vekter; frihetsgrader: kommuner minus strata (\(evaluation.results.compactMap { $0.difference?.effect.degreesOfFreedom }.first.map(String.init) ?? "–")).",
                    "The weights are the waves' calibrated weights; degrees of freedom: municipalities minus strata (\(evaluation.results.compactMap { $0.difference?.effect.degreesOfFreedom }.first.map(String.init) ?? "–"))."
                )
            }
        }
    }

    // MARK: Balance

    var balance: Node {
        let language = language
        return el("section", ["id": "balanse", "aria-labelledby": "balanse-heading"]) {
            el("h2", ["id": "balanse-heading"]) { language.pick("Balanse", "Balance") }
            el("p") {
                language.pick(
                    "Hvor like er gruppene ved utgangspunktet? Standardisert forskjell (SMD) under 0,1 i absoluttverdi regnes som god balanse. ",
                    "How alike are the groups at baseline? A standardised mean difference (SMD) under 0.1 in absolute value is usually taken as good balance. "
                ) + page.covariateText
            }
            if let summary = evaluation.balance {
                balanceTable(summary)
                if let failed = summary.reweightingFailed {
                    el("p", ["class": "notice"]) {
                        language.pick("Omvektingen lyktes ikke: ", "The reweighting failed: ") + failed
                    }
                }
            } else {
                el("p", ["class": "notice"]) {
                    language.pick("Ingen balansetabell: ", "No balance table: ") + (evaluation.balanceWithheld ?? "")
                }
            }
        }
    }

    private func balanceTable(_ summary: ProgrammeEvaluation.BalanceSummary) -> Node {
        let language = language
        func number(_ value: Double?) -> String { value.map { NorwegianFormat.number($0, decimals: 2) } ?? "–" }
        return scrollingTable(label: language.pick("Tabell 2", "Table 2")) {
            el("table", ["id": "balance-table"]) {
                el("caption") {
                    language.pick(
                        "Tabell 2. Kovariater i \(summary.wave), \(page.versus), før og etter omvekting (n = \(summary.participantResponses) og \(summary.comparisonResponses) svar).",
                        "Table 2. Covariates in \(summary.wave), \(page.versus), before and after reweighting (n = \(summary.participantResponses) and \(summary.comparisonResponses) responses)."
                    )
                }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { language.pick("Kovariat", "Covariate") }
                        for header in [
                            language.pick("Deltakere", "Participants"),
                            language.pick("Sammenligning før", "Comparison before"),
                            language.pick("SMD før", "SMD before"),
                            language.pick("Sammenligning etter", "Comparison after"),
                            language.pick("SMD etter", "SMD after"),
                        ] {
                            el("th", ["scope": "col", "class": "num"]) { header }
                        }
                    }
                }
                el("tbody") {
                    for line in summary.lines {
                        el("tr") {
                            el("th", ["scope": "row"]) {
                                language.pick(line.covariate.label, line.covariate.labelEnglish)
                            }
                            for value in [
                                line.participantMean, line.comparisonMean, line.differenceBefore,
                                line.comparisonMeanAfter,
                                line.differenceAfter,
                            ] {
                                el("td", ["class": "num"]) { number(value) }
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: Event study

    var eventStudy: Node {
        let language = language
        if evaluation.waves.count < 3 {
            return el("p", ["class": "notice"]) {
                language.pick(
                    "Med to bølger kan trenden før programmet ikke testes. Velg tre eller flere bølger for å se effekten bølge for bølge og forhåndstrendtesten.",
                    "With two waves the trend before the programme cannot be tested. Choose three or more waves to see the effect wave by wave and the pre-trend test."
                )
            }
        }
        return el("section", ["id": "hendelsesstudie", "aria-labelledby": "hendelsesstudie-heading"]) {
            el("h2", ["id": "hendelsesstudie-heading"]) {
                language.pick("Effekt bølge for bølge", "Effect wave by wave")
            }
            if let reference = evaluation.eventReference {
                el("p") {
                    language.pick(
                        "Effekten i hver bølge er målt mot \(reference), den siste bølgen før det første prosjektet startet. "
                            + "Effekter før programmet skal være null hvis trendene var parallelle; forhåndstrendtesten prøver det samlet.",
                        "The effect in each wave is measured against \(reference), the last wave before the first project started. "
                            + "Effects before the programme should be zero if the trends were parallel; the pre-trend test tests that jointly."
                    )
                }
                for (index, result) in evaluation.results.enumerated() {
                    EventStudyFigure(tables: self, result: result, reference: reference, number: index + 2).render()
                }
            } else {
                el("p", ["class": "notice"]) {
                    language.pick("Ingen hendelsesstudie: ", "No event study: ") + (evaluation.eventStudyNote ?? "")
                }
            }
        }
    }

    // MARK: Interviews

    var themes: Node {
        let language = language
        let statuses = ProgrammeStatus.allCases
        // Themes no case is coded with are left out; the columns still give every group.
        let coded = page.themes.rows.filter { $0.total > 0 }
        return el("section", ["id": "intervjuer", "aria-labelledby": "intervjuer-heading"]) {
            el("h2", ["id": "intervjuer-heading"]) { language.pick("Intervjuene", "The interviews") }
            el("p") {
                language.pick(
                    "De kvalitative funnene ved siden av tallene: hvor mange av de intervjuede enhetene i hver statusgruppe som nevnte hvert tema (grunnlagsrapporten 2018, tabell V-5). Gruppene er små; tallene er antall enheter, ikke andeler.",
                    "The qualitative findings beside the numbers: how many of the interviewed units in each status group named each theme (the 2018 baseline report, table V-5). The groups are small; the numbers are counts of units, not shares."
                )
            }
            el("p") {
                language.pick("Intervjuede enheter: ", "Interviewed units: ")
                    + statuses.map {
                        "\(page.themes.groupSizes[$0] ?? 0) " + language.pick($0.label, $0.labelEnglish).lowercased()
                    }.joined(separator: ", ") + "."
            }
            if coded.isEmpty {
                el("p", ["class": "notice"]) {
                    language.pick(
                        "Ingen av casene er kodet med temaer ennå (rapporten sier ikke hvilken enhet som sa hva). Analytikere koder dem med «fornye programme cases».",
                        "None of the cases is coded with themes yet (the report does not say which unit said what). Analysts code them with “fornye programme cases”."
                    )
                }
            } else {
                ThemeCountView(table: page.themes, language: language).table(
                    id: "themes-table", label: language.pick("Intervjuene", "The interviews"),
                    caption: language.pick(
                        "Tabell 3. Intervjuede enheter som nevnte temaet, etter status i programmet.",
                        "Table 3. Interviewed units that named the theme, by programme status."))
            }
        }
    }
}
