import Testing

@testable import FornyeStatistics

/// `VariableEstimator` picks the estimator from the variable's kind and the caller's choices,
/// and its tables are exactly the ones `Estimator` gives for that choice.
@Suite("Choosing the estimator for a variable")
struct VariableEstimatorTests {
    static let breakdownSets = [[], ["region"], ["region", "sector"]]

    static func survey() throws -> (Dataset, SurveyDesign) {
        let survey = try RandomSurvey(rows: 300, seed: 11)
        return (survey.dataset, try survey.design())
    }

    /// Tables compared in full (cells printed, so NaN equals NaN).
    static func same(_ chosen: [EstimateTable], _ direct: [EstimateTable]) -> Bool {
        chosen.count == direct.count
            && zip(chosen, direct).allSatisfy { chosen, direct in
                chosen.kind == direct.kind && chosen.variable == direct.variable
                    && chosen.breakdowns == direct.breakdowns && "\(chosen.cells)" == "\(direct.cells)"
            }
    }

    @Test("a single-choice variable gets the share of each category")
    func singleChoice() throws {
        let (dataset, design) = try Self.survey()
        let estimator = VariableEstimator(dataset: dataset, design: design, ordinal: .mean, numeric: .total)
        #expect(try estimator.kind(of: "sector") == .share)
        let tables = try estimator.tables(of: "sector", byEach: Self.breakdownSets)
        #expect(tables.map(\.breakdowns) == [[], ["region"], ["region", "sector"]])
        #expect(Self.same(tables, try estimator.estimator.sharesTables(of: "sector", byEach: Self.breakdownSets)))
    }

    @Test("an ordinal variable gets shares by default and the mean score when asked")
    func ordinal() throws {
        let (dataset, design) = try Self.survey()
        let shares = VariableEstimator(dataset: dataset, design: design)
        #expect(try shares.kind(of: "answer") == .share)
        #expect(
            Self.same(
                try shares.tables(of: "answer", byEach: Self.breakdownSets),
                try shares.estimator.sharesTables(of: "answer", byEach: Self.breakdownSets)))
        let means = VariableEstimator(dataset: dataset, design: design, ordinal: .mean)
        #expect(try means.kind(of: "answer") == .mean)
        #expect(
            Self.same(
                [try means.table(of: "answer", by: ["region"])],
                [try means.estimator.means(of: "answer", by: ["region"])]
            ))
    }

    @Test("a numeric variable gets the mean by default and the total when asked")
    func numeric() throws {
        let (dataset, design) = try Self.survey()
        let means = VariableEstimator(dataset: dataset, design: design)
        #expect(try means.kind(of: "amount") == .mean)
        #expect(
            Self.same(
                try means.tables(of: "amount", byEach: Self.breakdownSets),
                try means.estimator.measurementTables(.mean, of: "amount", byEach: Self.breakdownSets)))
        let totals = VariableEstimator(dataset: dataset, design: design, numeric: .total)
        #expect(try totals.kind(of: "amount") == .total)
        #expect(
            Self.same(
                try totals.tables(of: "amount", byEach: Self.breakdownSets),
                try totals.estimator.measurementTables(.total, of: "amount", byEach: Self.breakdownSets)))
    }

    @Test("a multiple-response set gets shares of respondents or of responses, as the base says")
    func multipleResponse() throws {
        let (dataset, design) = try Self.survey()
        for (base, kind) in [
            (MultipleResponseBase.respondents, EstimateKind.shareOfRespondents), (.responses, .shareOfResponses),
        ] {
            let estimator = VariableEstimator(dataset: dataset, design: design, multipleResponseBase: base)
            #expect(try estimator.kind(of: "options") == kind)
            let tables = try estimator.tables(of: "options", byEach: Self.breakdownSets)
            #expect(tables.allSatisfy { $0.kind == kind })
            #expect(
                Self.same(
                    tables,
                    try estimator.estimator.multipleResponseTables("options", kind: kind, byEach: Self.breakdownSets)))
        }
        // Shares of responses add up to one in the whole population; shares of respondents more.
        let overall = { (base: MultipleResponseBase) throws -> Double in
            try VariableEstimator(dataset: dataset, design: design, multipleResponseBase: base).table(of: "options")
                .cells.map(\.estimate).reduce(0, +)
        }
        #expect(abs(try overall(.responses) - 1) < 1e-12)
        #expect(try overall(.respondents) > 1.2)
    }

    @Test("a name that is no variable, an item of a set and a text variable are refused")
    func refused() throws {
        let (survey, design) = try Self.survey()
        let dataset = try survey.adding([
            (
                Variable(name: "comment", label: "Comment", kind: .text),
                .texts([String?](repeating: "fritekst", count: survey.rowCount))
            )
        ])
        let estimator = VariableEstimator(dataset: dataset, design: design)
        #expect(throws: StatisticsError.unknownVariable("nothing")) {
            try estimator.tables(of: "nothing", byEach: [[]])
        }
        let expected = "a single-choice, ordinal or numeric variable, or a multiple-response set"
        #expect(throws: StatisticsError.wrongKind(variable: "m1", expected: expected, actual: .multipleChoiceItem)) {
            try estimator.table(of: "m1")
        }
        #expect(throws: StatisticsError.wrongKind(variable: "comment", expected: expected, actual: .text)) {
            try estimator.kind(of: "comment")
        }
    }
}
