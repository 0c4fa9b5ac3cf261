import Foundation
import Testing

@testable import FornyeStatistics

/// Post-stratification and raking against R's `survey` package
/// (`scripts/r/make-golden-weighting.R`).
@Suite("Weighting against R")
struct WeightingGoldenTests {
    struct Golden: Decodable {
        struct Columns: Decodable {
            let stratum: [Int]
            let cluster: [Int]
            let weight: [Double]
            let region: [Int32]
            let size: [Int32]
            let sector: [Int32]
            let y: [Double]
            let b: [Double]
        }
        struct Statistic: Decodable {
            let estimate: Double
            let se: Double
        }
        struct Summary: Decodable {
            let weights: [Double]
            let meanY: Statistic
            let totalY: Statistic
            let meanB: Statistic
            let totalB: Statistic
        }
        struct Variants: Decodable {
            let uncalibrated: Summary
            let postStratified: Summary
            let raked: Summary
        }
        let data: Columns
        let margins: [PopulationMargin]
        let designs: [String: Variants]
    }

    static let relativeTolerance = 1e-8

    static func load() throws -> Golden {
        let url = try #require(
            Bundle.module.url(forResource: "weighting", withExtension: "json", subdirectory: "Golden/weighting"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Golden.self, from: Data(contentsOf: url))
    }

    static func design(_ golden: Golden, clustered: Bool) throws -> SurveyDesign {
        let columns = golden.data
        return try SurveyDesign(
            rowCount: columns.weight.count,
            weights: columns.weight,
            strata: clustered ? columns.stratum.map(String.init) : nil,
            clusters: clustered ? columns.cluster.map(String.init) : nil)
    }

    static func dataset(_ golden: Golden) throws -> Dataset {
        try WeightingFixtures.dataset([
            "region": golden.data.region, "size": golden.data.size, "sector": golden.data.sector,
        ])
    }

    /// Mean and total with linearised standard errors, from the influence values
    /// `w (y − ȳ) / Σw` and `w y`, as R's `svymean` and `svytotal` build them.
    static func check(_ design: SurveyDesign, y: [Double], mean: Golden.Statistic, total: Golden.Statistic) throws {
        let weights = design.weights
        let weightSum = weights.reduce(0, +)
        let estimatedTotal = zip(weights, y).reduce(0) { $0 + $1.0 * $1.1 }
        let estimatedMean = estimatedTotal / weightSum
        let meanScores = zip(weights, y).map { $0 * ($1 - estimatedMean) / weightSum }
        let totalScores = zip(weights, y).map { $0 * $1 }
        let meanSE = try Linearization.variance(of: meanScores, design: design).squareRoot()
        let totalSE = try Linearization.variance(of: totalScores, design: design).squareRoot()
        let tolerance = relativeTolerance
        #expect(WeightingFixtures.relativeDifference(estimatedMean, mean.estimate) < tolerance)
        #expect(WeightingFixtures.relativeDifference(estimatedTotal, total.estimate) < tolerance)
        #expect(WeightingFixtures.relativeDifference(meanSE, mean.se) < tolerance, "mean SE \(meanSE) vs \(mean.se)")
        #expect(
            WeightingFixtures.relativeDifference(totalSE, total.se) < tolerance, "total SE \(totalSE) vs \(total.se)")
    }

    static func check(_ design: SurveyDesign, against expected: Golden.Summary, golden: Golden) throws {
        let worst = zip(design.weights, expected.weights).map(WeightingFixtures.relativeDifference).max() ?? .nan
        #expect(design.weights.count == expected.weights.count)
        #expect(worst < relativeTolerance, "largest relative weight difference \(worst)")
        try check(design, y: golden.data.y, mean: expected.meanY, total: expected.totalY)
        try check(design, y: golden.data.b, mean: expected.meanB, total: expected.totalB)
    }

    @Test("uncalibrated designs match R (checks the harness)", arguments: [false, true])
    func uncalibrated(clustered: Bool) throws {
        let golden = try Self.load()
        let variants = try #require(golden.designs[clustered ? "clustered" : "unclustered"])
        try Self.check(Self.design(golden, clustered: clustered), against: variants.uncalibrated, golden: golden)
    }

    @Test("postStratify on region matches R's weights and standard errors", arguments: [false, true])
    func postStratified(clustered: Bool) throws {
        let golden = try Self.load()
        let variants = try #require(golden.designs[clustered ? "clustered" : "unclustered"])
        let design = try Weighting.postStratify(
            Self.design(golden, clustered: clustered), data: Self.dataset(golden), to: golden.margins[0])
        try Self.check(design, against: variants.postStratified, golden: golden)
    }

    @Test("rake on region, size and sector matches R's weights and standard errors", arguments: [false, true])
    func raked(clustered: Bool) throws {
        let golden = try Self.load()
        let variants = try #require(golden.designs[clustered ? "clustered" : "unclustered"])
        let (design, report) = try Weighting.rake(
            Self.design(golden, clustered: clustered), data: Self.dataset(golden), to: golden.margins)
        #expect(report.converged)
        #expect(report.iterations > 2, "the fixture should need several sweeps")
        try Self.check(design, against: variants.raked, golden: golden)
    }
}
