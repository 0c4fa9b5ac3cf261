import Foundation
import Testing

@testable import FornyeStatistics

/// Inference checked against the shared golden files of `scripts/r/make-golden.R`: the fixture
/// survey under five designs, with R's svychisq, svyglm and svycontrast results.
@Suite("Inference on the golden fixture")
struct FixtureInferenceTests {
    static let designs = ["srs", "weighted", "stratclust", "poststrat", "raked"]

    @Test("Rao–Scott tests agree with R svychisq", arguments: designs)
    func chiSquared(_ name: String) throws {
        let fixture = try GoldenFixture.shared()
        let golden = try GoldenFile.load(name)
        let design = try fixture.design(for: golden)
        let cases = try #require(golden.chisq)
        #expect(cases.count == 4)
        for expected in cases {
            let what = "\(name) \(expected.row) × \(expected.column) \(expected.statisticType)"
            let statistic = try #require(RaoScottTest.Statistic(rawValue: expected.statisticType))
            let test = try RaoScottTest.test(
                expected.row, by: expected.column, dataset: fixture.dataset, design: design, statistic: statistic)
            expectClose(test.numeratorDegreesOfFreedom, expected.ndf, "\(what): ndf")
            expectClose(test.pValue, expected.pValue, "\(what): p")
            switch statistic {
            case .f:
                expectClose(test.value, expected.statistic, "\(what): F")
                expectClose(test.denominatorDegreesOfFreedom ?? .nan, expected.ddf ?? .nan, "\(what): ddf")
            case .chiSquared:
                // R prints the uncorrected X²; its p-value is that of X² over the mean design effect.
                expectClose(test.pearsonChiSquared, expected.statistic, "\(what): X²")
            }
        }
    }

    @Test("logistic regression agrees with R svyglm(quasibinomial) and confint", arguments: designs)
    func logistic(_ name: String) throws {
        let fixture = try GoldenFixture.shared()
        let golden = try GoldenFile.load(name)
        let expected = try #require(golden.glm)
        #expect(expected.formula == "quality ~ research + factor(sector) + factor(size)")
        let model = try LogisticRegression.fit(
            "quality", events: [1], on: [.numeric("research"), .factor("sector"), .factor("size")],
            dataset: fixture.dataset, design: fixture.design(for: golden))
        // R names factor dummies factor(sector)2; Fornye names them sector2.
        let names = expected.coefficients.map { coefficient in
            guard coefficient.name.hasPrefix("factor(") else { return coefficient.name }
            return coefficient.name.dropFirst("factor(".count).replacingOccurrences(of: ")", with: "")
        }
        #expect(model.coefficients.map(\.term.name) == names)
        #expect(model.rowsUsed == expected.nUsed)
        #expect(model.degreesOfFreedom == expected.dfResidual)
        for (index, (coefficient, reference)) in zip(model.coefficients, expected.coefficients).enumerated() {
            let what = "\(name) \(reference.name)"
            expectClose(coefficient.estimate, reference.estimate, "\(what): estimate")
            expectClose(coefficient.standardError, reference.se, "\(what): SE")
            expectClose(coefficient.tStatistic, reference.t, "\(what): t")
            expectClose(coefficient.pValue, reference.pValue, "\(what): p")
            expectClose(coefficient.lower, reference.ciDefault.low, "\(what): CI low")
            expectClose(coefficient.upper, reference.ciDefault.high, "\(what): CI high")
            for (column, value) in expected.vcov[index].enumerated() {
                expectClose(model.covariance[index][column], value, "\(what): vcov column \(column)")
            }
        }
    }

    @Test("domain differences agree with R svycontrast", arguments: designs)
    func contrasts(_ name: String) throws {
        let fixture = try GoldenFixture.shared()
        let golden = try GoldenFile.load(name)
        let cases = try #require(golden.contrasts)
        #expect(!cases.isEmpty)
        for expected in cases {
            let what = "\(name) \(expected.variable)=\(expected.category) \(expected.minuend) − \(expected.subtrahend)"
            let difference = try Comparison.betweenDomains(
                .share(category: expected.category), of: expected.variable, first: expected.minuend,
                second: expected.subtrahend, dataset: fixture.dataset, design: fixture.design(for: golden))
            expectClose(difference.estimate, expected.estimate, "\(what): estimate")
            expectClose(difference.standardError, expected.se, "\(what): SE")
        }
    }
}
