import Foundation
import Testing

@testable import FornyeStatistics

/// Linear, raking and logit calibration with bounds and trimming, `trimWeights` and nonresponse
/// adjustment in weighting classes against R's `survey` (`scripts/r/make-golden-calibration.R`),
/// on three designs: weights only; strata and clusters; strata and clusters with an fpc.
@Suite("Calibration (calibrate, trimWeights, nonresponse classes) against R")
struct CalibrationGoldenTests {
    struct Golden: Decodable {
        struct Columns: Decodable {
            let stratum: [Int]
            let cluster: [Int]
            let weight: [Double]
            let fpc: [Double]
            let region: [Int32]
            let size: [Int32]
            let sector: [Int32]
            let y: [Double]
            let b: [Double]
            let x: [Double]
            let responded: [Int]
            let `class`: [Int32]
        }
        struct Statistic: Decodable {
            let estimate: Double
            let se: Double
        }
        struct Domains: Decodable {
            let estimate: [Double]
            let se: [Double]
        }
        struct Case: Decodable {
            let weights: [Double]
            let meanY: Statistic
            let totalY: Statistic
            let meanB: Statistic
            let totalB: Statistic
            let meanYBySector: Domains
            let lower: Double?
            let upper: Double?
        }
        let data: Columns
        let population: [Double]
        let bounds: [String: [Double]]
        let designs: [String: [String: Case]]
    }

    static let golden: Golden = {
        let url = Bundle.module.url(
            forResource: "calibration", withExtension: "json", subdirectory: "Golden/calibration")!
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try! decoder.decode(Golden.self, from: Data(contentsOf: url))
    }()

    static let designNames = ["unclustered", "clustered", "clustered_fpc"]

    static func design(_ name: String) throws -> SurveyDesign {
        let data = golden.data
        let clustered = name != "unclustered"
        return try SurveyDesign(
            rowCount: data.weight.count, weights: data.weight,
            strata: clustered ? data.stratum.map(String.init) : nil,
            clusters: clustered ? data.cluster.map(String.init) : nil,
            fpc: name == "clustered_fpc" ? data.fpc : nil)
    }

    static func dataset() throws -> Dataset {
        let data = golden.data
        let codebook = Codebook(variables: [
            Variable(
                name: "sector", label: "sector", kind: .singleChoice,
                valueLabels: [ValueLabel(code: 1, label: "1"), ValueLabel(code: 2, label: "2")]),
            Variable(name: "y", label: "y", kind: .numeric),
            Variable(name: "b", label: "b", kind: .numeric),
        ])
        return try Dataset(
            codebook: codebook,
            columns: ["sector": .codes(data.sector), "y": .numbers(data.y), "b": .numbers(data.b)])
    }

    /// R's model matrix of `~factor(region) + factor(size) + x`.
    static var columns: [[Double]] {
        let data = golden.data
        func indicator(_ codes: [Int32], _ code: Int32) -> [Double] { codes.map { $0 == code ? 1.0 : 0.0 } }
        var columns: [[Double]] = [[Double](repeating: 1, count: data.weight.count)]
        for code: Int32 in 2...4 { columns.append(indicator(data.region, code)) }
        for code: Int32 in 2...3 { columns.append(indicator(data.size, code)) }
        columns.append(data.x)
        return columns
    }

    static func options(_ function: CalibrationFunction, bounds key: String?, trim: String? = nil) throws
        -> CalibrationOptions
    {
        let range = { (key: String) throws -> ClosedRange<Double> in
            let pair = try #require(golden.bounds[key])
            return pair[0]...pair[1]
        }
        return CalibrationOptions(
            function: function, bounds: try key.map(range), trim: try trim.map(range), tolerance: 1e-12,
            maxIterations: 100)
    }

    /// Weights to 1e-9, and means, totals and domain means with their SEs to 1e-8, relative.
    static func check(_ design: SurveyDesign, _ expected: Golden.Case, _ label: String) throws {
        #expect(design.weights.count == expected.weights.count)
        for (row, (actual, wanted)) in zip(design.weights, expected.weights).enumerated() {
            expectClose(actual, wanted, relative: 1e-9, absolute: 1e-9, "\(label): weight of row \(row + 1)")
        }
        let estimator = Estimator(dataset: try dataset(), design: design)
        for (variable, mean, total) in [
            ("y", expected.meanY, expected.totalY), ("b", expected.meanB, expected.totalB),
        ] {
            let means = try estimator.means(of: variable).cells[0]
            let totals = try estimator.totals(of: variable).cells[0]
            expectClose(means.estimate, mean.estimate, relative: 1e-10, "\(label): mean of \(variable)")
            expectClose(means.standardError, mean.se, relative: 1e-8, "\(label): SE of the mean of \(variable)")
            expectClose(totals.estimate, total.estimate, relative: 1e-10, "\(label): total of \(variable)")
            expectClose(totals.standardError, total.se, relative: 1e-8, "\(label): SE of the total of \(variable)")
        }
        let bySector = try estimator.means(of: "y", by: ["sector"]).cells
        #expect(bySector.count == 2)
        for (index, cell) in bySector.enumerated() {
            expectClose(
                cell.estimate, expected.meanYBySector.estimate[index], relative: 1e-10, "\(label): sector \(index + 1)")
            expectClose(
                cell.standardError, expected.meanYBySector.se[index], relative: 1e-8, "\(label): SE sector \(index + 1)"
            )
        }
    }

    static func expected(_ design: String, _ name: String) throws -> Golden.Case {
        try #require(golden.designs[design]?[name], "golden case \(design)/\(name)")
    }

    @Test("calibrate(calfun =, bounds =, trim =) gives R's weights, estimates and SEs", arguments: designNames)
    func calibrate(designName: String) throws {
        let cases: [(String, CalibrationOptions)] = [
            ("linear", try Self.options(.linear, bounds: nil)),
            ("linear_bounded", try Self.options(.linear, bounds: "linear_bounded")),
            ("raking", try Self.options(.raking, bounds: nil)),
            ("raking_bounded", try Self.options(.raking, bounds: "raking_bounded")),
            ("logit", try Self.options(.logit, bounds: "logit")),
            ("raking_trimmed", try Self.options(.raking, bounds: nil, trim: "raking_trimmed")),
        ]
        for (name, options) in cases {
            let (design, report) = try Weighting.calibrate(
                Self.design(designName), columns: Self.columns, totals: Self.golden.population, options: options)
            #expect(report.converged, "\(designName)/\(name)")
            if let bounds = options.bounds {
                #expect(report.gRange.lowerBound >= bounds.lowerBound - 1e-12, "\(designName)/\(name)")
                #expect(report.gRange.upperBound <= bounds.upperBound + 1e-12, "\(designName)/\(name)")
            }
            if options.trim != nil { #expect(report.trimmedCount > 0, "\(designName)/\(name): nothing trimmed") }
            try Self.check(design, Self.expected(designName, name), "\(designName)/\(name)")
        }
    }

    @Test("trimWeights (strict and not) gives R's weights and SEs", arguments: designNames)
    func trimWeights(designName: String) throws {
        for strict in [false, true] {
            let expected = try Self.expected(designName, strict ? "trim_weights_strict" : "trim_weights")
            let (lower, upper) = (try #require(expected.lower), try #require(expected.upper))
            let (design, trimmed) = try Weighting.trimWeights(
                Self.design(designName), lower: lower, upper: upper, strict: strict)
            #expect(trimmed > 0)
            try Self.check(design, expected, "\(designName)/trimWeights strict=\(strict)")
        }
    }

    @Test("nonresponse adjustment in weighting classes is R's postStratify of the respondents", arguments: designNames)
    func nonresponse(designName: String) throws {
        let data = Self.golden.data
        let design = try Weighting.adjustForNonresponse(
            Self.design(designName), classes: data.class, responded: data.responded.map { $0 == 1 })
        try Self.check(design, Self.expected(designName, "nonresponse"), "\(designName)/nonresponse")
    }

    @Test("a class without respondents is refused at its first row")
    func classWithoutRespondents() throws {
        let data = Self.golden.data
        let responded = data.class.map { $0 != 4 }
        let firstRow = try #require(data.class.firstIndex(of: 4)) + 1
        #expect {
            try Weighting.adjustForNonresponse(try Self.design("clustered"), classes: data.class, responded: responded)
        } throws: { error in
            guard case StatisticsError.invalidValue(_, let row, let message) = error else { return false }
            return row == firstRow && message.contains("class 4")
        }
    }

    @Test("bounds the totals cannot be met within are refused, or kept with force")
    func infeasibleBounds() throws {
        var options = CalibrationOptions(function: .linear, bounds: 0.99...1.01, maxIterations: 20)
        #expect(throws: StatisticsError.self) {
            try Weighting.calibrate(
                try Self.design("unclustered"), columns: Self.columns, totals: Self.golden.population, options: options)
        }
        options.force = true
        let (_, report) = try Weighting.calibrate(
            try Self.design("unclustered"), columns: Self.columns, totals: Self.golden.population, options: options)
        #expect(!report.converged)
        #expect(report.largestRelativeMisfit > options.tolerance)
    }

    @Test("logit without finite bounds is refused")
    func logitNeedsBounds() throws {
        #expect(throws: StatisticsError.self) {
            try Weighting.calibrate(
                try Self.design("unclustered"), columns: Self.columns, totals: Self.golden.population,
                options: CalibrationOptions(function: .logit))
        }
    }
}
