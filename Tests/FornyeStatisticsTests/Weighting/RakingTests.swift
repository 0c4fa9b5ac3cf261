import Testing

@testable import FornyeStatistics

@Suite("Raking")
struct RakingTests {
    typealias Fixtures = WeightingFixtures

    static func maxMarginError(_ weights: [Double], data: Dataset, margins: [PopulationMargin]) throws -> Double {
        var largest = 0.0
        for margin in margins {
            let totals = Fixtures.weightedTotals(weights, codes: try data.codes(of: margin.variable))
            for (code, population) in margin.totals {
                largest = max(largest, abs((totals[code] ?? 0) - population))
            }
        }
        return largest
    }

    @Test("raking meets every margin within the tolerance", arguments: [1, 2, 3] as [UInt64])
    func meetsMargins(seed: UInt64) throws {
        let (design, data) = try Fixtures.randomSample(rows: 250, seed: seed)
        let margins = Fixtures.populationMargins
        let options = RakingOptions(tolerance: 1e-11)
        let (raked, report) = try Weighting.rake(design, data: data, to: margins, options: options)
        let total = margins[0].grandTotal
        #expect(report.converged)
        #expect(report.iterations > 1)
        #expect(try Self.maxMarginError(raked.weights, data: data, margins: margins) <= 1e-11 * total)
        #expect(report.marginErrors.map(\.variable) == ["a", "b", "c"])
        #expect(report.maxAbsoluteError <= 1e-11 * total)
        #expect(report.trimmedCount == 0)
        #expect(report.marginTotalDiscrepancy == 0)
        let ratios = zip(raked.weights, design.weights).map { $0 / $1 }
        #expect(report.weightRatioRange == ratios.min()!...ratios.max()!)
        #expect(report.kishDesignEffectBefore == design.kishDesignEffect)
        #expect(report.kishDesignEffectAfter == raked.kishDesignEffect)
        #expect(report.effectiveSampleSizeAfter == raked.kishEffectiveSampleSize)
        guard case .raking(let steps) = raked.calibrations.last?.method else {
            Issue.record("the raked design carries no raking step")
            return
        }
        #expect(steps.count == margins.count)
    }

    @Test("margins equal to the sample's weighted totals leave the weights unchanged")
    func matchingMarginsKeepWeights() throws {
        let (design, data) = try Fixtures.randomSample(rows: 180, seed: 21)
        let margins = try ["a", "b", "c"].map { name in
            PopulationMargin(
                variable: name, totals: Fixtures.weightedTotals(design.weights, codes: try data.codes(of: name)))
        }
        let (raked, report) = try Weighting.rake(design, data: data, to: margins)
        #expect(report.converged)
        #expect(report.iterations == 1)
        let worst = zip(raked.weights, design.weights).map(Fixtures.relativeDifference).max() ?? .nan
        #expect(worst < 1e-13)
    }

    @Test("proportional margins with a larger total scale every weight alike")
    func proportionalMarginsScaleUniformly() throws {
        let (design, data) = try Fixtures.randomSample(rows: 90, seed: 4)
        let margins = try ["a", "c"].map { name in
            PopulationMargin(
                variable: name,
                totals: Fixtures.weightedTotals(design.weights, codes: try data.codes(of: name)).mapValues { $0 * 3 })
        }
        let (_, report) = try Weighting.rake(design, data: data, to: margins)
        #expect(abs(report.weightRatioRange.lowerBound - 3) < 1e-12)
        #expect(abs(report.weightRatioRange.upperBound - 3) < 1e-12)
        #expect(abs(report.kishDesignEffectAfter - report.kishDesignEffectBefore) < 1e-12)
    }

    @Test("one iteration on a hard problem is reported as not converged")
    func notConverged() throws {
        let (design, data) = try Fixtures.randomSample(rows: 250, seed: 1)
        let options = RakingOptions(maxIterations: 1)
        let (raked, report) = try Weighting.rake(design, data: data, to: Fixtures.populationMargins, options: options)
        #expect(!report.converged)
        #expect(report.iterations == 1)
        #expect(report.maxAbsoluteError > 1e-10 * Fixtures.populationMargins[0].grandTotal)
        // The last margin of a sweep is always met.
        #expect(report.marginErrors[2].maxAbsoluteError < 1e-9)
        #expect(raked.calibrations.count == 1)
    }

    @Test("a single margin rakes to the post-stratified weights")
    func singleMarginIsPostStratification() throws {
        let (design, data) = try Fixtures.randomSample(rows: 80, seed: 9)
        let margin = Fixtures.populationMargins[0]
        let (raked, report) = try Weighting.rake(design, data: data, to: [margin])
        let post = try Weighting.postStratify(design, data: data, to: margin)
        #expect(report.converged)
        #expect(raked.weights == post.weights)
    }

    @Test("the totals of raking margins have almost no variance")
    func calibratedTotalsAreNearlyExact() throws {
        let (design, data) = try Fixtures.randomSample(rows: 200, seed: 13)
        let (raked, _) = try Weighting.rake(design, data: data, to: Fixtures.populationMargins)
        let codes = try data.codes(of: "b")
        let before = try Linearization.variance(
            of: zip(design.weights, codes).map { $1 == 3 ? $0 : 0 }, design: design)
        let after = try Linearization.variance(
            of: zip(raked.weights, codes).map { $1 == 3 ? $0 : 0 }, design: raked)
        // R projects the margins out with ten backfitting sweeps, which leave a remainder
        // when the margin variables are associated, as they are here.
        #expect(after < 1e-3 * before)
    }

    @Test("margins whose grand totals disagree are refused")
    func disagreeingTotals() throws {
        let (design, data) = try Fixtures.randomSample(rows: 60, seed: 2)
        var margins = Fixtures.populationMargins
        margins[1].totals[3]! += 100
        #expect(throws: StatisticsError.self) {
            try Weighting.rake(design, data: data, to: margins)
        }
    }

    @Test("a rounding difference between grand totals is scaled away and reported")
    func nearlyAgreeingTotals() throws {
        let (design, data) = try Fixtures.randomSample(rows: 200, seed: 2)
        var margins = Fixtures.populationMargins
        margins[2].totals[1]! += 0.001
        let (raked, report) = try Weighting.rake(design, data: data, to: margins)
        #expect(report.converged)
        #expect(abs(report.marginTotalDiscrepancy - 0.001 / 10000) < 1e-15)
        #expect(abs(raked.weights.reduce(0, +) - 10000) < 1e-6)
        #expect(report.marginErrors[2].maxAbsoluteError > 0.0005)
    }

    @Test("invalid margins and options are refused")
    func invalidInput() throws {
        let (design, data) = try Fixtures.randomSample(rows: 40, seed: 8)
        let margins = Fixtures.populationMargins
        #expect(throws: StatisticsError.self) { try Weighting.rake(design, data: data, to: []) }
        #expect(throws: StatisticsError.self) { try Weighting.rake(design, data: data, to: [margins[0], margins[0]]) }
        for options in [
            RakingOptions(maxIterations: 0), RakingOptions(tolerance: -1), RakingOptions(tolerance: .nan),
            RakingOptions(trimming: .ratio(lower: 2, upper: 1)),
            RakingOptions(trimming: .absolute(lower: -1, upper: 5)),
        ] {
            #expect(throws: StatisticsError.self) {
                try Weighting.rake(design, data: data, to: margins, options: options)
            }
        }
        var missingGroup = margins
        missingGroup[0].totals[5] = 10
        #expect(throws: StatisticsError.self) { try Weighting.rake(design, data: data, to: missingGroup) }
    }
}

extension RakingTests {
    @Test("contradictory margins end unconverged after the iteration limit, without failing")
    func contradictoryMargins() throws {
        // Every row with a = 1 has b = 1, yet a = 1 is to count more than b = 1.
        let design = try SurveyDesign(rowCount: 6, weights: [1, 2, 3, 1, 2, 3])
        let data = try Fixtures.dataset(["a": [1, 1, 2, 2, 2, 2], "b": [1, 1, 1, 2, 2, 2]])
        let margins = [
            PopulationMargin(variable: "a", totals: [1: 60, 2: 40]),
            PopulationMargin(variable: "b", totals: [1: 50, 2: 50]),
        ]
        let (raked, report) = try Weighting.rake(
            design, data: data, to: margins, options: RakingOptions(maxIterations: 50))
        #expect(!report.converged)
        #expect(report.iterations == 50)
        #expect(report.marginErrors[0].maxAbsoluteError > 9)
        #expect(raked.weights.allSatisfy { $0.isFinite })
    }
}
