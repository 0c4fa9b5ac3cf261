import FornyeBarometer

/// The GET form of the evaluation page: the waves (checkboxes, in time order) and the comparison
/// group, with a bad value's message beside its field.
struct EvaluationForm {
    var language: Language
    var candidates: [EvaluationQuery.Candidate]
    var chosen: Set<String>
    var comparison: ProgrammeComparison
    var error: (parameter: String, message: String)?

    func render() -> Node {
        let language = language
        return el("form", ["method": "get", "action": Paths.evaluation, "class": "results-filters"]) {
            el("fieldset", attributes: [("id", "field-bolge"), ("aria-describedby", describedBy("bolge"))]) {
                el("legend") {
                    language.pick("Bølger (minst to, i tidsrekkefølge)", "Waves (two or more, in time order)")
                }
                if let error, error.parameter == "bolge" {
                    el("p", ["id": "bolge-error", "class": "error-message"]) { error.message }
                }
                for candidate in candidates {
                    el("div", ["class": "checkbox"]) {
                        el(
                            "input",
                            [
                                "type": "checkbox", "id": "bolge-\(candidate.slug)", "name": "bolge",
                                "value": candidate.slug, "checked": chosen.contains(candidate.slug) ? "" : nil,
                            ])
                        el("label", ["for": "bolge-\(candidate.slug)"]) {
                            "\(language.waveTitle(candidate.title)) (\(language.pick("kommunestruktur", "municipal structure")) \(candidate.structureDate))"
                        }
                    }
                }
            }
            el("fieldset") {
                el("legend") { language.pick("Sammenligningsgruppe", "Comparison group") }
                el("p") {
                    el("label", ["for": "field-sammenligning"]) {
                        language.pick("Deltakerne sammenlignes med", "Participants are compared with")
                    }
                    if let error, error.parameter == "sammenligning" {
                        el("span", ["id": "sammenligning-error", "class": "error-message"]) { error.message }
                    }
                    el(
                        "select",
                        attributes: [
                            ("id", "field-sammenligning"), ("name", "sammenligning"),
                            ("aria-describedby", describedBy("sammenligning")),
                            ("aria-invalid", error?.parameter == "sammenligning" ? "true" : nil),
                        ]
                    ) {
                        for group in ProgrammeComparison.allCases {
                            el("option", ["value": group.rawValue, "selected": group == comparison ? "" : nil]) {
                                language.pick(group.name, group.nameEnglish).capitalizedFirst
                            }
                        }
                    }
                }
                el("p", ["class": "hint", "id": "comparison-hint"]) {
                    language.pick(
                        "Kommuner som fikk avslag, er den mest troverdige sammenligningen: de ville ha programmet like mye som deltakerne.",
                        "Rejected applicants are the most credible comparison: they wanted the programme as much as the participants did."
                    )
                }
            }
            if language == .en { el("input", ["type": "hidden", "name": "lang", "value": "en"]) }
            el("p") { el("button", ["type": "submit"]) { language.pick("Vis evalueringen", "Show the evaluation") } }
        }
    }

    private func describedBy(_ name: String) -> String? {
        if error?.parameter == name { return "\(name)-error" }
        return name == "sammenligning" ? "comparison-hint" : nil
    }
}

/// The page after a bad choice (400): the message, linked to its field, and the form.
struct EvaluationErrorPage {
    var language: Language
    var candidates: [EvaluationQuery.Candidate]
    var message: String
    var parameter: String
    var viewer: PageViewer

    func render() -> String {
        let language = language
        let layout = PageLayout(
            title: language.pick(
                "Feil i valget – Effekter av programmet", "Error in the choice – Effects of the programme"),
            language: language, path: Paths.evaluation, synthetic: candidates.contains(where: \.synthetic),
            viewer: viewer)
        return layout.render {
            el("h1") { language.pick("Effekter av programmet", "Effects of the programme") }
            el("div", ["class": "error-summary", "role": "alert", "aria-labelledby": "error-summary-heading"]) {
                el("h2", ["id": "error-summary-heading"]) {
                    language.pick("Evalueringen kan ikke vises", "The evaluation cannot be shown")
                }
                el("p") { el("a", ["href": "#field-\(parameter)"]) { message } }
            }
            EvaluationForm(
                language: language, candidates: candidates, chosen: [], comparison: .rejected,
                error: (parameter, message)
            ).render()
        }
    }
}

extension String {
    /// The string with its first letter in upper case («Kommuner som fikk avslag»).
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
