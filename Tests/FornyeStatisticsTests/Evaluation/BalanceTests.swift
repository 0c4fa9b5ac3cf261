import Foundation
import Testing

@testable import FornyeStatistics

@Suite("Balance: entropy balancing and inverse-probability weights against R")
struct BalanceTests {
    let golden = EvaluationGolden.shared
    let covariates = ["size", "region"]

    static func check(_ table: BalanceTable, _ expected: [EvaluationGolden.BalanceRow], _ what: String) {
        #expect(table.rows.map(\.column.name) == expected.map(\.column), "\(what) columns")
        for (row, reference) in zip(table.rows, expected) {
            let label = "\(what) \(reference.column)"
            expectClose(row.participantMean, reference.participantMean, "\(label) participants' mean")
            expectClose(row.comparisonMean, reference.comparisonMean, "\(label) comparison mean")
            expectClose(row.standardisedDifference, reference.standardisedDifference, "\(label) SMD")
        }
    }

    @Test("standardised differences before reweighting agree with the script's formula")
    func balanceBefore() throws {
        let panel = try golden.panel("linkedStratified")
        let table = try Balance.table(panel, covariates: covariates, wave: golden.balance.wave)
        Self.check(table, golden.balance.before, "before")
        #expect(table.maximumAbsoluteDifference > 0.1)
    }

    @Test("entropy balancing gives R calibrate(calfun = raking) weights, balance and DiD")
    func entropyBalancing() throws {
        let panel = try golden.panel("entropyBalanced")
        let balanced = try Balance.entropyBalanced(panel, covariates: covariates)
        #expect(balanced.weights.count == golden.balance.entropyWeights.count)
        for (row, (actual, expected)) in zip(balanced.weights, golden.balance.entropyWeights).enumerated() {
            expectClose(actual, expected, relative: 1e-10, "entropy weight of row \(row + 1)")
        }
        let table = try Balance.table(
            panel, covariates: covariates, wave: golden.balance.wave, weights: balanced.weights)
        Self.check(table, golden.balance.entropyBalanced, "entropy balanced")
        // The means match exactly, so every standardised difference vanishes.
        #expect(table.maximumAbsoluteDifference < 1e-9)

        let expected = golden.balance.entropyDid
        let result = try DifferenceInDifferences.estimate(
            .mean, of: expected.outcome, panel: panel, before: expected.before, after: expected.after,
            design: balanced.design, level: expected.level)
        DifferenceInDifferencesTests.check(result, expected)
    }

    @Test("inverse-probability weights follow R's svyglm(quasibinomial) propensity model")
    func inverseProbabilityWeights() throws {
        let panel = try golden.panel("ipw")
        let reweighted = try Balance.inverseProbabilityWeighted(
            panel, covariates: covariates, baseline: golden.balance.wave)
        let model = try #require(reweighted.propensity)
        let expected = golden.balance.propensity
        #expect(
            model.coefficients.map(\.term.name)
                == expected.terms.map { $0.replacingOccurrences(of: "factor(region)", with: "region") })
        for (coefficient, (estimate, se)) in zip(model.coefficients, zip(expected.estimate, expected.standardError)) {
            expectClose(coefficient.estimate, estimate, "propensity \(coefficient.term.name)")
            expectClose(coefficient.standardError, se, relative: 1e-7, "propensity \(coefficient.term.name) SE")
        }
        #expect(model.degreesOfFreedom == expected.degreesOfFreedom)
        for (row, (actual, reference)) in zip(reweighted.weights, golden.balance.ipwWeights).enumerated() {
            expectClose(actual, reference, "IPW weight of row \(row + 1)")
        }
        let table = try Balance.table(
            panel, covariates: covariates, wave: golden.balance.wave, weights: reweighted.weights)
        Self.check(table, golden.balance.ipw, "IPW")

        let did = golden.balance.ipwDid
        let result = try DifferenceInDifferences.estimate(
            .mean, of: did.outcome, panel: panel, before: did.before, after: did.after, design: reweighted.design,
            level: did.level)
        DifferenceInDifferencesTests.check(result, did)
    }

    @Test("raking calibration on the indicators of one margin is post-stratification")
    func calibrationOnIndicatorsIsRaking() throws {
        let panel = try golden.panel("linkedStratified")
        let design = try panel.design()
        let region = try panel.dataset.codes(of: "region")
        let targets: [Int32: Double] = [1: 3000, 2: 2500, 3: 2000]
        let columns = (1...3).map { code in region.map { $0 == Int32(code) ? 1.0 : 0.0 } }
        let (calibrated, _) = try Weighting.calibrate(
            design, columns: columns, totals: (1...3).map { targets[Int32($0)]! },
            options: CalibrationOptions(function: .raking, tolerance: 1e-13, maxIterations: 100))
        let raked = try Weighting.postStratify(
            design, data: panel.dataset,
            to: PopulationMargin(variable: "region", totals: [1: 3000, 2: 2500, 3: 2000]))
        for row in 0..<design.rowCount {
            expectClose(calibrated.weights[row], raked.weights[row], relative: 1e-12, "row \(row + 1)")
        }
    }
}
