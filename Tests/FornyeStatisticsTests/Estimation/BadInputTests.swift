import Testing

@testable import FornyeStatistics

/// Every refusal names what is wrong and where; every documented edge case gives a flagged
/// result, never a crash or a silent NaN.
@Suite("Bad input to the statistics engine")
struct BadInputTests {
    static let codebook = Codebook(
        title: "Bad input (synthetic)", synthetic: true,
        variables: [
            Variable(
                name: "group", label: "Group", kind: .singleChoice,
                valueLabels: [
                    ValueLabel(code: 1, label: "A"), ValueLabel(code: 2, label: "B"), ValueLabel(code: 3, label: "C"),
                ]),
            Variable(
                name: "answer", label: "Answer", kind: .singleChoice,
                valueLabels: [ValueLabel(code: 1, label: "Ja"), ValueLabel(code: 2, label: "Nei")],
                missingCodes: [8: .dontKnow]),
            Variable(name: "amount", label: "Amount", kind: .numeric),
            Variable(name: "note", label: "Note", kind: .text),
        ])

    static func dataset(answers: [Int32] = [1, 2, 1, 8], amounts: [Double] = [1, 2, 3, 4]) throws -> Dataset {
        try Dataset(
            codebook: codebook,
            columns: [
                "group": .codes([1, 1, 2, 2]), "answer": .codes(answers), "amount": .numbers(amounts),
                "note": .texts(["a", nil, "b", "c"]),
            ])
    }

    @Test("a code outside the codebook names the row and variable")
    func unknownCode() {
        #expect(
            throws: StatisticsError.invalidValue(
                variable: "answer", row: 3,
                message: "code 5 is neither a labelled value nor a missing code in the codebook")
        ) {
            try Self.dataset(answers: [1, 2, 5, 1])
        }
    }

    @Test("columns of different lengths and kinds that do not match the codebook are refused")
    func mismatchedColumns() {
        #expect(throws: StatisticsError.lengthMismatch(variable: "answer", expected: 4, actual: 3)) {
            try Dataset(
                codebook: Self.codebook,
                columns: [
                    "group": .codes([1, 1, 2, 2]), "answer": .codes([1, 2, 1]), "amount": .numbers([1, 2, 3, 4]),
                    "note": .texts([nil, nil, nil, nil]),
                ])
        }
        #expect(throws: StatisticsError.self) {
            try Dataset(
                codebook: Self.codebook,
                columns: [
                    "group": .codes([1, 1, 2, 2]), "answer": .numbers([1, 2, 1, 1]), "amount": .numbers([1, 2, 3, 4]),
                    "note": .texts([nil, nil, nil, nil]),
                ])
        }
    }

    @Test("negative, missing and infinite weights name their row; all-zero weights are refused")
    func badWeights() {
        #expect(
            throws: StatisticsError.invalidValue(
                variable: "weight", row: 2, message: "weight -1.0 is negative")
        ) {
            try SurveyDesign(rowCount: 3, weights: [1, -1, 1])
        }
        #expect(throws: StatisticsError.invalidValue(variable: "weight", row: 1, message: "weight is missing")) {
            try SurveyDesign(rowCount: 2, weights: [.nan, 1])
        }
        #expect(throws: StatisticsError.self) { try SurveyDesign(rowCount: 2, weights: [.infinity, 1]) }
        #expect(throws: StatisticsError.invalidDesign("every weight is zero")) {
            try SurveyDesign(rowCount: 2, weights: [0, 0])
        }
    }

    @Test("an fpc that varies within a stratum, or is smaller than the sample, is refused")
    func badFPC() {
        #expect(throws: StatisticsError.self) { try SurveyDesign(rowCount: 2, fpc: [10, 11]) }
        #expect(throws: StatisticsError.self) { try SurveyDesign(rowCount: 3, fpc: [2, 2, 2]) }
    }

    @Test("zero weights keep the row's PSU but give it no influence")
    func zeroWeight() throws {
        let dataset = try Self.dataset(answers: [1, 2, 1, 2])
        let zero = try SurveyDesign(rowCount: 4, weights: [1, 1, 1, 0])
        let share = try Estimator(dataset: dataset, design: zero).shares(of: "answer").cells[0]
        #expect(abs(share.estimate - 2.0 / 3.0) < 1e-15)
        #expect(share.baseCount == 4)
        #expect(share.degreesOfFreedom == 2)
    }

    @Test("unknown variables, wrong kinds and too many breakdowns are refused by name")
    func wrongRequests() throws {
        let estimator = Estimator(dataset: try Self.dataset(), design: try SurveyDesign(rowCount: 4))
        #expect(throws: StatisticsError.unknownVariable("nope")) { try estimator.shares(of: "nope") }
        #expect(
            throws: StatisticsError.wrongKind(
                variable: "amount", expected: "single-choice or ordinal", actual: .numeric)
        ) {
            try estimator.shares(of: "amount")
        }
        #expect(throws: StatisticsError.self) { try estimator.means(of: "note") }
        #expect(throws: StatisticsError.self) { try estimator.shares(of: "answer", by: ["group", "answer", "group"]) }
        #expect(throws: StatisticsError.unknownVariable("set")) {
            try estimator.multipleResponse("set", kind: .shareOfRespondents)
        }
        #expect(throws: StatisticsError.self) { try estimator.shares(of: "answer", by: ["amount"]) }
    }

    @Test("an all-missing variable gives flagged empty cells, not silent numbers")
    func allMissing() throws {
        let dataset = try Self.dataset(answers: [8, 8, Column.systemMissing, 8], amounts: [.nan, .nan, .nan, .nan])
        let estimator = Estimator(dataset: dataset, design: try SurveyDesign(rowCount: 4))
        for cell in try estimator.shares(of: "answer").cells + estimator.means(of: "amount").cells {
            #expect(cell.baseCount == 0)
            #expect(cell.flags.contains(.emptyDomain))
            #expect(cell.flags.contains(.noVariance))
        }
    }

    @Test("a domain whose members all lack the answer is flagged empty; the others are estimated")
    func emptyGroup() throws {
        let dataset = try Self.dataset(answers: [1, 2, 8, 8])
        let table = try Estimator(dataset: dataset, design: try SurveyDesign(rowCount: 4)).shares(
            of: "answer", by: ["group"])
        let groupB = table.cells.filter { $0.domain.first?.code == 2 }
        #expect(!groupB.isEmpty && groupB.allSatisfy { $0.flags.contains(.emptyDomain) })
        let groupA = table.cells.filter { $0.domain.first?.code == 1 }
        #expect(groupA.map(\.estimate) == [0.5, 0.5])
        #expect(!table.cells.contains { $0.domain.first?.code == 3 }, "a level with no rows is not a domain")
    }

    @Test("a stratum with one PSU fails with its name, or follows the chosen rule")
    func lonelyPSU() throws {
        let dataset = try Self.dataset(answers: [1, 2, 1, 2])
        let strata = ["x", "x", "x", "y"]
        let failing = try SurveyDesign(rowCount: 4, strata: strata)
        #expect(throws: StatisticsError.lonelyPSU(stratum: "y")) {
            try Estimator(dataset: dataset, design: failing).shares(of: "answer")
        }
        for policy in [LonelyPSUPolicy.remove, .adjust, .average, .certainty] {
            let design = try SurveyDesign(rowCount: 4, strata: strata, lonelyPSU: policy)
            let cell = try Estimator(dataset: dataset, design: design).shares(of: "answer").cells[0]
            #expect(cell.standardError.isFinite && cell.standardError > 0, "\(policy)")
        }
    }

    @Test("a domain with a single PSU has no degrees of freedom and no interval, and says so")
    func singlePSUDomain() throws {
        let dataset = try Self.dataset(answers: [1, 2, 1, 2])
        let design = try SurveyDesign(rowCount: 4, clusters: ["p", "p", "q", "r"])
        let table = try Estimator(dataset: dataset, design: design).shares(of: "answer", by: ["group"])
        let groupA = try #require(table.cells.first { $0.domain.first?.code == 1 })
        #expect(groupA.degreesOfFreedom == 0)
        #expect(groupA.flags.contains(.noVariance))
        #expect(groupA.lower.isNaN && groupA.upper.isNaN)
    }
}
