import FornyeBarometer
import FornyeStatistics
import Testing

/// «Annet – beskriv kort»: the "other, specify" texts of the 2018 instrument (issue 20, item 10).
/// Shown with the question they specify, kept only while «Annet» is chosen, text variables in the
/// codebook (which the statistics and the public API leave out).
@Suite struct OtherSpecifyTests {
    let instrument: Instrument
    let rules: QuestionnaireRules

    init() throws {
        instrument = try Instrument.innovasjonsbarometer2018
        rules = QuestionnaireRules(instrument: instrument, register: nil, date: CalendarDay("2024-03-01")!)
    }

    @Test func theTextIsShownRightAfterItsQuestionBeforeAnythingIsChosen() throws {
        let background = try #require(instrument.sections.first { $0.name == "background" })
        let shown = rules.shownQuestions(background, [:]).map(\.name)
        let role = try #require(shown.firstIndex(of: "role"))
        #expect(shown[role + 1] == "role_other")
        // `innovated` is calculated from the four types.
        let innovated: AnswerSet = ["innovated_service": .code(1)]
        let page = try #require(rules.pages(innovated).first { $0.questions.contains { $0.name == "trigger" } })
        let names = rules.shownQuestions(page, innovated).map(\.name)
        for (question, other) in [
            ("trigger", "trigger_other"), ("financing", "financing_other"), ("results", "results_other"),
        ] {
            let index = try #require(names.firstIndex(of: question), "\(question)")
            #expect(names[index + 1] == other)
        }
    }

    @Test func theTextIsKeptOnlyWhileAnnetIsChosen() throws {
        let background = try #require(instrument.sections.first { $0.name == "background" })
        let questions = rules.shownQuestions(background, [:])
        var answers = AnswerSet()
        let other: [String: [String]] = ["role": ["3"], "role_other": ["Verneombud <b>"]]
        #expect(rules.read({ other[$0] ?? [] }, questions: questions, into: &answers).isEmpty)
        #expect(answers["role_other"] == .text("Verneombud <b>"))
        let manager: [String: [String]] = ["role": ["1"], "role_other": ["Verneombud"]]
        _ = rules.read({ manager[$0] ?? [] }, questions: questions, into: &answers)
        #expect(answers["role_other"] == nil && answers["role"] == .code(1))
        // A whole questionnaire: the financing text goes when «Annet» (7) is not among the choices.
        let submitted = rules.completedForSubmission([
            "innovated_service": .code(1), "financing": .codes([1]), "financing_other": .text("Sponsor"),
            "trigger": .codes([14]), "trigger_other": .text("Et tilsyn"),
        ])
        #expect(submitted["financing_other"] == nil && submitted["trigger_other"] == .text("Et tilsyn"))
    }

    @Test func theTextsAreTextVariablesOfTheCodebook() throws {
        let codebook = instrument.codebook()
        for name in ["role_other", "trigger_other", "financing_other", "results_other"] {
            #expect(codebook.variable(named: name)?.kind == .text, "\(name)")
        }
        #expect(instrument.version == "2018.2")
    }

    @Test func validationRequiresATextAfterItsChoiceQuestionWithACondition() throws {
        let list = ChoiceList(name: "yn", choices: [Choice(code: 1, label: .init(nb: "Ja"))])
        let choice = Question(name: "kind", type: .singleChoice, label: .init(nb: "Hva?"), choiceList: "yn")
        let good = Question(
            name: "kind_other", type: .text, label: .init(nb: "Annet"), relevance: try RoutingExpression("${kind} = 1"),
            specifies: "kind")
        func issues(_ questions: [Question]) -> [String] {
            Instrument(
                id: "t", version: "1", title: .init(nb: "T"), choiceLists: [list],
                sections: [Section(name: "s", questions: questions)]
            ).validationIssues().filter { $0.field == "specifies" }.map(\.message)
        }
        #expect(issues([choice, good]).isEmpty)
        var number = good
        number.type = .integer
        number.relevance = nil
        #expect(
            issues([choice, number]) == [
                "only a text question can specify another question's answer",
                "an «other, specify» text needs a condition (relevant)",
            ])
        #expect(issues([good, choice]) == ["kind is not a question earlier on the same page"])
    }
}
