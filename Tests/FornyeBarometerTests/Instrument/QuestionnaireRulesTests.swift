import FornyeBarometer
import Testing

/// The questionnaire's rules without any form: routing into pages, shown questions, what is
/// missing, what the frame gives, and how entered values become answers.
@Suite struct QuestionnaireRulesTests {
    /// Section "about" always; "innovation" only when `innovated` = 1; a calculated and a note question.
    static func instrument() throws -> Instrument {
        let yesNo = ChoiceList(
            name: "yn", choices: [Choice(code: 1, label: .init(nb: "Ja")), Choice(code: 2, label: .init(nb: "Nei"))])
        let kinds = ChoiceList(name: "kinds", choices: (1...3).map { Choice(code: $0, label: .init(nb: "Type \($0)")) })
        func question(
            _ name: String, _ type: QuestionType, _ list: String? = nil, required: Bool = false,
            relevance: String? = nil, calculation: String? = nil
        ) throws -> Question {
            Question(
                name: name, type: type, label: .init(nb: name), choiceList: list, required: required,
                relevance: try relevance.map { try RoutingExpression($0) },
                calculation: try calculation.map { try CalculationExpression($0) })
        }
        return Instrument(
            id: "rules", version: "1", title: .init(nb: "Regler"), choiceLists: [yesNo, kinds],
            sections: [
                Section(
                    name: "about",
                    questions: [
                        try question("kommunenummer", .municipality, required: true),
                        try question("intro", .note),
                        try question("innovated", .singleChoice, "yn", required: true),
                        try question("employees", .integer),
                    ]),
                Section(
                    name: "innovation", relevance: try RoutingExpression("${innovated} = 1"),
                    questions: [
                        try question("kinds", .multipleChoice, "kinds", required: true),
                        try question("kind_count", .integer, calculation: "count-selected(${kinds})"),
                        try question("effect", .scale, "yn", relevance: "count-selected(${kinds}) >= 1"),
                        try question("share", .decimal),
                        try question("story", .text),
                    ]),
            ])
    }

    static func rules(register: MunicipalityRegister? = nil, given: AnswerSet = [:]) throws -> QuestionnaireRules {
        QuestionnaireRules(
            instrument: try instrument(), register: register, date: CalendarDay("2024-03-01")!, given: given)
    }

    @Test func routingDecidesThePagesAndTheShownQuestions() throws {
        let rules = try Self.rules()
        #expect(rules.pages([:]).map(\.name) == ["about"])
        #expect(rules.pages(["innovated": .code(2)]).map(\.name) == ["about"])
        let pages = rules.pages(["innovated": .code(1)])
        #expect(pages.map(\.name) == ["about", "innovation"])
        // The calculated question is never shown; `effect` waits for a kind to be chosen.
        #expect(rules.shownQuestions(pages[1], ["innovated": .code(1)]).map(\.name) == ["kinds", "share", "story"])
        #expect(
            rules.shownQuestions(pages[1], ["innovated": .code(1), "kinds": .codes([2])]).map(\.name) == [
                "kinds", "effect", "share", "story",
            ])
        // Notes are shown on their page.
        #expect(
            rules.shownQuestions(pages[0], [:]).map(\.name) == ["kommunenummer", "intro", "innovated", "employees"])
    }

    @Test func answersTheFrameGivesAreNeverAsked() throws {
        let rules = try Self.rules(given: ["kommunenummer": .text("0301")])
        let about = rules.instrument.sections[0]
        #expect(!rules.shownQuestions(about, [:]).map(\.name).contains("kommunenummer"))
        #expect(
            rules.withGiven(["kommunenummer": .text("1201"), "innovated": .code(2)]) == [
                "kommunenummer": .text("0301"), "innovated": .code(2),
            ])
        // A page whose only asked question the frame answers is no page.
        let onlyFrame = try Self.rules(given: [
            "kommunenummer": .text("0301"), "innovated": .code(2), "employees": .number(3),
        ])
        #expect(onlyFrame.pages(onlyFrame.given).isEmpty)
        #expect(!onlyFrame.asksForAnswer(about.questions[0]))
        #expect(!onlyFrame.asksForAnswer(about.questions[1]))  // a note takes no answer
    }

    @Test func requiredAnswersAreMissingOnlyWhereAsked() throws {
        let rules = try Self.rules()
        let questions = rules.instrument.questions
        #expect(
            rules.missing(questions, [:]) == [
                AnswerProblem(question: "kommunenummer", kind: .unanswered),
                AnswerProblem(question: "innovated", kind: .unanswered),
            ])
        // Routed into the innovation section: `kinds` is required, and an empty set is no answer.
        #expect(
            rules.missing(questions, ["kommunenummer": .text("0301"), "innovated": .code(1), "kinds": .codes([])]) == [
                AnswerProblem(question: "kinds", kind: .noneChosen)
            ])
        #expect(rules.missing(questions, ["kommunenummer": .text("0301"), "innovated": .code(2)]).isEmpty)
    }

    @Test func everyTypeChecksItsAnswers() throws {
        let rules = try Self.rules(register: try MunicipalityRegister.bundled())
        func check(_ name: String, _ answer: Answer) throws -> AnswerProblem.Kind? {
            rules.check(answer, try #require(rules.instrument.question(named: name)))?.kind
        }
        #expect(try check("innovated", .code(1)) == nil)
        #expect(try check("innovated", .code(3)) == .notAnOption("3"))
        #expect(try check("effect", .code(2)) == nil)
        #expect(try check("effect", .code(0)) == .notAnOption("0"))
        #expect(try check("kinds", .codes([1, 3])) == nil)
        #expect(try check("kinds", .codes([])) == nil)
        #expect(try check("kinds", .codes([1, 9, 7])) == .notAnOption("7"))
        #expect(try check("employees", .number(12)) == nil)
        #expect(try check("employees", .number(12.5)) == .notAWholeNumber)
        #expect(try check("share", .number(12.5)) == nil)
        #expect(try check("share", .number(.infinity)) == .notANumber)
        #expect(try check("story", .text(String(repeating: "æ", count: QuestionnaireRules.textLimit))) == nil)
        #expect(
            try check("story", .text(String(repeating: "æ", count: QuestionnaireRules.textLimit + 1))) == .textTooLong)
        #expect(try check("kommunenummer", .text("0301")) == nil)
        #expect(try check("kommunenummer", .text("301")) == .notAMunicipalityNumber)
        #expect(try check("kommunenummer", .text("０３０１")) == .notAMunicipalityNumber)
        #expect(try check("kommunenummer", .text("9999")) == .unknownMunicipality(number: "9999", year: 2024))
        // An answer of the wrong form is no option.
        #expect(try check("innovated", .text("1")) == .notAnOption("text(\"1\")"))
        // Without a register only the form of a municipality number is checked.
        let formOnly = try Self.rules()
        #expect(
            formOnly.check(.text("9999"), try #require(formOnly.instrument.question(named: "kommunenummer"))) == nil)
    }

    @Test func enteredValuesBecomeAnswersOrProblems() throws {
        let rules = try Self.rules()
        func answer(_ name: String, _ values: [String]) throws -> Result<Answer?, AnswerProblem> {
            rules.answer(values, try #require(rules.instrument.question(named: name)))
        }
        #expect(try answer("innovated", [" 1 "]) == .success(.code(1)))
        #expect(try answer("innovated", ["", "2"]) == .success(.code(2)))
        #expect(
            try answer("innovated", ["ja"]) == .failure(AnswerProblem(question: "innovated", kind: .notAnOption("ja"))))
        #expect(try answer("kinds", ["3", "", "1"]) == .success(.codes([1, 3])))
        #expect(try answer("kinds", []) == .success(.codes([])))
        #expect(try answer("employees", ["12"]) == .success(.number(12)))
        #expect(
            try answer("employees", ["2,5"]) == .failure(AnswerProblem(question: "employees", kind: .notAWholeNumber)))
        #expect(
            try answer("employees", ["tolv"]) == .failure(AnswerProblem(question: "employees", kind: .notAWholeNumber)))
        #expect(try answer("share", ["12,5"]) == .success(.number(12.5)))
        #expect(try answer("share", ["inf"]) == .failure(AnswerProblem(question: "share", kind: .notANumber)))
        #expect(try answer("share", [" "]) == .success(nil))
        #expect(try answer("story", ["  hei  "]) == .success(.text("hei")))
        #expect(
            try answer("kommunenummer", ["Oslo"])
                == .failure(AnswerProblem(question: "kommunenummer", kind: .notAMunicipalityNumber)))
        #expect(try answer("intro", ["anything"]) == .success(nil))
    }

    @Test func readingReplacesKeepsOrRefusesAnswers() throws {
        let rules = try Self.rules()
        let about = rules.instrument.sections[0].questions
        var answers: AnswerSet = ["innovated": .code(1), "employees": .number(4), "kommunenummer": .text("0301")]
        let fields = ["innovated": ["2"], "employees": ["x"], "kommunenummer": [""]]
        let problems = rules.read({ fields[$0] ?? [] }, questions: about, into: &answers)
        #expect(problems == [AnswerProblem(question: "employees", kind: .notAWholeNumber)])
        // A fitting value replaces, an empty one removes, a refused one is not kept.
        #expect(answers == ["innovated": .code(2)])
    }

    @Test func aWholeQuestionnaireIsCompletedForSubmission() throws {
        let rules = try Self.rules(given: ["kommunenummer": .text("0301")])
        let fields = ["kommunenummer": ["1201"], "innovated": ["1"], "share": ["0,5"]]
        let (answers, problems) = rules.readAll { fields[$0] ?? [] }
        #expect(problems.isEmpty)
        // The frame's answer wins over a posted one; the asked multiple-choice question left empty holds the empty set.
        #expect(
            answers == [
                "kommunenummer": .text("0301"), "innovated": .code(1), "kinds": .codes([]), "share": .number(0.5),
            ])
        #expect(rules.problems(answers) == [AnswerProblem(question: "kinds", kind: .noneChosen)])
        // Answers behind routing that no longer holds are dropped for review and submission.
        let routedPast: AnswerSet = ["innovated": .code(2), "kinds": .codes([1]), "share": .number(1)]
        #expect(rules.completedForReview(routedPast) == ["innovated": .code(2)])
        #expect(rules.completedForSubmission(routedPast) == ["innovated": .code(2)])
        #expect(rules.noneChosenWhereEmpty(rules.instrument.questions, [:]) == ["kinds": .codes([])])
    }

    @Test func problemsAreWordedInBothLanguages() {
        let option = AnswerProblem(question: "q", kind: .notAnOption("9"))
        #expect(option.nb == "«9» er ikke et av svaralternativene. Velg et av alternativene.")
        #expect(option.en == "«9» is not one of the options. Choose one of the options.")
        let unknown = AnswerProblem(question: "q", kind: .unknownMunicipality(number: "9999", year: 2024))
        #expect(unknown.nb == "Finner ingen kommune med nummer 9999 i 2024.")
        #expect(unknown.en == "There is no municipality numbered 9999 in 2024.")
        #expect(AnswerProblem(question: "q", kind: .noneChosen).en == "Choose at least one answer.")
        #expect(AnswerProblem(question: "q", kind: .textTooLong).nb == "Svaret kan ha høyst 2000 tegn.")
    }

    @Test func numbersAndMunicipalityNumbersAsTyped() {
        #expect(QuestionnaireRules.number("1,5") == 1.5)
        #expect(QuestionnaireRules.number("-3") == -3)
        #expect(QuestionnaireRules.number("1.2.3") == nil)
        #expect(QuestionnaireRules.number("nan") == nil)
        #expect(QuestionnaireRules.fits(3, .integer) && !QuestionnaireRules.fits(3.5, .integer))
        #expect(QuestionnaireRules.fits(3.5, .decimal) && !QuestionnaireRules.fits(.nan, .decimal))
        #expect(QuestionnaireRules.isMunicipalityNumber("0301") && !QuestionnaireRules.isMunicipalityNumber("03011"))
    }
}
