import Foundation
import Testing

@testable import FornyeStatistics

/// Replicate-weight variances against R's `survey` (`scripts/r/make-golden-replicates.R`): JK1,
/// JKn (with and without fpc), bootstrap and Rao–Wu subbootstrap (R's replicates), BRR and Fay
/// (R's half-samples; Fornye's own for totals), each plain, post-stratified and raked with every
/// replicate re-calibrated.
@Suite("Replicate weights against R")
struct ReplicateGoldenTests {
    struct Golden: Decodable {
        struct Columns: Decodable {
            let stratum: [Int]
            let cluster: [Int]
            let pair: [Int]
            let weight: [Double]
            let fpc: [Double]
            let region: [Int32]
            let size: [Int32]
            let sector: [Int32]
            let y: [Double]
            let b: [Double]
        }
        struct Statistic: Decodable {
            let estimate: [Double]
            let se: [Double]

            init(from decoder: any Decoder) throws {
                // A single statistic is a number in the file, several an array.
                struct Keys: CodingKey {
                    var stringValue: String
                    var intValue: Int? { nil }
                    init(stringValue: String) { self.stringValue = stringValue }
                    init?(intValue: Int) { nil }
                }
                let container = try decoder.container(keyedBy: Keys.self)
                func numbers(_ key: String) throws -> [Double] {
                    if let one = try? container.decode(Double.self, forKey: Keys(stringValue: key)) { return [one] }
                    return try container.decode([Double].self, forKey: Keys(stringValue: key))
                }
                estimate = try numbers("estimate")
                se = try numbers("se")
            }
        }
        struct Summary: Decodable {
            let meanY: Statistic
            let totalY: Statistic
            let meanB: Statistic
            let regionShares: Statistic
            let ratioYB: Statistic
            let meanYBySector: Statistic
            let degf: Int
        }
        struct Case: Decodable {
            let design: String
            let type: String
            let scale: Double
            let rscales: [Double]
            let mse: Bool
            let replicates: Int
            let plain: Summary
            let postStratified: Summary
            let raked: Summary
            let replicateWeights: [[Double]]?
        }
        let data: Columns
        let margins: [PopulationMargin]
        let cases: [String: Case]
    }

    static let golden: Golden = {
        let url = Bundle.module.url(
            forResource: "replicates", withExtension: "json", subdirectory: "Golden/replicates")!
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try! decoder.decode(Golden.self, from: Data(contentsOf: url))
    }()

    static func design(_ name: String) throws -> SurveyDesign {
        let data = golden.data
        switch name {
        case "unclustered": return try SurveyDesign(rowCount: data.weight.count, weights: data.weight)
        case "paired":
            return try SurveyDesign(
                rowCount: data.weight.count, weights: data.weight, strata: data.pair.map(String.init),
                clusters: data.cluster.map(String.init))
        default:
            return try SurveyDesign(
                rowCount: data.weight.count, weights: data.weight, strata: data.stratum.map(String.init),
                clusters: data.cluster.map(String.init), fpc: name == "clustered_fpc" ? data.fpc : nil)
        }
    }

    static func dataset() throws -> Dataset {
        let data = golden.data
        let coded = { (name: String, codes: ClosedRange<Int>) in
            Variable(
                name: name, label: name, kind: .singleChoice,
                valueLabels: codes.map { ValueLabel(code: $0, label: "\($0)") })
        }
        return try Dataset(
            codebook: Codebook(variables: [
                coded("region", 1...4), coded("size", 1...3), coded("sector", 1...2),
                Variable(name: "y", label: "y", kind: .numeric), Variable(name: "b", label: "b", kind: .numeric),
            ]),
            columns: [
                "region": .codes(data.region), "size": .codes(data.size), "sector": .codes(data.sector),
                "y": .numbers(data.y), "b": .numbers(data.b),
            ])
    }

    /// The case's replicates: R's where the file has them, else Fornye's jackknife.
    static func replicates(_ entry: Golden.Case, design: SurveyDesign) throws -> ReplicateWeights {
        guard let given = entry.replicateWeights else { return try ReplicateWeights.jackknife(design) }
        let method = try #require(ReplicateWeights.Method(rawValue: entry.type))
        return try ReplicateWeights(
            method: method, replicates: given, scale: entry.scale, rscales: entry.rscales, mse: entry.mse,
            degreesOfFreedom: entry.plain.degf)
    }

    /// - Parameters:
    ///   - tolerance: Relative tolerance of the SEs. Raked cases take 1e-7 (and 1e-8 absolute for the
    ///     raked margins' own shares, whose SE is 0): R's `rake` on a replicate design sweeps every
    ///     replicate as often as the full sample needs and stops there, so its replicates are raked
    ///     to about 1e-8, where Fornye rakes each replicate until it meets the margins.
    static func check(
        _ design: SurveyDesign, _ replicates: ReplicateWeights, _ expected: Golden.Summary, _ label: String,
        tolerance: Double = 1e-9, absolute: Double = 1e-12
    ) throws {
        let estimator = Estimator(dataset: try dataset(), design: design, replicates: replicates)
        func compare(_ cells: [EstimateCell], _ statistic: Golden.Statistic, _ what: String) {
            #expect(cells.count == statistic.estimate.count, "\(label): \(what) cells")
            for (index, cell) in cells.enumerated() where index < statistic.estimate.count {
                expectClose(cell.estimate, statistic.estimate[index], relative: 1e-10, "\(label): \(what) \(index)")
                expectClose(
                    cell.standardError, statistic.se[index], relative: tolerance, absolute: absolute,
                    "\(label): SE of \(what) \(index)")
            }
        }
        compare(try estimator.means(of: "y").cells, expected.meanY, "mean y")
        compare(try estimator.totals(of: "y").cells, expected.totalY, "total y")
        compare(try estimator.means(of: "b").cells, expected.meanB, "mean b")
        compare(try estimator.shares(of: "region").cells, expected.regionShares, "region shares")
        compare(try estimator.means(of: "y", by: ["sector"]).cells, expected.meanYBySector, "mean y by sector")
        // A ratio of two variables, through the replicate variance itself.
        let y = golden.data.y
        let b = golden.data.b
        let ratio = { (weights: [Double]) in
            zip(weights, y).reduce(0) { $0 + $1.0 * $1.1 } / zip(weights, b).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let full = ratio(design.weights)
        let se = replicates.variance(full: full, replicateEstimates: replicates.replicates.map(ratio)).squareRoot()
        expectClose(full, expected.ratioYB.estimate[0], relative: 1e-10, "\(label): ratio y/b")
        expectClose(se, expected.ratioYB.se[0], relative: tolerance, absolute: absolute, "\(label): SE of ratio y/b")
        #expect(replicates.degreesOfFreedom == expected.degf, "\(label): degrees of freedom")
        #expect(try estimator.means(of: "y").cells[0].degreesOfFreedom == expected.degf, "\(label): table df")
    }

    static let caseNames = golden.cases.keys.sorted()

    @Test("plain replicate designs give R's estimates and SEs", arguments: caseNames)
    func plain(name: String) throws {
        let entry = try #require(Self.golden.cases[name])
        let design = try Self.design(entry.design)
        let replicates = try Self.replicates(entry, design: design)
        #expect(replicates.count == entry.replicates)
        if entry.replicateWeights == nil {
            #expect(abs(replicates.scale - entry.scale) < 1e-12)
            for (actual, expected) in zip(replicates.rscales, entry.rscales) { #expect(abs(actual - expected) < 1e-12) }
        }
        try Self.check(design, replicates, entry.plain, "\(name) plain")
    }

    @Test("post-stratified and raked replicate designs re-calibrate every replicate as R does", arguments: caseNames)
    func calibrated(name: String) throws {
        let entry = try #require(Self.golden.cases[name])
        let design = try Self.design(entry.design)
        let replicates = try Self.replicates(entry, design: design)
        let data = try Self.dataset()
        let margins = Self.golden.margins
        let (post, postReplicates) = try replicates.calibrated(design) { (design) throws(StatisticsError) in
            try Weighting.postStratify(design, data: data, to: margins[0])
        }
        try Self.check(post, postReplicates, entry.postStratified, "\(name) post-stratified")
        let (raked, rakedReplicates) = try replicates.calibrated(design) { (design) throws(StatisticsError) in
            try Weighting.rake(design, data: data, to: margins, options: RakingOptions(tolerance: 1e-13)).design
        }
        try Self.check(raked, rakedReplicates, entry.raked, "\(name) raked", tolerance: 1e-7, absolute: 1e-8)
    }

    @Test("Fornye's own BRR and Fay half-samples give R's SEs of totals (both sets fully balanced)")
    func ownHalfSamples() throws {
        for name in ["paired_brr", "paired_fay"] {
            let entry = try #require(Self.golden.cases[name])
            let design = try Self.design("paired")
            let replicates = try ReplicateWeights.balancedHalfSamples(design, fayRho: name == "paired_fay" ? 0.3 : 0)
            #expect(replicates.count == entry.replicates)
            let estimator = Estimator(dataset: try Self.dataset(), design: design, replicates: replicates)
            let total = try estimator.totals(of: "y").cells[0]
            expectClose(total.standardError, entry.plain.totalY.se[0], relative: 1e-9, "\(name): SE of total y")
        }
    }

    @Test("the seeded Rao–Wu bootstrap repeats, keeps every PSU's expected weight and needs two PSUs")
    func ownBootstrap() throws {
        let design = try Self.design("clustered")
        let first = try ReplicateWeights.bootstrap(design, replicates: 200, seed: 7)
        let second = try ReplicateWeights.bootstrap(design, replicates: 200, seed: 7)
        #expect(first.replicates == second.replicates)
        #expect(first.method == .subbootstrap)
        #expect(abs(first.scale - 1 / 199) < 1e-15)
        // Each replicate keeps each stratum's PSU count: multipliers per stratum sum to n_h.
        for replicate in first.replicates.prefix(5) {
            for stratum in 0..<design.stratumCount {
                var multipliers = [Int32: Double]()
                for row in 0..<design.rowCount where Int(design.stratumOfRow[row]) == stratum {
                    multipliers[design.psuOfRow[row]] = replicate[row] / design.weights[row]
                }
                #expect(abs(multipliers.values.reduce(0, +) - 10) < 1e-9)
            }
        }
        // Its SE of the mean is near the linearised one (200 replicates: within 15 %).
        let estimator = Estimator(dataset: try Self.dataset(), design: design)
        let bootstrap = Estimator(dataset: try Self.dataset(), design: design, replicates: first)
        let linearised = try estimator.means(of: "y").cells[0].standardError
        let replicated = try bootstrap.means(of: "y").cells[0].standardError
        #expect(abs(replicated / linearised - 1) < 0.15, "bootstrap SE \(replicated) against \(linearised)")
        let lonely = try SurveyDesign(rowCount: 3, strata: ["a", "a", "b"])
        #expect(throws: StatisticsError.self) { try ReplicateWeights.bootstrap(lonely, replicates: 10, seed: 1) }
        #expect(throws: StatisticsError.self) { try ReplicateWeights.jackknife(lonely) }
    }
}
