import Foundation
import Testing

@testable import FornyeStatistics

/// Quantiles with replicate weights against R survey 4.1.1's `svyquantile` on a `svrepdesign`
/// (`scripts/r/make-golden-replicate-quantile.R`): JKn with fpc, JK1, a Rao–Wu subbootstrap with
/// R's draws and the JKn design post-stratified, Woodruff's interval (R's default) and the
/// replicate quantiles' interval, overall and in three domains, on a 1–6 score and a continuous
/// variable with missing values.
@Suite("Replicate quantiles against R")
struct ReplicateQuantileGoldenTests {
    struct Golden: Decodable {
        struct Subbootstrap: Decodable {
            let scale: Double
            let rscales: [Double]
            let replicateWeights: [[Double]]
        }
        struct Case: Decodable {
            let design: String
            let interval: String
            let variable: String
            let domain: Int
            let probability: Double
            let estimate: Double
            let lower: Double?
            let upper: Double?
            let standardError: Double?
            let degreesOfFreedom: Int
        }
        let postStratification: PopulationMargin
        let subbootstrap: Subbootstrap
        let cases: [Case]
    }

    static let golden: Golden = {
        let url = Bundle.module.url(
            forResource: "replicate-quantile", withExtension: "json", subdirectory: "Golden/quantile")!
        return try! JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
    }()

    static func replicateDesign(_ name: String) throws -> (SurveyDesign, ReplicateWeights) {
        let data = QuantileGolden.shared
        let stratified = try data.design("stratifiedCluster")
        switch name {
        case "stratified_jkn": return (stratified, try ReplicateWeights.jackknife(stratified))
        case "weighted_jk1":
            let weighted = try data.design("weighted")
            return (weighted, try ReplicateWeights.jackknife(weighted))
        case "stratified_subbootstrap":
            let boot = golden.subbootstrap
            return (
                stratified,
                try ReplicateWeights(
                    method: .subbootstrap, replicates: boot.replicateWeights, scale: boot.scale,
                    rscales: boot.rscales)
            )
        case "post_stratified_jkn":
            let groups = try Dataset(
                codebook: Codebook(variables: [
                    Variable(
                        name: "pgroup", label: "pgroup", kind: .singleChoice,
                        valueLabels: (1...3).map { ValueLabel(code: $0, label: "\($0)") })
                ]),
                columns: ["pgroup": .codes(data.data.pgroup.map { Int32($0) })])
            let margin = golden.postStratification
            return try ReplicateWeights.jackknife(stratified).calibrated(stratified) {
                (design) throws(StatisticsError) in try Weighting.postStratify(design, data: groups, to: margin)
            }
        default: throw StatisticsError.invalidArgument("unknown golden design \(name)")
        }
    }

    @Test("svyquantile on replicate designs: estimates, intervals, SEs and degrees of freedom")
    func replicateQuantiles() throws {
        let data = QuantileGolden.shared
        let groups = Dictionary(grouping: Self.golden.cases) {
            "\($0.design)|\($0.interval)|\($0.variable)|\($0.domain)"
        }
        #expect(groups.count == 64)
        for (key, cases) in groups.sorted(by: { $0.key < $1.key }) {
            let first = cases[0]
            let (design, replicates) = try Self.replicateDesign(first.design)
            let domain = first.domain == 0 ? nil : data.data.domain.map { $0 == first.domain }
            let interval = try #require(QuantileInterval(rawValue: first.interval))
            let results = try Quantiles.estimate(
                cases.map(\.probability), of: data.values(first.variable), in: domain, design: design,
                replicates: replicates, interval: interval)
            for (expected, actual) in zip(cases, results) {
                let label = "\(key) p=\(expected.probability)"
                #expect(actual.estimate == expected.estimate, "\(label): estimate")
                #expect(actual.degreesOfFreedom == expected.degreesOfFreedom, "\(label): df")
                for (a, e, what) in [
                    (actual.lower, expected.lower, "lower"), (actual.upper, expected.upper, "upper"),
                    (actual.standardError, expected.standardError, "SE"),
                ] {
                    switch (a, e) {
                    case (let a?, let e?): expectClose(a, e, relative: 1e-9, absolute: 1e-12, "\(label): \(what)")
                    case (nil, nil): break
                    default: Issue.record("\(label): \(what) \(String(describing: a)) vs R \(String(describing: e))")
                    }
                }
            }
        }
    }

    @Test("the replicate quantiles' interval needs replicate weights of the design's rows")
    func rejectsMismatches() throws {
        let design = try SurveyDesign(rowCount: 3, clusters: ["a", "b", "c"])
        #expect(throws: StatisticsError.self) {
            try Quantiles.estimate([0.5], of: [1, 2, 3], design: design, interval: .replicateQuantiles)
        }
        let other = try ReplicateWeights.jackknife(try SurveyDesign(rowCount: 4, clusters: ["a", "b", "c", "d"]))
        #expect(throws: StatisticsError.self) {
            try Quantiles.estimate([0.5], of: [1, 2, 3], design: design, replicates: other)
        }
    }
}
