import Testing

@testable import FornyeStatistics

@Suite("Differences between domains and between samples")
struct ComparisonTests {
    let golden = InferenceGolden.shared

    @Test("differences between two domains of one design agree with R svyby + svycontrast")
    func domainsMatchR() throws {
        let dataset = try golden.dataset
        #expect(golden.domainDifferences.count >= 7)
        for expected in golden.domainDifferences {
            let what = "\(expected.design) \(expected.variable) \(expected.domain) \(expected.first)−\(expected.second)"
            let quantity: Comparison.Quantity = expected.category.map { .share(category: $0) } ?? .mean
            let difference = try Comparison.betweenDomains(
                quantity, of: expected.variable, domain: expected.domain, expected.first, expected.second,
                dataset: dataset, design: golden.design(expected.design), level: expected.level)
            expectClose(difference.first, expected.estimateFirst, "\(what) first")
            expectClose(difference.second, expected.estimateSecond, "\(what) second")
            expectClose(difference.firstStandardError, expected.standardErrorFirst, "\(what) first SE")
            expectClose(difference.secondStandardError, expected.standardErrorSecond, "\(what) second SE")
            expectClose(difference.estimate, expected.difference, "\(what) difference")
            expectClose(difference.standardError, expected.standardError, "\(what) SE")
            #expect(difference.degreesOfFreedom == Double(expected.degreesOfFreedom), "\(what) df")
            expectClose(difference.lower, expected.lower, "\(what) lower")
            expectClose(difference.upper, expected.upper, "\(what) upper")
            expectClose(difference.pValue, expected.pValue, "\(what) p")
        }
    }

    @Test("the two domain estimates are the Estimator's cells, and independent samples take its cells")
    func agreesWithEstimator() throws {
        let dataset = try golden.dataset
        for name in ["stratifiedCluster", "postStratified"] {
            let design = try golden.design(name)
            let table = try Estimator(dataset: dataset, design: design).shares(of: "a", by: ["g"])
            func cell(_ domain: Int) throws -> EstimateCell {
                try #require(table.cells.first { $0.domain.first?.code == domain && $0.category?.code == 2 })
            }
            let difference = try Comparison.betweenDomains(
                .share(category: 2), of: "a", domain: "g", 1, 3, dataset: dataset, design: design)
            let first = try cell(1)
            let second = try cell(3)
            expectClose(difference.first, first.estimate, "\(name) first estimate")
            expectClose(difference.firstStandardError, first.standardError, "\(name) first SE")
            expectClose(difference.second, second.estimate, "\(name) second estimate")
            expectClose(difference.secondStandardError, second.standardError, "\(name) second SE")

            let independent = try Comparison.betweenIndependentSamples(first, second)
            #expect(independent.degreesOfFreedom == Double(min(first.degreesOfFreedom, second.degreesOfFreedom)))
            expectClose(independent.estimate, difference.estimate, "\(name) difference")
        }
    }

    @Test("a domain compared with itself differs by zero, and the order of the domains flips the sign")
    func symmetry() throws {
        let dataset = try golden.dataset
        let design = try golden.design("stratifiedCluster")
        let forward = try Comparison.betweenDomains(
            .mean, of: "x", domain: "g", 1, 2, dataset: dataset, design: design)
        let backward = try Comparison.betweenDomains(
            .mean, of: "x", domain: "g", 2, 1, dataset: dataset, design: design)
        #expect(abs(forward.estimate + backward.estimate) < 1e-12)
        #expect(abs(forward.standardError - backward.standardError) < 1e-12)
        #expect(abs(forward.pValue - backward.pValue) < 1e-12)
        #expect(throws: StatisticsError.self) {
            try Comparison.betweenDomains(.mean, of: "x", domain: "g", 1, 1, dataset: dataset, design: design)
        }
    }

    @Test("overlapping domains of two variables keep their covariance")
    func overlappingDomains() throws {
        let dataset = try golden.dataset
        let design = try golden.design("weighted")
        let overlapping = try Comparison.betweenDomains(
            .share(category: 2), of: "a", first: ["g": 1], second: ["g": 1, "b": 4], dataset: dataset,
            design: design)
        let independentSE =
            (overlapping.firstStandardError * overlapping.firstStandardError
            + overlapping.secondStandardError * overlapping.secondStandardError).squareRoot()
        #expect(overlapping.standardError < independentSE)
    }

    @Test("unknown categories and empty domains are refused")
    func invalidDomains() throws {
        let dataset = try golden.dataset
        let design = try golden.design("weighted")
        #expect(throws: StatisticsError.self) {
            try Comparison.betweenDomains(
                .share(category: 8), of: "a", domain: "g", 1, 2, dataset: dataset, design: design)
        }
        #expect(throws: StatisticsError.self) {
            try Comparison.betweenDomains(.mean, of: "x", domain: "g", 1, 9, dataset: dataset, design: design)
        }
        #expect(throws: StatisticsError.self) {
            try Comparison.betweenDomains(.mean, of: "a", domain: "g", 1, 2, dataset: dataset, design: design)
        }
    }

    @Test("differences between independent samples agree with the formula computed in R")
    func independentSamplesMatchR() throws {
        #expect(golden.waveDifferences.count >= 2)
        for expected in golden.waveDifferences {
            let first = cell(expected.first)
            let second = cell(expected.second)
            let smaller = try Comparison.betweenIndependentSamples(first, second, level: expected.level)
            expectClose(smaller.estimate, expected.difference, "difference")
            expectClose(smaller.standardError, expected.standardError, "SE")
            #expect(smaller.degreesOfFreedom == Double(expected.degreesOfFreedom))
            expectClose(smaller.lower, expected.lower, "lower")
            expectClose(smaller.upper, expected.upper, "upper")
            expectClose(smaller.pValue, expected.pValue, "p")
            let welch = try Comparison.betweenIndependentSamples(
                first, second, level: expected.level, degreesOfFreedom: .welchSatterthwaite)
            expectClose(welch.degreesOfFreedom, expected.welchDegreesOfFreedom, "Welch df")
            expectClose(welch.lower, expected.welchLower, "Welch lower")
            expectClose(welch.upper, expected.welchUpper, "Welch upper")
            expectClose(welch.pValue, expected.welchPValue, "Welch p")
        }
    }

    @Test("suppressed, empty and variance-free cells cannot be compared")
    func refusedCells() throws {
        let expected = try #require(golden.waveDifferences.first)
        let good = cell(expected.first)
        for flag in [CellFlag.suppressedPrimary, .suppressedSecondary, .emptyDomain, .noVariance] {
            var flagged = cell(expected.second)
            flagged.flags = [flag]
            #expect(throws: StatisticsError.self) { try Comparison.betweenIndependentSamples(good, flagged) }
        }
        var constant = cell(expected.second)
        constant.standardError = 0
        #expect(throws: StatisticsError.self) {
            try Comparison.betweenIndependentSamples(constant, constant)
        }
        #expect(throws: StatisticsError.self) { try Comparison.betweenIndependentSamples(good, good, level: 1) }
    }

    private func cell(_ values: InferenceGolden.Cell) -> EstimateCell {
        EstimateCell(
            domain: [], category: Category(code: 2, label: "kode 2"), baseCount: 100, cellCount: 30,
            weightedBase: 1000, estimate: values.estimate, standardError: values.standardError, lower: 0, upper: 1,
            designEffect: nil, degreesOfFreedom: values.degreesOfFreedom)
    }
}
