import FornyeBarometer
import FornyeStatistics
import Testing

@Suite("Instrument codebook and data")
struct InstrumentCodebookTests {
    let instrument: Instrument

    init() throws {
        let yesNo = ChoiceList(
            name: "yn",
            choices: [
                Choice(code: 1, label: LocalizedText(nb: "Ja", en: "Yes")),
                Choice(code: 2, label: LocalizedText(nb: "Nei", en: "No")),
                Choice(code: 8, label: LocalizedText(nb: "Vet ikke"), missing: .dontKnow),
            ])
        let types = ChoiceList(
            name: "types",
            choices: [
                Choice(code: 1, label: LocalizedText(nb: "Tjeneste", en: "Service")),
                Choice(code: 3, label: LocalizedText(nb: "Prosess")),
            ])
        let scale = ChoiceList(
            name: "grade",
            choices: [
                Choice(code: 1, label: LocalizedText(nb: "Lite")), Choice(code: 2, label: LocalizedText(nb: "Mye")),
                Choice(code: 9, label: LocalizedText(nb: "Ikke relevant"), missing: .notApplicable),
            ])
        instrument = Instrument(
            id: "t", version: "1", title: LocalizedText(nb: "Test"), choiceLists: [yesNo, types, scale],
            sections: [
                Section(
                    name: "s",
                    questions: [
                        Question(name: "intro", type: .note, label: LocalizedText(nb: "Velkommen")),
                        Question(
                            name: "innovated", type: .singleChoice,
                            label: LocalizedText(nb: "Innovert?", en: "Innovated?"),
                            choiceList: "yn"),
                        Question(
                            name: "kinds", type: .multipleChoice, label: LocalizedText(nb: "Typer", en: "Types"),
                            choiceList: "types", relevance: try RoutingExpression("${innovated} = 1")),
                        Question(
                            name: "factor", type: .scale, label: LocalizedText(nb: "Faktor"), choiceList: "grade",
                            relevance: try RoutingExpression("${innovated} = 1")),
                        Question(name: "staff", type: .integer, label: LocalizedText(nb: "Ansatte")),
                        Question(name: "kommunenummer", type: .municipality, label: LocalizedText(nb: "Kommune")),
                    ])
            ])
        try instrument.validate()
    }

    @Test("variables in question order: notes left out, multiple choice as 0/1 items plus a set")
    func variables() throws {
        let codebook = instrument.codebook()
        #expect(
            codebook.variables.map(\.name) == ["innovated", "kinds_1", "kinds_3", "factor", "staff", "kommunenummer"])
        #expect(
            codebook.variables.map(\.kind) == [
                .singleChoice, .multipleChoiceItem, .multipleChoiceItem, .ordinal, .numeric, .text,
            ])
        #expect(
            codebook.multipleResponseSets == [
                MultipleResponseSet(
                    name: "kinds", label: "Typer", labelEnglish: "Types", items: ["kinds_1", "kinds_3"])
            ])
        let item = try #require(codebook.variable(named: "kinds_1"))
        #expect(item.label == "Typer: Tjeneste")
        #expect(item.labelEnglish == "Types: Service")
        #expect(item.valueLabels.map(\.code) == [0, 1])
        let innovated = try #require(codebook.variable(named: "innovated"))
        #expect(
            innovated.valueLabels == [
                ValueLabel(code: 1, label: "Ja", labelEnglish: "Yes"),
                ValueLabel(code: 2, label: "Nei", labelEnglish: "No"),
            ])
        #expect(innovated.missingCodes == [8: .dontKnow])
        #expect(codebook.variable(named: "factor")?.missingCodes == [9: .notApplicable])
        #expect(codebook.title == "Test")
        try codebook.validate()
    }

    @Test("responses become a dataset: routed past is system missing, an empty multiple choice is 0")
    func dataset() throws {
        let responses: [AnswerSet] = [
            [
                "innovated": .code(1), "kinds": .codes([3]), "factor": .code(2), "staff": .number(12),
                "kommunenummer": .text("0301"),
            ],
            ["innovated": .code(2), "kinds": .codes([1]), "factor": .code(1)],
            ["innovated": .code(1), "kinds": .codes([]), "factor": .code(9)],
            ["innovated": .code(8)],
        ]
        let dataset = try instrument.dataset(responses: responses)
        let missing = Column.systemMissing
        #expect(try dataset.codes(of: "kinds_1") == [0, missing, 0, missing])
        #expect(try dataset.codes(of: "kinds_3") == [1, missing, 0, missing])
        #expect(try dataset.codes(of: "factor") == [2, missing, 9, missing])
        #expect(try dataset.missingKind(of: "innovated", row: 3) == .dontKnow)
        #expect(try dataset.column(named: "kommunenummer") == .texts(["0301", nil, nil, nil]))

        let estimator = Estimator(dataset: dataset, design: try SurveyDesign(rowCount: 4))
        let shares = try estimator.shares(of: "innovated")
        let estimates = shares.cells.map(\.estimate)
        #expect(estimates.count == 2)
        #expect(zip(estimates, [2.0 / 3.0, 1.0 / 3.0]).allSatisfy { abs($0 - $1) < 1e-12 })
        let kinds = try estimator.multipleResponse("kinds", kind: .shareOfRespondents)
        #expect(kinds.cells.map(\.estimate) == [0, 0.5])
        #expect(kinds.cells.first?.baseCount == 2)
    }

    @Test(
        "answers of the wrong form are refused with the response number",
        arguments: [
            (
                AnswerSet(["innovated": .text("ja")]),
                "row 1, variable innovated: a single_choice question takes one code, not text(\"ja\")"
            ),
            (
                AnswerSet(["innovated": .code(1), "kinds": .code(1)]),
                "row 1, variable kinds: a multiple_choice question takes a set of codes, not code(1)"
            ),
            (
                AnswerSet(["innovated": .code(1), "kinds": .codes([1, 2])]),
                "row 1, variable kinds: code 2 is not in choice list types"
            ),
            (
                AnswerSet(["kommunenummer": .text("301")]),
                "row 1, variable kommunenummer: \"301\" is not a municipality number (four digits, e.g. 0301)"
            ),
        ])
    func wrongForm(response: AnswerSet, message: String) {
        #expect {
            try instrument.dataset(responses: [response])
        } throws: { error in
            "\(error)" == message
        }
    }
}
