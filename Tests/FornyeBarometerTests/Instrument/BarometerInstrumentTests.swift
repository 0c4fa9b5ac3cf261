import FornyeBarometer
import FornyeStatistics
import Testing

@Suite("Innovasjonsbarometer 2018 instrument")
struct BarometerInstrumentTests {
    let instrument: Instrument
    let codebook: Codebook

    init() throws {
        instrument = try Instrument.innovasjonsbarometer2018
        codebook = instrument.codebook()
    }

    @Test("the bundled file loads and validates, and its codebook is valid")
    func loads() throws {
        #expect(instrument.id == "innovasjonsbarometer")
        #expect(instrument.version == "2018.2")
        #expect(instrument.validationIssues().isEmpty)
        try codebook.validate()
    }

    @Test("the codebook has every variable the plan of issue 3 names, with its kind")
    func planVariables() throws {
        let expected: [(String, VariableKind)] = [
            ("kommunenummer", .text), ("sector", .singleChoice), ("unit_type", .singleChoice), ("role", .singleChoice),
            ("innovated", .singleChoice), ("innovated_service", .singleChoice), ("innovated_product", .singleChoice),
            ("innovated_organisation", .singleChoice), ("innovated_communication", .singleChoice),
            ("novelty", .singleChoice), ("inspiration", .singleChoice), ("spread", .singleChoice),
            ("development_underway", .singleChoice), ("factor_employee_participation", .ordinal),
            ("factor_internal_collaboration", .ordinal), ("factor_financial_resources", .ordinal),
            ("factor_operations_focus", .ordinal), ("factor_politics", .ordinal),
            ("factor_handling_mistakes", .ordinal), ("factor_leadership", .ordinal), ("factor_competence", .ordinal),
        ]
        for (name, kind) in expected {
            let variable = try #require(codebook.variable(named: name), "\(name)")
            #expect(variable.kind == kind, "\(name)")
        }
        let sets: [(String, Int)] = [
            ("newest_type", 4), ("trigger", 14), ("financing", 7), ("results", 6), ("partners", 9),
        ]
        for (name, count) in sets {
            let set = try #require(codebook.multipleResponseSet(named: name), "\(name)")
            #expect(set.items == (1...count).map { "\(name)_\($0)" })
        }
    }

    @Test("missing codes: 8 = vet ikke, 9 = ikke relevant on the factor scale; spread keeps 3 as an answer")
    func missingCodes() throws {
        let innovated = try #require(codebook.variable(named: "innovated"))
        #expect(innovated.valueLabels.map(\.code) == [1, 2])
        #expect(innovated.missingCodes == [8: .dontKnow])
        let factor = try #require(codebook.variable(named: "factor_politics"))
        #expect(factor.valueLabels.map(\.code) == [1, 2, 3, 4, 5])
        #expect(factor.missingCodes == [8: .dontKnow, 9: .notApplicable])
        let spread = try #require(codebook.variable(named: "spread"))
        #expect(spread.valueLabels.map(\.code) == [1, 2, 3])
        #expect(spread.missingCodes.isEmpty)
    }

    @Test("the report's named options are in the lists: Tab 4-1's five triggers, Fig 4-5, 4-6 and 4-7")
    func reportOptions() throws {
        func labels(_ list: String) throws -> [String] {
            try #require(instrument.choiceList(named: list)).choices.map(\.label.nb)
        }
        let triggers = try labels("trigger")
        for named in [
            "Ledere på arbeidsplassen min", "Medarbeidere på arbeidsplassen min", "Tjenestemottakere/innbyggere",
            "Ny teknologi", "Kommunens/fylkeskommunens innovasjonsstrategi",
        ] {
            #expect(triggers.contains(named), "\(named)")
        }
        #expect(
            try labels("results").prefix(3) == ["Forbedret kvalitet", "Økt effektivitet", "Økt medarbeidertilfredshet"])
        #expect(try labels("partners")[7] == "Utdannings- og forskningsinstitusjoner")
        #expect(try labels("financing")[0] == "Egne budsjetter")
    }

    @Test("lists shared with the report's classifications have the same codes and labels")
    func classificationsAgree() throws {
        let shared: [(String, CodeList)] = [
            ("sector", ReportClassifications.sector), ("unit_type", ReportClassifications.unitType),
            ("innovation_type", ReportClassifications.innovationType), ("novelty", ReportClassifications.novelty),
            ("inspiration", ReportClassifications.inspiration), ("spread", ReportClassifications.spread),
        ]
        for (name, codeList) in shared {
            let list = try #require(instrument.choiceList(named: name))
            let substantive = list.choices.filter { $0.missing == nil }
            #expect(substantive == ChoiceList(codeList).choices, "\(name)")
        }
    }

    @Test("every question and choice has an English label")
    func english() {
        for question in instrument.questions { #expect(question.label.en != nil, "\(question.name)") }
        for list in instrument.choiceLists {
            for choice in list.choices { #expect(choice.label.en != nil, "\(list.name) \(choice.code)") }
        }
    }

    @Test("an innovator is asked about the newest innovation and the factors, not about development under way")
    func innovatorRouting() {
        let answers: AnswerSet = [
            "kommunenummer": .text("0301"), "sector": .code(1), "unit_type": .code(1), "role": .code(1),
            "innovated_service": .code(2), "innovated_product": .code(8), "innovated_organisation": .code(1),
            "innovated_communication": .code(2), "development_underway": .code(1),
        ]
        let completed = instrument.completing(answers)
        #expect(completed["innovated"] == .code(1))
        #expect(completed["development_underway"] == nil)
        let relevant = Set(instrument.relevantQuestions(given: answers))
        #expect(relevant.isSuperset(of: ["newest_type", "trigger", "spread", "factor_politics"]))
        #expect(!relevant.contains("development_underway"))
    }

    @Test(
        "innovated is yes if any type is yes, no if all are no, don't know otherwise",
        arguments: [([2, 2, 2, 1], 1), ([2, 2, 2, 2], 2), ([2, 8, 2, 2], 8), ([8, 8, 8, 8], 8), ([1, 8, 8, 8], 1)])
    func innovatedCalculation(types: [Int], expected: Int) {
        let names = ["innovated_service", "innovated_product", "innovated_organisation", "innovated_communication"]
        let answers = AnswerSet(Dictionary(uniqueKeysWithValues: zip(names, types.map(Answer.code))))
        let completed = instrument.completing(answers)
        #expect(completed["innovated"] == .code(expected))
        #expect(instrument.isRelevant("development_underway", given: answers) == (expected != 1))
        #expect(instrument.isRelevant("factor_leadership", given: answers) == (expected == 1))
    }

    @Test("YAML written from the instrument reads back equal")
    func yamlRoundTrip() throws {
        let text = try InstrumentFile.yaml(instrument)
        #expect(try InstrumentFile.parse(text, file: "round-trip.yaml") == instrument)
    }
}
