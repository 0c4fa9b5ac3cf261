import Testing

@testable import FornyeStatistics

@Suite("Weight trimming")
struct TrimmingTests {
    typealias Fixtures = WeightingFixtures

    @Test("trimming keeps the sum and every weight within its bounds")
    func trimmerKeepsSum() {
        let initial: [Double] = [1, 2, 3, 4, 30, 0]
        let trimmer = WeightTrimmer(bounds: .absolute(lower: 2, upper: 10), initialWeights: initial)
        var weights = initial
        trimmer.trim(&weights)
        #expect(abs(weights.reduce(0, +) - initial.reduce(0, +)) < 1e-12)
        #expect(weights[5] == 0)
        // 1 is lifted to 2 and 30 cut to 10; the 19 left over lifts 2, 3 and 4 in proportion
        // until 3 and 4 reach 10 as well, and what remains goes to the row that started at 2.
        let expected: [Double] = [2, 8, 10, 10, 10, 0]
        #expect(zip(weights, expected).allSatisfy { abs($0 - $1) < 1e-12 }, "\(weights)")
        #expect(trimmer.countAtBounds(weights) == 4)
    }

    @Test("the trimmed excess goes to the other rows in proportion to their weights")
    func proportionalShares() {
        let initial: [Double] = [2, 4, 6, 28]
        let trimmer = WeightTrimmer(bounds: .absolute(lower: 0, upper: 16), initialWeights: initial)
        var weights = initial
        trimmer.trim(&weights)
        // 12 removed from the last row; the others (sum 12) double.
        #expect(weights == [4, 8, 12, 16])
    }

    @Test("raking with ratio bounds keeps every weight ratio within them", arguments: [1, 2] as [UInt64])
    func ratioBounds(seed: UInt64) throws {
        let (design, data) = try Fixtures.randomSample(rows: 250, seed: seed)
        let margins = Fixtures.populationMargins
        let (plain, plainReport) = try Weighting.rake(design, data: data, to: margins)
        // Bounds inside the plain raking range, so trimming has work to do.
        let lower = plainReport.weightRatioRange.lowerBound * 1.3
        let upper = plainReport.weightRatioRange.upperBound * 0.8
        // Alternating sweeps and trimming converges slowly near the bounds.
        let options = RakingOptions(maxIterations: 1000, trimming: .ratio(lower: lower, upper: upper))
        let (trimmed, report) = try Weighting.rake(design, data: data, to: margins, options: options)
        #expect(report.trimmedCount > 0)
        #expect(report.weightRatioRange.lowerBound >= lower * (1 - 1e-12))
        #expect(report.weightRatioRange.upperBound <= upper * (1 + 1e-12))
        #expect(abs(trimmed.weights.reduce(0, +) - margins[0].grandTotal) < 1e-6)
        #expect(trimmed.weights != plain.weights)
        #expect(report.converged)
        #expect(report.maxAbsoluteError <= 1e-10 * margins[0].grandTotal)
    }

    @Test("absolute bounds that cannot meet the margins end unconverged, within the bounds")
    func conflictingAbsoluteBounds() throws {
        let (design, data) = try Fixtures.randomSample(rows: 250, seed: 3)
        let margins = Fixtures.populationMargins
        // A common weight of 40 would give the right total but not the margins.
        let options = RakingOptions(maxIterations: 30, trimming: .absolute(lower: 39, upper: 41))
        let (trimmed, report) = try Weighting.rake(design, data: data, to: margins, options: options)
        #expect(!report.converged)
        #expect(report.iterations == 30)
        #expect(report.maxAbsoluteError > 1)
        #expect(trimmed.weights.allSatisfy { $0 >= 39 - 1e-9 && $0 <= 41 + 1e-9 })
    }

    @Test("bounds no weights with the population total can meet are refused")
    func infeasibleBounds() throws {
        let (design, data) = try Fixtures.randomSample(rows: 100, seed: 6)
        // 100 rows of at most 50 cannot reach 10 000.
        let options = RakingOptions(trimming: .absolute(lower: 0, upper: 50))
        #expect(throws: StatisticsError.self) {
            try Weighting.rake(design, data: data, to: Fixtures.populationMargins, options: options)
        }
    }
}
