import Foundation
import Testing

@testable import FornyeStatistics

@Suite("Design-based logistic regression")
struct LogisticRegressionTests {
    let golden = InferenceGolden.shared

    @Test("agrees with R svyglm(family = quasibinomial()) and confint on every golden model")
    func matchesR() throws {
        let dataset = try golden.dataset
        #expect(golden.logistic.count >= 5)
        for expected in golden.logistic {
            let what =
                "\(expected.design) \(expected.outcome) ~ \((expected.numeric + expected.factors).joined(separator: " + "))"
            let predictors =
                expected.numeric.map { Predictor.numeric($0) } + expected.factors.map { Predictor.factor($0) }
            let model = try LogisticRegression.fit(
                expected.outcome, events: expected.events.map(Set.init), on: predictors, dataset: dataset,
                design: golden.design(expected.design),
                missing: MissingPolicy(includeDontKnow: expected.includeDontKnow),
                confidenceLevel: expected.level)
            #expect(model.coefficients.map(\.term.name) == expected.terms, "\(what)")
            #expect(model.degreesOfFreedom == expected.degreesOfFreedom, "\(what)")
            #expect(model.rowsUsed == expected.rowsUsed, "\(what)")
            for (index, coefficient) in model.coefficients.enumerated() where index < expected.terms.count {
                let term = "\(what) \(coefficient.term.name)"
                expectClose(coefficient.estimate, expected.estimate[index], "\(term) estimate")
                expectClose(coefficient.standardError, expected.standardError[index], "\(term) SE")
                expectClose(coefficient.tStatistic, expected.t[index], "\(term) t")
                expectClose(coefficient.pValue, expected.pValue[index], "\(term) p")
                expectClose(coefficient.lower, expected.lower[index], "\(term) lower")
                expectClose(coefficient.upper, expected.upper[index], "\(term) upper")
                expectClose(coefficient.oddsRatioLower, exp(expected.lower[index]), "\(term) OR lower")
                expectClose(
                    coefficient.standardError, model.covariance[index][index].squareRoot(), "\(term) covariance")
            }
        }
    }

    @Test("factor terms are named and labelled against the first category as reference")
    func terms() throws {
        let model = try LogisticRegression.fit(
            "y", on: ["a", "x"], dataset: golden.dataset, design: golden.design("weighted"))
        let level = try #require(model.coefficient(named: "a3"))
        #expect(level.term.kind == .factorLevel)
        #expect(level.term.referenceCode == 1)
        #expect(level.term.label == "A: kode 3")
        #expect(model.coefficient(named: "x")?.term.kind == .numeric)
        #expect(abs(level.oddsRatio - exp(level.estimate)) < 1e-15)
    }

    @Test("a category in which everyone has the same outcome is reported as separation")
    func separation() throws {
        let dataset = try smallDataset(outcome: [0, 0, 0, 1, 0, 1, 1, 0], group: [1, 1, 1, 2, 2, 2, 2, 2])
        let design = try SurveyDesign(rowCount: 8)
        #expect {
            try LogisticRegression.fit("y", on: ["group"], dataset: dataset, design: design)
        } throws: { error in
            guard case StatisticsError.notConverged(let message) = error else { return false }
            return message.contains("group = 1")
        }
    }

    @Test("complete separation by a numeric predictor is an error, not a huge odds ratio")
    func completeSeparation() throws {
        let dataset = try smallDataset(
            outcome: [0, 0, 0, 0, 1, 1, 1, 1], group: [1, 2, 1, 2, 1, 2, 1, 2], score: [1, 2, 3, 4, 5, 6, 7, 8])
        let design = try SurveyDesign(rowCount: 8)
        #expect {
            try LogisticRegression.fit("y", on: ["score"], dataset: dataset, design: design)
        } throws: { error in
            guard case StatisticsError.notConverged(let message) = error else { return false }
            return message.contains("separat")
        }
    }

    @Test("collinear predictors and outcomes outside [0, 1] are refused")
    func invalidModels() throws {
        let dataset = try smallDataset(
            outcome: [0, 1, 0, 1, 1, 0, 1, 0], group: [1, 2, 1, 2, 1, 2, 2, 1], score: [1, 2, 1, 2, 1, 2, 2, 1])
        let design = try SurveyDesign(rowCount: 8)
        #expect {
            try LogisticRegression.fit("y", on: ["group", .numeric("score")], dataset: dataset, design: design)
        } throws: { error in
            guard case StatisticsError.invalidArgument(let message) = error else { return false }
            return message.contains("score") && message.contains("collinear")
        }
        #expect {
            try LogisticRegression.fit("score", on: ["group"], dataset: dataset, design: design)
        } throws: { error in
            guard case StatisticsError.invalidValue(let variable, _, _) = error else { return false }
            return variable == "score"
        }
        #expect {
            try LogisticRegression.fit("group", events: [7], on: [.numeric("score")], dataset: dataset, design: design)
        } throws: { error in
            guard case StatisticsError.invalidArgument(let message) = error else { return false }
            return message.contains("no category 7")
        }
    }

    private func smallDataset(outcome: [Int32], group: [Int32], score: [Double]? = nil) throws -> Dataset {
        let codebook = Codebook(variables: [
            Variable(name: "y", label: "Y", kind: .multipleChoiceItem),
            Variable(
                name: "group", label: "Gruppe", kind: .singleChoice,
                valueLabels: [ValueLabel(code: 1, label: "en"), ValueLabel(code: 2, label: "to")]),
            Variable(name: "score", label: "Score", kind: .numeric),
        ])
        return try Dataset(
            codebook: codebook,
            columns: [
                "y": .codes(outcome), "group": .codes(group),
                "score": .numbers(score ?? group.map { Double($0) * 1.5 + Double(outcome.count) }),
            ])
    }
}
