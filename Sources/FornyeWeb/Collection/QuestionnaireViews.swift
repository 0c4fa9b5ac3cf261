import FornyeBarometer
import Foundation

/// The respondent's pages: typed views, one form per page, no JavaScript.
struct QuestionnaireViews {
    var language: Language
    var instrument: Instrument
    var token: String
    var csrfField: Node
    /// The wave's title (e.g. "Innovasjonsbarometeret 2026"), shown to respondents.
    var waveTitle: String

    var base: String { Paths.answer(token: token) }
    var langQuery: String { language == .en ? "?lang=en" : "" }

    func text(_ text: LocalizedText) -> String { language == .en ? (text.en ?? text.nb) : text.nb }
    func pick(_ nb: String, _ en: String) -> String { language.pick(nb, en) }

    var title: String { waveTitle }

    func layout(_ heading: String, path: String) -> PageLayout {
        var layout = PageLayout(title: heading, language: language, path: path)
        layout.quiet = true
        return layout
    }

    // MARK: pages

    func intro(resume: Int?, privacy: PrivacyNotice) -> String {
        layout(title, path: base).render {
            el("h1") { title }
            el("p", ["class": "lead"]) {
                pick(
                    "Takk for at du vil svare. Skjemaet tar om lag ti minutter. Du kan lagre underveis og fortsette senere med den samme lenken.",
                    "Thank you for taking part. The questionnaire takes about ten minutes. You can save as you go and continue later with the same link."
                )
            }
            privacy.render(language)
            el("p") {
                el("a", ["class": "button", "href": Paths.answerPage(token: token, page: resume ?? 1) + langQuery]) {
                    resume == nil
                        ? pick("Start", "Start") : pick("Fortsett der du slapp", "Continue where you left off")
                }
            }
        }
    }

    func page(
        section: Section, questions: [Question], answers: AnswerSet, problems: [AnswerProblem],
        number: Int, isLast: Bool, progress position: (number: Int, count: Int), entered: [String: String] = [:]
    ) -> String {
        let heading = section.label.map(text) ?? title
        let progress = pick(
            "Side \(position.number) av \(position.count)", "Page \(position.number) of \(position.count)")
        return layout("\(heading) – \(progress)", path: Paths.answerPage(token: token, page: number)).render {
            el("p", ["class": "progress"]) {
                el("span") { progress }
                el("progress", ["max": "\(position.count)", "value": "\(position.number)", "aria-hidden": "true"])
            }
            el("h1") { heading }
            errorSummary(problems, questions: questions)
            el(
                "form",
                [
                    "method": "post", "action": Paths.answerPage(token: token, page: number) + langQuery,
                    "novalidate": "",
                ]
            ) {
                csrfField
                for (index, question) in questions.enumerated() {
                    if question.type == .scale, index == 0 || questions[index - 1].type != .scale {
                        grid(questions[index...].prefix { $0.type == .scale }, answers: answers, problems: problems)
                    } else if question.type != .scale {
                        field(question, answers: answers, problems: problems, entered: entered[question.name])
                    }
                }
                el("div", ["class": "form-actions"]) {
                    el("button", ["type": "submit", "name": "action", "value": "next"]) {
                        isLast ? pick("Gå til oppsummering", "Go to summary") : pick("Neste", "Next")
                    }
                    if number > 1 {
                        el("button", ["type": "submit", "name": "action", "value": "back", "class": "secondary"]) {
                            pick("Forrige", "Previous")
                        }
                    }
                    el("button", ["type": "submit", "name": "action", "value": "save", "class": "secondary"]) {
                        pick("Lagre og fortsett senere", "Save and continue later")
                    }
                }
            }
        }
    }

    func review(
        pages: [(section: Section, questions: [Question])], answers: AnswerSet, problems: [AnswerProblem],
        submissionKey: String
    ) -> String {
        let heading = pick("Oppsummering", "Summary")
        return layout(heading, path: Paths.answerReview(token: token)).render {
            el("p", ["class": "progress"]) {
                pick("Kontroller svarene før du sender", "Check your answers before sending")
            }
            el("h1") { heading }
            if !problems.isEmpty {
                el("div", ["class": "error-summary", "role": "alert", "tabindex": "-1", "id": "feil"]) {
                    el("h2") {
                        pick("Noen svar mangler eller må rettes", "Some answers are missing or must be corrected")
                    }
                    el("ul") {
                        for problem in problems {
                            let pageNumber = pages.firstIndex { $0.questions.contains { $0.name == problem.question } }
                            let question = instrument.question(named: problem.question)
                            el("li") {
                                el(
                                    "a",
                                    ["href": Paths.answerPage(token: token, page: (pageNumber ?? 0) + 1) + langQuery]
                                ) {
                                    "\(question.map { text($0.label) } ?? problem.question) – \(pick(problem.nb, problem.en))"
                                }
                            }
                        }
                    }
                }
            }
            for (index, page) in pages.enumerated() {
                el("section", ["class": "review-section", "aria-labelledby": "oppsummering-\(index + 1)"]) {
                    el("h2", ["id": "oppsummering-\(index + 1)"]) { page.section.label.map(text) ?? title }
                    el("dl", ["class": "review-list"]) {
                        for question in page.questions where question.type.hasAnswer {
                            el("dt") { text(question.label) }
                            el("dd") { answerText(answers[question.name], question) }
                        }
                    }
                    el("p") {
                        el("a", ["href": Paths.answerPage(token: token, page: index + 1) + langQuery]) {
                            pick("Endre svarene på side \(index + 1)", "Change the answers on page \(index + 1)")
                            el("span", ["class": "visually-hidden"]) { ": " + (page.section.label.map(text) ?? "") }
                        }
                    }
                }
            }
            if problems.isEmpty {
                el("form", ["method": "post", "action": Paths.answerSend(token: token) + langQuery]) {
                    csrfField
                    el("input", ["type": "hidden", "name": "submission_key", "value": submissionKey])
                    for page in pages {
                        for question in page.questions {
                            if let answer = answers[question.name] {
                                for value in Self.fieldValues(answer) {
                                    el("input", ["type": "hidden", "name": question.name, "value": value])
                                }
                            }
                        }
                    }
                    el("p") {
                        pick(
                            "Når du sender, kan svarene ikke endres. Lenken virker da ikke lenger.",
                            "Once sent, the answers cannot be changed, and the link stops working.")
                    }
                    el("button", ["type": "submit"]) { pick("Send svarene", "Send the answers") }
                }
            }
        }
    }

    func thanks(again: Bool) -> String {
        let heading = pick("Takk for svaret!", "Thank you for your answer!")
        return layout(heading, path: base).render {
            el("h1") { heading }
            el("p", ["class": "notice", "role": "status"]) {
                again
                    ? pick(
                        "Svarene dine var allerede mottatt og lagret. De er ikke lagret to ganger.",
                        "Your answers had already been received and stored. They were not stored twice.")
                    : pick("Svarene dine er mottatt og lagret.", "Your answers have been received and stored.")
            }
            el("p") { pick("Du kan lukke dette vinduet.", "You may close this window.") }
        }
    }

    func saved() -> String {
        let heading = pick("Svarene er lagret", "Your answers are saved")
        return layout(heading, path: base).render {
            el("h1") { heading }
            el("p", ["class": "notice", "role": "status"]) {
                pick(
                    "Du kan fortsette senere med den samme lenken som du fikk i invitasjonen.",
                    "You can continue later with the same link as in your invitation.")
            }
            el("p") {
                el("a", ["href": base + langQuery]) { pick("Fortsett nå", "Continue now") }
            }
        }
    }

    // MARK: parts

    func errorSummary(_ problems: [AnswerProblem], questions: [Question]) -> Node {
        guard !problems.isEmpty else { return .empty }
        return el("div", ["class": "error-summary", "role": "alert", "tabindex": "-1", "id": "feil"]) {
            el("h2") { pick("Det er feil i skjemaet", "There is a problem with your answers") }
            el("ul") {
                for problem in problems {
                    let question = questions.first { $0.name == problem.question }
                    el("li") {
                        el("a", ["href": "#\(question.map(firstInputID) ?? "q-\(problem.question)")"]) {
                            "\(question.map { text($0.label) } ?? problem.question) – \(pick(problem.nb, problem.en))"
                        }
                    }
                }
            }
        }
    }

    /// The element an error link moves focus to: the first option of a choice question.
    func firstInputID(_ question: Question) -> String {
        if question.type.usesChoiceList, let first = instrument.choices(of: question)?.choices.first {
            return "q-\(question.name)-\(first.code)"
        }
        return "q-\(question.name)"
    }

    private func describedBy(_ question: Question, problem: AnswerProblem?) -> String? {
        let ids = [
            question.hint == nil ? nil : "q-\(question.name)-hint", problem == nil ? nil : "q-\(question.name)-error",
        ]
        .compactMap { $0 }
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }

    private func hintAndError(_ question: Question, problem: AnswerProblem?) -> Node {
        .fragment([
            question.hint.map { hint in el("p", ["class": "hint", "id": "q-\(question.name)-hint"]) { text(hint) } }
                ?? .empty,
            problem.map { problem in
                el("p", ["class": "error-message", "id": "q-\(question.name)-error"]) {
                    el("span", ["class": "visually-hidden"]) { pick("Feil: ", "Error: ") }
                    pick(problem.nb, problem.en)
                }
            } ?? .empty,
        ])
    }

    private func requiredMark(_ question: Question) -> Node {
        question.required ? el("span", ["class": "required"]) { pick(" (må besvares)", " (required)") } : .empty
    }

    /// - Parameter entered: what the respondent typed, shown again when it was refused.
    func field(
        _ question: Question, answers: AnswerSet, problems: [AnswerProblem], entered: String? = nil
    ) -> Node {
        let problem = problems.first { $0.question == question.name }
        let describedBy = describedBy(question, problem: problem)
        let invalid = problem == nil ? nil : "true"
        switch question.type {
        case .note:
            return el("p", ["class": "question-note"]) { text(question.label) }
        case .singleChoice, .multipleChoice:
            let multiple = question.type == .multipleChoice
            let chosen: Set<Int> =
                switch answers[question.name] {
                case .code(let code): [code]
                case .codes(let codes): codes
                default: []
                }
            return el(
                "fieldset",
                ["class": problem == nil ? "question" : "question has-error", "id": "f-\(question.name)"]
            ) {
                el("legend") {
                    text(question.label)
                    requiredMark(question)
                }
                hintAndError(question, problem: problem)
                el("div", ["class": "choices"]) {
                    for choice in instrument.choices(of: question)?.choices ?? [] {
                        let id = "q-\(question.name)-\(choice.code)"
                        el("div", ["class": "choice"]) {
                            el(
                                "input",
                                [
                                    "type": multiple ? "checkbox" : "radio", "id": id, "name": question.name,
                                    "value": "\(choice.code)", "checked": chosen.contains(choice.code) ? "" : nil,
                                    "aria-describedby": describedBy, "aria-invalid": invalid,
                                ])
                            el("label", ["for": id]) { text(choice.label) }
                        }
                    }
                }
            }
        case .scale:
            return grid([question], answers: answers, problems: problems)
        case .integer, .decimal, .text, .municipality:
            let value: String? =
                if let entered { entered } else {
                    switch answers[question.name] {
                    case .text(let text): text
                    case .number(let number): Self.fieldValues(.number(number)).first
                    default: nil
                    }
                }
            let id = "q-\(question.name)"
            let numeric = question.type != .text
            return el("div", ["class": problem == nil ? "question" : "question has-error"]) {
                el("label", ["for": id]) {
                    text(question.label)
                    requiredMark(question)
                }
                hintAndError(question, problem: problem)
                el(
                    "input",
                    [
                        "type": "text", "id": id, "name": question.name, "value": value,
                        "inputmode": numeric ? (question.type == .decimal ? "decimal" : "numeric") : nil,
                        "class": numeric ? "short" : nil, "autocomplete": "off",
                        "aria-describedby": describedBy, "aria-invalid": invalid,
                    ])
            }
        }
    }

    /// Scale questions sharing a choice list as a grid: one fieldset per row (legend = the
    /// item), one radio per column; each radio's label also carries the row, so its accessible
    /// name holds row and column even when read out of the group.
    func grid(
        _ rows: some Collection<Question>, answers: AnswerSet, problems: [AnswerProblem]
    ) -> Node {
        el("div", ["class": "grid"]) {
            for question in rows {
                let problem = problems.first { $0.question == question.name }
                let describedBy = describedBy(question, problem: problem)
                let chosen: Int? = if case .code(let code) = answers[question.name] { code } else { nil }
                el(
                    "fieldset",
                    ["class": problem == nil ? "grid-row" : "grid-row has-error", "id": "f-\(question.name)"]
                ) {
                    el("legend") {
                        text(question.label)
                        requiredMark(question)
                    }
                    hintAndError(question, problem: problem)
                    el("div", ["class": "grid-choices"]) {
                        for choice in instrument.choices(of: question)?.choices ?? [] {
                            let id = "q-\(question.name)-\(choice.code)"
                            el("div", ["class": "choice"]) {
                                el(
                                    "input",
                                    [
                                        "type": "radio", "id": id, "name": question.name, "value": "\(choice.code)",
                                        "checked": chosen == choice.code ? "" : nil,
                                        "aria-describedby": describedBy, "aria-invalid": problem == nil ? nil : "true",
                                    ])
                                el("label", ["for": id]) {
                                    text(choice.label)
                                    el("span", ["class": "visually-hidden"]) { " – " + text(question.label) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The form fields that carry `answer` (the review page's hidden inputs, a number's text box).
    static func fieldValues(_ answer: Answer) -> [String] {
        switch answer {
        case .code(let code): ["\(code)"]
        case .codes(let codes): codes.sorted().map { "\($0)" }
        case .number(let number):
            [number.rounded() == number && abs(number) < 1e15 ? "\(Int(number))" : "\(number)"]
        case .text(let text): [text]
        }
    }

    func answerText(_ answer: Answer?, _ question: Question) -> String {
        let choices = instrument.choices(of: question)
        switch answer {
        case nil: return pick("Ikke besvart", "Not answered")
        case .code(let code): return choices?.choice(code: code).map { text($0.label) } ?? "\(code)"
        case .codes(let codes):
            if codes.isEmpty { return pick("Ingen valgt", "None chosen") }
            return (choices?.choices ?? []).filter { codes.contains($0.code) }.map { text($0.label) }
                .joined(separator: "; ")
        case .number(let number): return Self.fieldValues(.number(number)).first ?? ""
        case .text(let text): return text
        }
    }
}

/// Pages for links that cannot be used: unknown, used, replaced, or for a wave that is not open.
struct LinkProblemPage {
    enum Kind { case unknown, used, replaced, closed }
    var kind: Kind
    var language: Language
    /// Whom the wave names for questions; nil for unknown links and waves that name nobody.
    var contact: String? = nil
    /// The link's own address, so the language switch stays on it (not the home page).
    var path: String = "/"

    func render() -> String {
        let language = language
        let (heading, body): (String, String) =
            switch kind {
            case .unknown:
                (
                    language.pick("Vi finner ikke denne lenken", "We cannot find this link"),
                    language.pick(
                        "Lenken er ukjent eller ufullstendig. Kontroller at du har kopiert hele lenken fra invitasjonen.",
                        "The link is unknown or incomplete. Check that you copied the whole link from the invitation.")
                )
            case .used:
                (
                    language.pick("Skjemaet er allerede sendt", "The questionnaire has already been sent"),
                    language.pick(
                        "Svar fra denne lenken er allerede mottatt. Hver lenke kan bare brukes til ett svar.",
                        "Answers from this link have already been received. Each link can be used for one answer only.")
                )
            case .replaced:
                (
                    language.pick("Denne lenken er erstattet", "This link has been replaced"),
                    language.pick(
                        "Arbeidsplassen din har fått en ny lenke til undersøkelsen, og denne virker ikke lenger. Svar du har lagret, følger med til den nye lenken. Ingenting er lagret nå.",
                        "Your workplace has been given a new link to the survey, and this one no longer works. Answers you saved move to the new link. Nothing has been stored now."
                    )
                )
            case .closed:
                (
                    language.pick("Undersøkelsen er stengt", "The survey is closed"),
                    language.pick(
                        "Denne undersøkelsen tar ikke imot svar nå. Ingenting er lagret.",
                        "This survey is not accepting answers now. Nothing has been stored.")
                )
            }
        return PageLayout(title: heading, language: language, path: path).render {
            el("h1") { heading }
            el("p", ["class": "notice"]) { body }
            if kind != .unknown {
                el("p") {
                    if let contact {
                        language.pick("Spør ", "Ask ")
                        el("a", ["href": "mailto:\(contact)"]) { contact }
                        language.pick(
                            kind == .replaced ? " om den nye lenken." : " om du har spørsmål.",
                            kind == .replaced ? " for the new link." : " if you have questions.")
                    } else {
                        language.pick(
                            kind == .replaced
                                ? "Spør den som sendte deg invitasjonen, om den nye lenken."
                                : "Spør den som sendte deg invitasjonen, om du har spørsmål.",
                            kind == .replaced
                                ? "Ask the person who sent you the invitation for the new link."
                                : "Ask the person who sent you the invitation if you have questions.")
                    }
                }
            }
        }
    }
}
