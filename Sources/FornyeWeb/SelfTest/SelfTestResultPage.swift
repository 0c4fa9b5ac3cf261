import FornyeBarometer
import FornyeProjectBank
import FornyeReport
import FornyeStatistics
import FornyeStorage
import Foundation

/// The self-test's result: each answer against the peer group and the nation, the factors as a
/// dot plot with percentiles, what is distinctive, what to read next, and how to keep or delete it.
struct SelfTestResultPage {
    /// The kept result's delete button, also named by the privacy statement.
    static let deleteLabel = (nb: "Slett svarene mine", en: "Delete my answers")
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
    /// The same answers against the published wave before the latest: the peers' change. nil
    /// when only one wave is published (the page says so and compares within the one wave).
    var peersBefore: SelfTestResult?
    /// A signed-in municipality editor may turn the newest-innovation answers into a project draft.
    var mayDraftProject = false
    /// What to read next about each gap, by factor question (from `SelfTestReadNext`).
    var readings: [String: SelfTestReadNext.Reading] = [:]

    var language: Language { views.language }
    func pick(_ nb: String, _ en: String) -> String { language.pick(nb, en) }
    func share(_ value: SelfTestShare?) -> String { SelfTestNumbers.share(value, language) }

    func render() -> String {
        var layout = layout
        layout.title = pick("Resultatet ditt – Innovasjonstesten", "Your result – The innovation test")
        layout.synthetic = result.synthetic
        return layout.render {
            // The synthetic-data notice is the layout's banner (`layout.synthetic`), shown once.
            el("h1") { pick("Resultatet ditt", "Your result") }
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
            SelfTestPeerGroupText(
                scope: result.scope, requestedScope: result.requestedScope, peerCount: result.peerCount,
                passedOver: result.passedOver, minimumCount: result.minimumCount, waveTitle: result.waveTitle,
                language: language
            ).render()
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
                    "Shares are weighted, with the 95% confidence interval in brackets. For questions with several possible answers every option is shown."
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
                        el("th", ["scope": "col"]) { pick("Median (95 % KI)", "Median (95% CI)") }
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

    private func medianText(_ median: QuantileEstimate) -> String { SelfTestNumbers.median(median) }

    private func number(_ value: Double) -> String { SelfTestNumbers.number(value) }

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

    private var readNext: Node {
        el("section", ["aria-labelledby": "les-mer"]) {
            el("h2", ["id": "les-mer"]) { pick("Les videre", "Read next") }
            if result.factors.isEmpty {
                // The no-innovation path asks no factors: nothing to place among the peers.
                el("p") {
                    pick(
                        "Du svarte ikke på spørsmålene om hva som fremmer og hemmer innovasjon, så det er ingen faktorer å sammenligne.",
                        "You did not answer the questions on what promotes and hinders innovation, so there are no factors to compare."
                    )
                }
            } else if result.gaps.isEmpty {
                el("p") {
                    pick(
                        "Ingen av faktorene ligger i den nederste firedelen blant de sammenlignbare.",
                        "None of the factors lies in the lowest quarter among your peers.")
                }
            }
            for gap in result.gaps {
                let theme = views.text(gap.label)
                let reading = readings[gap.question]
                el("h3") { theme }
                if let reading, !reading.projects.isEmpty {
                    el("p") {
                        pick(
                            "Prosjekter i Prosjektbanken om dette fra enheter som ligner deres (samme sektor, lignende sentralitet eller samme fylke):",
                            "Projects in the project bank on this from units like yours (same sector, similar centrality or the same county):"
                        )
                    }
                    el("ul") {
                        for project in reading.projects {
                            el("li") { el("a", ["href": Paths.project(slug: project.slug)]) { project.title } }
                        }
                    }
                    if !reading.researchPartners.isEmpty {
                        el("p") {
                            pick("Forskningspartnere i disse prosjektene: ", "Research partners in these projects: ")
                                + reading.researchPartners.joined(separator: ", ")
                        }
                    }
                } else {
                    el("p") {
                        pick(
                            "Prosjektbanken har ingen publiserte prosjekter om dette fra enheter som ligner deres ennå.",
                            "The project bank has no published projects on this from units like yours yet.")
                    }
                }
                el("p") {
                    el(
                        "a",
                        [
                            "href": Paths.projects + "?q="
                                + (theme.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                        ]
                    ) {
                        pick("Søk i hele Prosjektbanken om «\(theme)»", "Search the whole project bank for “\(theme)”")
                    }
                }
                for factor in ReportSuccessFactor.forFactor(gap.question) {
                    let words = language == .nb ? factor.bokmål : factor.english
                    el("p") {
                        el("strong") { pick("Rapporten fra 2018: ", "The 2018 report: ") + words.title + ". " }
                        words.text
                    }
                }
            }
            if !result.gaps.isEmpty {
                el("p") {
                    el("a", ["href": Paths.researchPartners]) {
                        pick("Alle forskningspartnere i Prosjektbanken", "Every research partner in the project bank")
                    }
                }
            }
            el("p") {
                pick(
                    "Rapporten fra 2018 (kapittel 5.2) fant tre suksessfaktorer: forankring, motiverte og kompetente medarbeidere, og finansielle ressurser.",
                    "The 2018 report (chapter 5.2) found three success factors: anchoring, motivated and competent employees, and financial resources."
                )
            }
        }
    }

    private var change: Node {
        guard let previous else { return .empty }
        let before = Dictionary(uniqueKeysWithValues: previous.result.factors.map { ($0.question, $0) })
        // The peers' change is between published waves; with one wave, both ends are that wave.
        let peersThen = Dictionary(uniqueKeysWithValues: (peersBefore ?? result).factors.map { ($0.question, $0) })
        func median(_ factor: SelfTestFactorPosition?) -> String {
            factor.flatMap { $0.quartiles.count == 3 ? number($0.quartiles[1].estimate) : nil } ?? "–"
        }
        return el("section", ["aria-labelledby": "endring"]) {
            el("h2", ["id": "endring"]) { pick("Endring siden \(previous.month)", "Change since \(previous.month)") }
            el("p") {
                if let peersBefore {
                    pick(
                        "Din endring er mellom dine to svar. De sammenlignbares endring er mellom de to siste publiserte bølgene: «\(peersBefore.waveTitle)» → «\(result.waveTitle)».",
                        "Your change is between your two takes. Your peers' change is between the two latest published waves: “\(peersBefore.waveTitle)” → “\(result.waveTitle)”."
                    )
                } else {
                    pick(
                        "Din endring er mellom dine to svar. Bare én bølge er publisert («\(result.waveTitle)»), så de sammenlignbares endring kan ikke vises ennå: begge sidene av pilen er den samme bølgen.",
                        "Your change is between your two takes. Only one wave is published (“\(result.waveTitle)”), so your peers' change cannot be shown yet: both sides of the arrow are the same wave."
                    )
                }
            }
            el("table", ["class": "selftest-table"]) {
                el("caption") { pick("Faktorene forrige gang og nå", "The factors last time and now") }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { pick("Faktor", "Factor") }
                        el("th", ["scope": "col"]) { pick("Ditt svar før → nå", "Your answer before → now") }
                        el("th", ["scope": "col"]) { pick("Persentil før → nå", "Percentile before → now") }
                        el("th", ["scope": "col"]) {
                            pick(
                                "Sammenlignbares median, forrige bølge → siste bølge",
                                "Peers' median, previous wave → latest wave")
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
                            el("td") { "\(median(peersThen[factor.question])) → \(median(factor))" }
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
                if mayDraftProject, SelfTestProjectDraft.hasNewestInnovation(answers) {
                    el("h3") { pick("Til Prosjektbanken", "To the project bank") }
                    el("p") {
                        pick(
                            "Gjør svarene om den nyeste innovasjonen til et utkast i Prosjektbanken for kommunen din. Utkastet publiseres ikke; du fullfører det selv.",
                            "Turn the answers about the newest innovation into a draft in the project bank for your municipality. The draft is not published; you complete it."
                        )
                    }
                    el("form", ["method": "post", "action": Paths.selfTestDraft + views.langQuery]) {
                        views.csrfField
                        SelfTestFlow.hiddenFields(answers)
                        el("button", ["type": "submit", "class": "secondary"]) {
                            pick("Lag utkast i Prosjektbanken", "Make a project bank draft")
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
                        pick(Self.deleteLabel.nb, Self.deleteLabel.en)
                    }
                }
            }
        }
    }
}
