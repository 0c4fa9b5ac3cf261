import FornyeBarometer
import FornyeReport
import FornyeStatistics
import FornyeStorage

/// `/evaluering`: «Effekter av programmet». The difference-in-differences of the hypothesis
/// indicators between the chosen waves, participants against the chosen comparison group, with
/// its chart and data table, the balance table, the event study (three or more waves), the
/// parallel-trends caveat and the interviews' theme counts beside the numbers. Every number is
/// `ProgrammeEvaluation`'s; the page only lays it out and names the comparison group in every caption.
struct EvaluationPage {
    var language: Language
    var query: EvaluationQuery
    var evaluation: ProgrammeEvaluation
    var themes: ThemeCountTable
    var viewer: PageViewer

    var first: String { evaluation.waves.first?.slug ?? "" }
    var last: String { evaluation.waves.last?.slug ?? "" }
    /// «deltakere mot kommuner som fikk avslag», for captions.
    var versus: String {
        language.pick(
            "deltakere mot \(evaluation.comparison.name)", "participants against \(evaluation.comparison.nameEnglish)")
    }

    func render() -> String {
        let language = language
        let layout = PageLayout(
            title: language.pick("Effekter av programmet", "Effects of the programme"), language: language,
            path: Paths.evaluation + query.query(language: .nb), synthetic: evaluation.synthetic, viewer: viewer)
        let tables = EvaluationTables(page: self)
        return layout.render {
            el("h1") { language.pick("Effekter av programmet", "Effects of the programme") }
            el("p", ["class": "lead"]) {
                language.pick(
                    "Ble kommunene som fikk FORKOMMUNE-midler, mer innovative enn kommuner som ikke fikk det? "
                        + "Siden sammenligner endringen fra bølge til bølge hos deltakerne med endringen i en sammenligningsgruppe.",
                    "Did the municipalities granted FORKOMMUNE funding become more innovative than those that were not? "
                        + "The page compares the participants' change from wave to wave with the change in a comparison group."
                )
            }
            if evaluation.synthetic {
                el("p", ["class": "notice", "role": "note"]) {
                    el("strong") { SyntheticLabel.bilingual }
                    language.pick(
                        " Bølgene og programregisteret er syntetiske. Registeret er trukket uten noen innebygd effekt, så ingen effekt er ventet.",
                        " The waves and the programme register are synthetic. The register is drawn with no effect built in, so none is expected."
                    )
                }
            }
            EvaluationForm(
                language: language, candidates: query.candidates, chosen: Set(query.slugs),
                comparison: evaluation.comparison
            ).render()
            facts
            nav
            tables.difference
            tables.balance
            tables.eventStudy
            caveat
            tables.themes
        }
    }

    private var facts: Node {
        let language = language
        return el("dl", ["class": "facts"]) {
            el("dt") { language.pick("Bølger", "Waves") }
            el("dd") {
                evaluation.waves.map {
                    "\(language.waveTitle($0.title)) ("
                        + language.pick(
                            "\($0.used) av \($0.responses) svar brukt", "\($0.used) of \($0.responses) responses used")
                        + ")"
                }.joined(separator: " → ")
            }
            el("dt") { language.pick("Deltakere", "Participants") }
            el("dd") {
                language.pick(
                    "\(evaluation.participants.count) kommuner med tilsagn og prosjektstart før \(evaluation.structureDate)",
                    "\(evaluation.participants.count) municipalities granted, with the project started before \(evaluation.structureDate)"
                )
            }
            el("dt") { language.pick("Sammenligningsgruppe", "Comparison group") }
            el("dd") {
                language.pick(
                    "\(evaluation.comparison.name.capitalizedFirst): \(evaluation.comparisonMunicipalities.count) kommuner med svar",
                    "\(evaluation.comparison.nameEnglish.capitalizedFirst): \(evaluation.comparisonMunicipalities.count) municipalities with answers"
                )
            }
            el("dt") { language.pick("Kommunestruktur", "Municipal structure") }
            el("dd") {
                language.pick(
                    "Alle kommunenummer er ført over til strukturen \(evaluation.structureDate). Svar utenfor begge grupper: \(evaluation.responsesLeftOut). Registerlinjer som ikke kunne føres over: \(evaluation.registerLinesLeftOut).",
                    "Every kommunenummer is carried to the structure of \(evaluation.structureDate). Responses in neither group: \(evaluation.responsesLeftOut). Register lines not carried over: \(evaluation.registerLinesLeftOut)."
                )
            }
            el("dt") { language.pick("Kovariater", "Covariates") }
            el("dd") { covariateText }
            el("dt") { language.pick("Småceller", "Small cells") }
            el("dd") {
                language.pick(
                    "Et tall med færre enn \(evaluation.minimumBaseCount) svar i en celle vises ikke («skjult»).",
                    "A number with fewer than \(evaluation.minimumBaseCount) responses in a cell is not shown (“withheld”)."
                )
            }
        }
    }

    var covariateText: String {
        let used = evaluation.covariates.map { language.pick($0.label, $0.labelEnglish) }
        let left = evaluation.covariatesLeftOut.map { language.pick($0.label, $0.labelEnglish) }
        var text =
            used.isEmpty
            ? language.pick("Ingen (registeret mangler verdier).", "None (the register lacks values).")
            : language.pick(
                "Fra kommuneregisteret (kommunenummer): \(used.joined(separator: ", ")).",
                "From the municipal register (kommunenummer): \(used.joined(separator: ", ")).")
        if !left.isEmpty {
            text += language.pick(
                " Ikke brukt (mangler for noen kommuner): ", " Not used (missing for some municipalities): ")
            text += left.joined(separator: ", ") + "."
        }
        return text
    }

    private var nav: Node {
        let language = language
        var items: [(String, String)] = [
            ("forskjell", language.pick("Forskjell i endring", "Difference-in-differences")),
            ("balanse", language.pick("Balanse", "Balance")),
            ("hendelsesstudie", language.pick("Effekt bølge for bølge", "Effect wave by wave")),
            ("forutsetning", language.pick("Forutsetningen: parallelle trender", "The assumption: parallel trends")),
            ("intervjuer", language.pick("Intervjuene", "The interviews")),
        ]
        if evaluation.waves.count < 3 { items.remove(at: 2) }
        return el("nav", ["class": "toc", "aria-labelledby": "toc-heading"]) {
            el("h2", ["id": "toc-heading"]) { language.pick("Innhold", "Contents") }
            el("ol") { for (id, text) in items { el("li") { el("a", ["href": "#\(id)"]) { text } } } }
        }
    }

    private var caveat: Node {
        let language = language
        return el("section", ["id": "forutsetning", "aria-labelledby": "forutsetning-heading"]) {
            el("h2", ["id": "forutsetning-heading"]) {
                language.pick("Forutsetningen: parallelle trender", "The assumption: parallel trends")
            }
            for paragraph in language == .nb ? ParallelTrends.bokmal : ParallelTrends.english { el("p") { paragraph } }
            if language == .en {
                el("details") {
                    el("summary") { "The same in Norwegian (bokmål)" }
                    for paragraph in ParallelTrends.bokmal { el("p", ["lang": "nb", "translate": "no"]) { paragraph } }
                }
            }
        }
    }
}
