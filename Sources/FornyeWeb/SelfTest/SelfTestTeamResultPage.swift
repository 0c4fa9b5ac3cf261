import FornyeBarometer
import FornyeReport
import FornyeStatistics

/// A team's page at `/innovasjonstesten/gruppe/<code>`: until five have answered, how many have
/// and that the result needs five; then the team against its peers and the nation, and the spread
/// of answers inside the team (the share of members per option, the members' quartiles per factor).
struct SelfTestTeamResultPage {
    var code: String
    var memberCount: Int
    /// nil while fewer than `SelfTestTeamResult.minimumMembers` have answered.
    var result: SelfTestTeamResult?
    var synthetic: Bool
    var pages: SelfTestTeamPages

    var language: Language { pages.language }
    var views: QuestionnaireViews { pages.views }
    func pick(_ nb: String, _ en: String) -> String { language.pick(nb, en) }

    func render() -> String {
        var layout = pages.questions.layout
        let heading = pick("Gruppens resultat", "The team's result")
        layout.title = heading + " – " + pick("Innovasjonstesten", "The innovation test")
        layout.synthetic = synthetic
        return layout.render {
            el("h1") { heading }
            el("p") { pick("Kode", "Code") + ": " + TeamCodeText.spaced(code) }
            // The synthetic-data notice is the layout's banner (`layout.synthetic`), shown once.
            if let result {
                results(result)
            } else {
                el("p", ["class": "notice", "role": "status"]) {
                    pick(
                        "\(memberCount) av minst \(SelfTestTeamResult.minimumMembers) har svart. Resultatene vises når minst \(SelfTestTeamResult.minimumMembers) har svart, så ingen enkeltpersons svar kan leses ut.",
                        "\(memberCount) of at least \(SelfTestTeamResult.minimumMembers) have answered. The results appear once at least \(SelfTestTeamResult.minimumMembers) have answered, so no one person's answers can be read from them."
                    )
                }
            }
            el("section", ["aria-labelledby": "svar-selv", "class": "no-print"]) {
                el("h2", ["id": "svar-selv"]) { pick("Har du ikke svart ennå?", "Not answered yet?") }
                pages.joinForm(code: code)
            }
        }
    }

    @NodeBuilder private func results(_ result: SelfTestTeamResult) -> [Node] {
        el("p", ["role": "status"]) {
            pick("\(result.memberCount) har svart.", "\(result.memberCount) have answered.")
        }
        el("section", ["aria-labelledby": "gruppe"]) {
            el("h2", ["id": "gruppe"]) { pick("Hvem gruppen sammenlignes med", "Who the team is compared with") }
            SelfTestPeerGroupText(
                scope: result.scope, requestedScope: result.requestedScope, peerCount: result.peerCount,
                passedOver: result.passedOver, minimumCount: result.minimumCount, waveTitle: result.waveTitle,
                language: language
            ).render()
        }
        answers(result)
        factors(result)
    }

    private func answers(_ result: SelfTestTeamResult) -> Node {
        var seen = Set<String>()
        let questions = result.options.map(\.question).filter { seen.insert($0).inserted }
        return el("section", ["aria-labelledby": "svar"]) {
            el("h2", ["id": "svar"]) { pick("Gruppens svar mot andre", "The team's answers against others") }
            el("p") {
                pick(
                    "Gruppens andel er antallet deltakere som valgte alternativet, av dem som svarte på spørsmålet. De andre andelene er vektede, med 95 % konfidensintervall i parentes. Spørsmål færre enn \(SelfTestTeamResult.minimumMembers) i gruppen svarte på, vises ikke.",
                    "The team's share is the number of members who chose the option, of those who answered the question. The other shares are weighted, with the 95% confidence interval in brackets. Questions fewer than \(SelfTestTeamResult.minimumMembers) members answered are not shown."
                )
            }
            for question in questions {
                let rows = result.options.filter { $0.question == question }
                el("table", ["class": "selftest-table"]) {
                    el("caption") { views.text(rows[0].questionLabel) }
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) { pick("Svaralternativ", "Option") }
                            el("th", ["scope": "col"]) { pick("Gruppen", "The team") }
                            el("th", ["scope": "col"]) { pick("Sammenlignbare enheter", "Peers") }
                            el("th", ["scope": "col"]) { pick("Hele landet", "Nationwide") }
                        }
                    }
                    el("tbody") {
                        for row in rows {
                            el("tr") {
                                el("th", ["scope": "row"]) { views.text(row.optionLabel) }
                                el("td") {
                                    "\(NorwegianFormat.percent(row.memberShare)) "
                                        + pick(
                                            "(\(row.chosenBy) av \(row.answered))",
                                            "(\(row.chosenBy) of \(row.answered))")
                                }
                                el("td") { SelfTestNumbers.share(row.peers, language) }
                                el("td") { SelfTestNumbers.share(row.national, language) }
                            }
                        }
                    }
                }
            }
        }
    }

    private func factors(_ result: SelfTestTeamResult) -> Node {
        guard !result.factors.isEmpty else { return .empty }
        return el("section", ["aria-labelledby": "faktorer"]) {
            el("h2", ["id": "faktorer"]) {
                pick("Hva fremmet og hemmet innovasjonen", "What promoted and hindered the innovation")
            }
            el("table", ["class": "selftest-table"]) {
                el("caption") {
                    pick(
                        "Spredningen i gruppen og blant sammenlignbare (1–5)",
                        "The spread in the team and among peers (1–5)")
                }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { pick("Faktor", "Factor") }
                        el("th", ["scope": "col"]) { pick("Gruppens median", "Team median") }
                        el("th", ["scope": "col"]) { pick("Gruppens kvartiler", "Team quartiles") }
                        el("th", ["scope": "col"]) {
                            pick(
                                "Gruppemedianens persentil blant sammenlignbare", "Team median's percentile among peers"
                            )
                        }
                        el("th", ["scope": "col"]) {
                            pick("Sammenlignbares median (95 % KI)", "Peers' median (95% CI)")
                        }
                        el("th", ["scope": "col"]) { pick("Sammenlignbares kvartiler", "Peers' quartiles") }
                    }
                }
                el("tbody") {
                    for factor in result.factors {
                        el("tr") {
                            el("th", ["scope": "row"]) {
                                views.text(factor.label) + " "
                                    + pick("(\(factor.answered) svar i gruppen)", "(\(factor.answered) team answers)")
                            }
                            el("td") { SelfTestNumbers.number(factor.memberQuartiles[1]) }
                            el("td") {
                                "\(SelfTestNumbers.number(factor.memberQuartiles[0]))–\(SelfTestNumbers.number(factor.memberQuartiles[2]))"
                            }
                            if let rank = factor.medianPercentileRank, factor.peerQuartiles.count == 3 {
                                el("td") { NorwegianFormat.percentNumber(rank) }
                                el("td") { SelfTestNumbers.median(factor.peerQuartiles[1]) }
                                el("td") {
                                    "\(SelfTestNumbers.number(factor.peerQuartiles[0].estimate))–\(SelfTestNumbers.number(factor.peerQuartiles[2].estimate))"
                                }
                            } else {
                                el("td", ["colspan": "3"]) {
                                    pick("skjult (for få svar)", "withheld (too few answers)")
                                }
                            }
                        }
                    }
                }
            }
            el("p", ["class": "hint"]) {
                pick(
                    "Kvartilene viser spredningen: halvparten av svarene ligger mellom nedre og øvre kvartil. Gruppens kvartiler er uvektede; de sammenlignbares er vektede, som på barometerets resultatsider.",
                    "The quartiles show the spread: half the answers lie between the lower and upper quartile. The team's quartiles are unweighted; the peers' are weighted, as on the barometer's results pages."
                )
            }
        }
    }
}
