import FornyeBarometer
import FornyeReport
import FornyeStatistics

/// The self-test's result: each answer against the peer group and the nation, the factors as a
/// dot plot with percentiles, what is distinctive, what to read next, and how to keep or delete it.
struct SelfTestResultPage {
    /// How the page was reached: just answered (the answers ride in hidden fields) or by a kept token.
    enum Mode {
        case fresh(answers: AnswerSet, retake: String?)
        /// `shownToken` is the new token on the one page that shows it.
        case kept(token: String, shownToken: Bool)
    }

    var result: SelfTestResult
    var mode: Mode
    var views: QuestionnaireViews
    var layout: PageLayout
    /// The previous take of a retaken self-test, on the same peers: its month and result.
    var previous: (month: String, result: SelfTestResult)?

    var language: Language { views.language }
    func pick(_ nb: String, _ en: String) -> String { language.pick(nb, en) }
    func share(_ value: SelfTestShare?) -> String {
        guard let value else {
            return pick("skjult (for få svar eller for usikkert)", "withheld (too few answers or too uncertain)")
        }
        return "\(NorwegianFormat.percent(value.estimate)) (\(NorwegianFormat.interval(value.lower, value.upper)))"
    }

    func render() -> String {
        var layout = layout
        layout.title = pick("Resultatet ditt – Innovasjonstesten", "Your result – The innovation test")
        layout.synthetic = result.synthetic
        return layout.render {
            el("h1") { pick("Resultatet ditt", "Your result") }
            if result.synthetic {
                el("p", ["class": "notice synthetic-notice"]) {
                    "\(SyntheticLabel.marker): "
                        + pick(
                            "Sammenligningen bygger på syntetiske demonstrasjonsdata, ikke på virkelige svar.",
                            "The comparison uses synthetic demonstration data, not real answers.")
                }
            }
            keptNotice
            peerGroup
            answersTable
            factorSection
            distinctive
            readNext
            change
            actions
        }
    }

    // MARK: parts

    private var keptNotice: Node {
        guard case .kept(let token, true) = mode else { return .empty }
        return el("div", ["class": "notice", "role": "status"]) {
            el("h2") { pick("Din private lenke", "Your private link") }
            el("p") {
                pick(
                    "Lenken vises bare denne ene gangen. Ta vare på den: med den kan du se resultatet igjen, ta testen på nytt og slette svarene. Andre som ikke har lenken, ser ingenting.",
                    "The link is shown this once only. Keep it: with it you can see the result again, retake the test and delete your answers. Others without the link see nothing."
                )
            }
            el("p") { el("a", ["href": Paths.selfTestResult(token: token)]) { Paths.selfTestResult(token: token) } }
        }
    }

    private var peerGroup: Node {
        el("section", ["aria-labelledby": "gruppe"]) {
            el("h2", ["id": "gruppe"]) { pick("Hvem du sammenlignes med", "Who you are compared with") }
            el("p") {
                pick(scopeText(result.scope, nb: true), scopeText(result.scope, nb: false)) + ": "
                    + pick("\(result.peerCount) svar", "\(result.peerCount) responses") + " "
                    + pick("i «\(result.waveTitle)».", "in “\(result.waveTitle)”.")
            }
            if result.scope != result.requestedScope {
                el("p", ["class": "notice", "role": "status"]) {
                    let reasons = result.passedOver.map { passed in
                        passed.count.map {
                            pick(
                                "«\(scopeText(passed.scope, nb: true))» har bare \($0) svar",
                                "“\(scopeText(passed.scope, nb: false))” has only \($0) responses")
                        }
                            ?? pick(
                                "«\(scopeText(passed.scope, nb: true))» krever kommunen",
                                "“\(scopeText(passed.scope, nb: false))” needs the municipality")
                    }
                    pick(
                        "Gruppen er utvidet automatisk: \(reasons.joined(separator: "; ")), og vi viser ikke grupper med færre enn \(result.minimumCount) svar.",
                        "The group was widened automatically: \(reasons.joined(separator: "; ")), and we do not show groups with fewer than \(result.minimumCount) responses."
                    )
                }
            }
            scopeForm
        }
    }

    private func scopeText(_ scope: PeerScope, nb: Bool) -> String { nb ? scope.bokmål : scope.english }

    private var scopeForm: Node {
        let choices = PeerScope.allCases.filter { $0.conditions(for: result.profile) != nil }
        let fieldset = el("fieldset") {
            el("legend") { pick("Sammenlign med", "Compare with") }
            for scope in choices {
                el("div", ["class": "choice"]) {
                    el(
                        "input",
                        attributes: [
                            ("type", "radio"), ("name", "gruppe"), ("id", "gruppe-\(scope.rawValue)"),
                            ("value", scope.rawValue), ("checked", scope == result.requestedScope ? "" : nil),
                        ])
                    el("label", ["for": "gruppe-\(scope.rawValue)"]) { scopeText(scope, nb: language == .nb) }
                }
            }
        }
        switch mode {
        case .fresh(let answers, let retake):
            return el("form", ["method": "post", "action": Paths.selfTest + views.langQuery, "class": "no-print"]) {
                views.csrfField
                el("input", ["type": "hidden", "name": "step", "value": "result"])
                if let retake { el("input", ["type": "hidden", "name": "retake", "value": retake]) }
                SelfTestFlow.hiddenFields(answers)
                fieldset
                el("button", ["type": "submit", "name": "action", "value": "result", "class": "secondary"]) {
                    pick("Bytt sammenligningsgruppe", "Change comparison group")
                }
            }
        case .kept(let token, _):
            return el("form", ["method": "get", "action": Paths.selfTestResult(token: token), "class": "no-print"]) {
                if language == .en { el("input", ["type": "hidden", "name": "lang", "value": "en"]) }
                fieldset
                el("button", ["type": "submit", "class": "secondary"]) {
                    pick("Bytt sammenligningsgruppe", "Change comparison group")
                }
            }
        }
    }

    private var answersTable: Node {
        el("section", ["aria-labelledby": "svar"]) {
            el("h2", ["id": "svar"]) { pick("Svarene dine mot andre", "Your answers against others") }
            el("p") {
                pick(
                    "Andelene er vektede og har 95 % konfidensintervall i parentes. For spørsmål med flere mulige svar vises alle alternativene.",
                    "Shares are weighted, with the 95 % confidence interval in brackets. For questions with several possible answers every option is shown."
                )
            }
            let questions = orderedQuestions
            for (index, question) in questions.enumerated() {
                let rows = result.options.filter { $0.question == question }
                el("table", ["class": "selftest-table"]) {
                    el("caption") { views.text(rows[0].questionLabel) }
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col", "id": "alt-\(index)"]) { pick("Svaralternativ", "Option") }
                            el("th", ["scope": "col"]) { pick("Ditt svar", "Your answer") }
                            el("th", ["scope": "col"]) { pick("Sammenlignbare enheter", "Peers") }
                            el("th", ["scope": "col"]) { pick("Hele landet", "Nationwide") }
                        }
                    }
                    el("tbody") {
                        for row in rows {
                            el("tr") {
                                el("th", ["scope": "row"]) { views.text(row.optionLabel) }
                                el("td") { row.chosen ? pick("Valgt", "Chosen") : pick("Ikke valgt", "Not chosen") }
                                el("td") { share(row.peers) }
                                el("td") { share(row.national) }
                            }
                        }
                    }
                }
            }
        }
    }

    private var orderedQuestions: [String] {
        var seen = Set<String>()
        return result.options.map(\.question).filter { seen.insert($0).inserted }
    }

    private var factorSection: Node {
        guard !result.factors.isEmpty else { return .empty }
        return el("section", ["aria-labelledby": "faktorer"]) {
            el("h2", ["id": "faktorer"]) {
                pick("Hva fremmet og hemmet innovasjonen", "What promoted and hindered the innovation")
            }
            SelfTestDotPlot(factors: result.factors, language: language, labelText: views.text).render()
            el("table", ["class": "selftest-table"]) {
                el("caption") { pick("Faktorene i tall", "The factors in figures") }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { pick("Faktor", "Factor") }
                        el("th", ["scope": "col"]) { pick("Ditt svar (1–5)", "Your answer (1–5)") }
                        el("th", ["scope": "col"]) { pick("Persentil blant sammenlignbare", "Percentile among peers") }
                        el("th", ["scope": "col"]) { pick("Median (95 % KI)", "Median (95 % CI)") }
                        el("th", ["scope": "col"]) { pick("Kvartiler", "Quartiles") }
                        el("th", ["scope": "col"]) { pick("Antall svar", "Responses") }
                    }
                }
                el("tbody") {
                    for factor in result.factors {
                        el("tr") {
                            el("th", ["scope": "row"]) { views.text(factor.label) }
                            el("td") { "\(factor.answer)" }
                            if let rank = factor.percentileRank, factor.quartiles.count == 3 {
                                el("td") { NorwegianFormat.percentNumber(rank) }
                                el("td") { medianText(factor.quartiles[1]) }
                                el("td") {
                                    "\(number(factor.quartiles[0].estimate))–\(number(factor.quartiles[2].estimate))"
                                }
                            } else {
                                el("td", ["colspan": "3"]) {
                                    pick("skjult (for få svar)", "withheld (too few answers)")
                                }
                            }
                            el("td") { "\(factor.peerCount)" }
                        }
                    }
                }
            }
            el("p", ["class": "hint"]) {
                pick(
                    "Persentilen er andelen av de sammenlignbare enhetene (vektet) som svarte lavere enn deg, pluss halvparten av dem som svarte det samme. Intervallet for medianen er Woodruffs, som i R sin svyquantile.",
                    "The percentile is the weighted share of peers who answered lower than you, plus half of those who answered the same. The median's interval is Woodruff's, as in R's svyquantile."
                )
            }
        }
    }

    private func medianText(_ median: QuantileEstimate) -> String {
        let interval = median.lower.flatMap { lower in median.upper.map { "\(number(lower))–\(number($0))" } } ?? "–"
        return "\(number(median.estimate)) (\(interval))"
    }

    private func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : NorwegianFormat.number(value, decimals: 1)
    }

    private var distinctive: Node {
        let rare = result.chosenRarely()
        let common = result.notChosenCommonly()
        return el("section", ["aria-labelledby": "saerpreg"]) {
            el("h2", ["id": "saerpreg"]) { pick("Det som skiller dere ut", "What sets you apart") }
            if rare.isEmpty && common.isEmpty {
                el("p") {
                    pick("Svarene dine ligner de sammenlignbare enhetenes.", "Your answers resemble your peers'.")
                }
            }
            if !rare.isEmpty {
                el("h3") { pick("Dere valgte, få andre gjorde det", "You chose, few peers did") }
                el("ul") { for row in rare { el("li") { optionLine(row) } } }
            }
            if !common.isEmpty {
                el("h3") { pick("De fleste andre valgte, dere gjorde det ikke", "Most peers chose, you did not") }
                el("ul") { for row in common { el("li") { optionLine(row) } } }
            }
        }
    }

    private func optionLine(_ row: SelfTestOptionRow) -> String {
        "\(views.text(row.questionLabel)): \(views.text(row.optionLabel)) – \(share(row.peers))"
    }

    /// Factors where the unit sits in the lowest quarter of its peers: the gaps to read about.
    private var gaps: [SelfTestFactorPosition] {
        result.factors.filter { ($0.percentileRank ?? 1) < 0.25 }
    }

    private var readNext: Node {
        el("section", ["aria-labelledby": "les-mer"]) {
            el("h2", ["id": "les-mer"]) { pick("Les videre", "Read next") }
            if gaps.isEmpty {
                el("p") {
                    pick(
                        "Ingen av faktorene ligger i den nederste firedelen blant de sammenlignbare.",
                        "None of the factors lies in the lowest quarter among your peers.")
                }
            } else {
                el("ul") {
                    for gap in gaps {
                        let theme = views.text(gap.label)
                        el("li") {
                            el(
                                "a",
                                [
                                    "href": Paths.projects + "?q="
                                        + (theme.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                                ]
                            ) {
                                pick(
                                    "Prosjekter i Prosjektbanken om «\(theme)»",
                                    "Projects in the project bank on “\(theme)”")
                            }
                        }
                    }
                    el("li") {
                        el("a", ["href": Paths.researchPartners]) {
                            pick(
                                "Forskningspartnere som har arbeidet med kommunal innovasjon",
                                "Research partners who have worked on municipal innovation")
                        }
                    }
                }
            }
            el("p") {
                pick(
                    "Rapporten fra 2018 peker på ledelse, medarbeidernes medvirkning, samarbeid og en god kultur for å håndtere feil som suksessfaktorer.",
                    "The 2018 report points to leadership, employee participation, collaboration and a good culture for handling mistakes as success factors."
                )
            }
        }
    }

    private var change: Node {
        guard let previous else { return .empty }
        let before = Dictionary(uniqueKeysWithValues: previous.result.factors.map { ($0.question, $0) })
        return el("section", ["aria-labelledby": "endring"]) {
            el("h2", ["id": "endring"]) { pick("Endring siden \(previous.month)", "Change since \(previous.month)") }
            el("table", ["class": "selftest-table"]) {
                el("caption") { pick("Faktorene forrige gang og nå", "The factors last time and now") }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { pick("Faktor", "Factor") }
                        el("th", ["scope": "col"]) { pick("Ditt svar før → nå", "Your answer before → now") }
                        el("th", ["scope": "col"]) { pick("Persentil før → nå", "Percentile before → now") }
                        el("th", ["scope": "col"]) {
                            pick("Median blant sammenlignbare før → nå", "Peers' median before → now")
                        }
                    }
                }
                el("tbody") {
                    for factor in result.factors {
                        let old = before[factor.question]
                        el("tr") {
                            el("th", ["scope": "row"]) { views.text(factor.label) }
                            el("td") { "\(old.map { String($0.answer) } ?? "–") → \(factor.answer)" }
                            el("td") {
                                "\(old?.percentileRank.map { NorwegianFormat.percentNumber($0) } ?? "–") → \(factor.percentileRank.map { NorwegianFormat.percentNumber($0) } ?? "–")"
                            }
                            el("td") {
                                "\(old.flatMap { $0.quartiles.count == 3 ? number($0.quartiles[1].estimate) : nil } ?? "–") → \(factor.quartiles.count == 3 ? number(factor.quartiles[1].estimate) : "–")"
                            }
                        }
                    }
                }
            }
        }
    }

    private var actions: Node {
        el("section", ["aria-labelledby": "videre", "class": "no-print"]) {
            el("h2", ["id": "videre"]) { pick("Ta vare på resultatet", "Keep the result") }
            switch mode {
            case .fresh(let answers, let retake):
                el("p") {
                    pick(
                        "Skriv ut siden med nettleserens utskrift, eller last ned resultatet som CSV. Ingenting er lagret. Vil du ta testen på nytt senere og se endringen, kan du lage en privat lenke: da lagres svarene og måneden (ikke navn, IP-adresse eller klokkeslett) til du sletter dem.",
                        "Print the page with your browser, or download the result as CSV. Nothing has been stored. To retake the test later and see the change, make a private link: the answers and the month are then stored (no name, IP address or time of day) until you delete them."
                    )
                }
                el("form", ["method": "post", "action": Paths.selfTest + views.langQuery]) {
                    views.csrfField
                    el("input", ["type": "hidden", "name": "step", "value": "result"])
                    el("input", ["type": "hidden", "name": "gruppe", "value": result.requestedScope.rawValue])
                    if let retake { el("input", ["type": "hidden", "name": "retake", "value": retake]) }
                    SelfTestFlow.hiddenFields(answers)
                    el("div", ["class": "form-actions"]) {
                        el("button", ["type": "submit", "name": "action", "value": "csv", "class": "secondary"]) {
                            pick("Last ned CSV", "Download CSV")
                        }
                        el("button", ["type": "submit", "name": "action", "value": "keep"]) {
                            retake == nil
                                ? pick("Lag en privat lenke", "Make a private link")
                                : pick("Lagre det nye svaret under lenken din", "Save the new answers under your link")
                        }
                    }
                }
            case .kept(let token, _):
                el("ul") {
                    el("li") {
                        el("a", ["href": Paths.selfTestCSV(token: token) + "?gruppe=\(result.requestedScope.rawValue)"])
                        {
                            pick("Last ned resultatet som CSV", "Download the result as CSV")
                        }
                    }
                    el("li") {
                        el("a", ["href": Paths.selfTestRetake(token: token) + views.langQuery]) {
                            pick("Ta testen på nytt", "Retake the test")
                        }
                    }
                }
                el("form", ["method": "post", "action": Paths.selfTestDelete(token: token) + views.langQuery]) {
                    views.csrfField
                    el("button", ["type": "submit", "class": "secondary"]) {
                        pick("Slett svarene mine", "Delete my answers")
                    }
                }
            }
        }
    }
}
