import Foundation
import Testing

@testable import FornyeStatistics

/// Golden values written by `scripts/r/make-golden-quantile.R` (R survey 4.1.1 `svyquantile`).
struct QuantileGolden: Decodable {
    struct Data: Decodable {
        let rowCount: Int
        let stratum: [String]
        let psu: [String]
        let fpc: [Double]
        let weight: [Double]
        let pgroup: [Int]
        let domain: [Int]
        let score: [Double?]
        let y: [Double?]
    }
    struct PostStratification: Decodable { let weights: [Double] }
    struct Case: Decodable {
        let design: String
        let variable: String
        let domain: Int
        let probability: Double
        let estimate: Double
        let lower: Double?
        let upper: Double?
        let standardError: Double?
        let degreesOfFreedom: Int
    }
    let data: Data
    let postStratification: PostStratification
    let cases: [Case]

    static let shared: QuantileGolden = {
        guard
            let url = Bundle.module.url(
                forResource: "quantile", withExtension: "json", subdirectory: "Golden/quantile"),
            let bytes = try? Foundation.Data(contentsOf: url)
        else { fatalError("Golden/quantile/quantile.json is missing; run scripts/r/make-golden-quantile.R") }
        do { return try JSONDecoder().decode(QuantileGolden.self, from: bytes) } catch {
            fatalError("Golden/quantile/quantile.json does not decode: \(error)")
        }
    }()

    func design(_ name: String) throws -> SurveyDesign {
        let stratified = try SurveyDesign(
            rowCount: data.rowCount, weights: data.weight, strata: data.stratum, clusters: data.psu, fpc: data.fpc)
        switch name {
        case "stratifiedCluster": return stratified
        case "weighted": return try SurveyDesign(rowCount: data.rowCount, weights: data.weight)
        case "postStratified":
            let margin = Calibration.Margin(
                groupOfRow: data.pgroup.map { Int32($0 - 1) }, groupCount: 3, weightsBefore: data.weight,
                weightsAfter: postStratification.weights)
            return stratified.calibrated(
                to: postStratification.weights, by: Calibration(.postStratification(margin)))
        default: throw StatisticsError.invalidArgument("unknown golden design \(name)")
        }
    }

    func values(_ variable: String) -> [Double] {
        (variable == "score" ? data.score : data.y).map { $0 ?? .nan }
    }
}

@Suite struct QuantileGoldenTests {
    @Test func svyquantileDefaultsAndWoodruffIntervals() throws {
        let golden = QuantileGolden.shared
        let groups = Dictionary(grouping: golden.cases) { "\($0.design)|\($0.variable)|\($0.domain)" }
        #expect(groups.count == 24)
        for (key, cases) in groups.sorted(by: { $0.key < $1.key }) {
            let first = cases[0]
            let design = try golden.design(first.design)
            let domain = first.domain == 0 ? nil : golden.data.domain.map { $0 == first.domain }
            let results = try Quantiles.estimate(
                cases.map(\.probability), of: golden.values(first.variable), in: domain, design: design)
            for (expected, actual) in zip(cases, results) {
                let label = "\(key) p=\(expected.probability)"
                #expect(actual.estimate == expected.estimate, "\(label): estimate")
                #expect(actual.degreesOfFreedom == expected.degreesOfFreedom, "\(label): df")
                #expect(actual.lower == expected.lower, "\(label): lower")
                #expect(actual.upper == expected.upper, "\(label): upper")
                switch (actual.standardError, expected.standardError) {
                case (let a?, let e?): expectClose(a, e, "\(label): SE")
                case (nil, nil): break
                default:
                    Issue.record(
                        "\(label): SE \(String(describing: actual.standardError)) vs R \(String(describing: expected.standardError))"
                    )
                }
            }
        }
    }

    /// The percentile rank of every value that occurs maps back to that value through the quantile
    /// rule, except below the first value's share, where R's rule gives the second value.
    @Test func percentileRankInvertsTheQuantileRule() throws {
        let golden = QuantileGolden.shared
        for variable in ["score", "y"] {
            let distribution = try QuantileDistribution(values: golden.values(variable), weights: golden.data.weight)
            for value in Set(distribution.sortedValues) {
                let rank = distribution.percentileRank(of: value)
                #expect(rank > 0 && rank < 1)
                if rank * distribution.totalWeight >= distribution.cumulativeWeights[0] {
                    #expect(distribution.quantile(rank) == value, "\(variable) \(value) at rank \(rank)")
                } else {
                    #expect(value == distribution.sortedValues[0])
                    #expect(distribution.quantile(rank) == distribution.sortedValues[1])
                }
                #expect(distribution.share(atOrBelow: value) >= rank)
            }
        }
    }

    @Test func rejectsBadInput() throws {
        let design = try SurveyDesign(rowCount: 3)
        #expect(throws: StatisticsError.self) { try Quantiles.estimate([1.5], of: [1, 2, 3], design: design) }
        #expect(throws: StatisticsError.self) { try Quantiles.estimate([0.5], of: [1, 2], design: design) }
        #expect(throws: StatisticsError.self) { try Quantiles.estimate([0.5], of: [.nan, .nan, .nan], design: design) }
    }
}
