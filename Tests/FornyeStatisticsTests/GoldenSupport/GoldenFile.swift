import FornyeStatistics
import Foundation

/// One golden file written by `scripts/r/make-golden.R`: R's `survey` results for one design.
/// The schema is documented in `scripts/r/README.md`; keys are snake_case in the file.
struct GoldenFile: Decodable, Sendable {
    struct Generator: Decodable, Sendable {
        let script: String
        let rVersion: String
        let surveyVersion: String
        let seed: Int
    }

    let design: String
    let rCall: String
    let synthetic: Bool
    let generator: Generator
    let confidenceLevel: Double
    let rows: Int
    let degf: Int
    let sumWeights: Double
    let kishDeff: Double
    let estimates: [GoldenEstimate]
    let chisq: [GoldenChisq]?
    let glm: GoldenGLM?
    let contrasts: [GoldenContrast]?
    let calibration: GoldenCalibration?
    /// lonely.json: the stratum whose PSUs are merged into one.
    let lonelyStratum: String?

    /// Loads `Golden/<name>.json` from the test bundle.
    static func load(_ name: String) throws -> GoldenFile {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(GoldenFile.self, from: GoldenResource.data(named: name, extension: "json"))
    }
}

/// One estimated cell.
struct GoldenEstimate: Decodable, Sendable {
    let kind: EstimateKind
    let variable: String
    /// "substantiveOnly" or "includeMissingKinds".
    let policy: String
    let lonelyPsu: LonelyPSUPolicy?
    let breakdowns: [String]
    /// Breakdown variable to code; empty for the whole population.
    let domain: [String: Int]
    let category: Int?
    let item: String?
    let estimate: Double
    let se: Double
    let deff: Double
    let df: Int
    let nBase: Int
    let nCell: Int
    let weightedBase: Double
    let intervals: [GoldenInterval]

    var missingPolicy: MissingPolicy {
        policy == "includeMissingKinds"
            ? MissingPolicy(includeDontKnow: true, includeNotApplicable: true) : .substantiveOnly
    }

    /// The interval R gives for a method. For Korn–Graubard on a calibrated design this is
    /// `beta_base_rows`: R's `svyciprop(method = "beta")` then counts every row of the design in
    /// its df adjustment, not the rows of the domain's base as it does for uncalibrated designs
    /// and as the estimator does (see scripts/r/README.md).
    func interval(_ method: IntervalMethod) -> GoldenInterval? {
        if method == .kornGraubard, let baseRows = interval(named: "beta_base_rows") { return baseRows }
        return interval(named: method.rawValue)
    }

    func interval(named name: String) -> GoldenInterval? {
        intervals.first { $0.method == name }
    }

    /// The table this cell belongs to: one estimator call gives every cell with the same key.
    var table: GoldenTableKey {
        GoldenTableKey(
            kind: kind, variable: variable, policy: policy, lonelyPSU: lonelyPsu, breakdowns: breakdowns)
    }

    /// The cell within its table: the domain codes in breakdown order, then the category or item.
    var cellKey: String {
        let codes = breakdowns.map { "\($0)=\(domain[$0].map(String.init) ?? "?")" }
        return (codes + [category.map { "category=\($0)" } ?? item.map { "item=\($0)" } ?? "-"])
            .joined(separator: " ")
    }
}

struct GoldenInterval: Decodable, Sendable {
    let method: String
    let low: Double
    let high: Double
}

/// Identifies one estimator call (one `EstimateTable`).
struct GoldenTableKey: Hashable, Sendable, CustomStringConvertible {
    let kind: EstimateKind
    let variable: String
    let policy: String
    let lonelyPSU: LonelyPSUPolicy?
    let breakdowns: [String]

    var description: String {
        let by = breakdowns.isEmpty ? "" : " by \(breakdowns.joined(separator: " × "))"
        let lonely = lonelyPSU.map { ", lonely PSU \($0.rawValue)" } ?? ""
        return "\(kind.rawValue) of \(variable)\(by) (\(policy)\(lonely))"
    }
}

extension GoldenFile {
    /// The estimates grouped by table, tables in file order, cells in file (= table) order.
    var tables: [(key: GoldenTableKey, cells: [GoldenEstimate])] {
        var order: [GoldenTableKey] = []
        var cells: [GoldenTableKey: [GoldenEstimate]] = [:]
        for estimate in estimates {
            let key = estimate.table
            if cells[key] == nil { order.append(key) }
            cells[key, default: []].append(estimate)
        }
        return order.map { ($0, cells[$0] ?? []) }
    }
}

struct GoldenChisq: Decodable, Sendable {
    let row: String
    let column: String
    /// "F" (second-order Rao–Scott) or "Chisq" (first-order).
    let statisticType: String
    let statistic: Double
    let ndf: Double
    let ddf: Double?
    let pValue: Double
}

struct GoldenGLM: Decodable, Sendable {
    struct Coefficient: Decodable, Sendable {
        let name: String
        let estimate: Double
        let se: Double
        let t: Double
        let pValue: Double
        let ciDefault: Bounds
        let ciTFullDesign: Bounds
        let ciNormal: Bounds
    }

    struct Bounds: Decodable, Sendable {
        let low: Double
        let high: Double
    }

    let formula: String
    let family: String
    let nUsed: Int
    let dfResidual: Int
    let ddfFullDesign: Int
    let coefficients: [Coefficient]
    let vcov: [[Double]]
}

struct GoldenContrast: Decodable, Sendable {
    let variable: String
    let category: Int
    let breakdowns: [String]
    let minuend: [String: Int]
    let subtrahend: [String: Int]
    let estimate: Double
    let se: Double
}

struct GoldenCalibration: Decodable, Sendable {
    struct Margin: Decodable, Sendable {
        let variable: String
        let population: [PopulationCount]
        let weightsBefore: [Double]
        let weightsAfter: [Double]
    }

    struct PopulationCount: Decodable, Sendable {
        let code: Int
        let count: Double
    }

    struct Control: Decodable, Sendable {
        let maxit: Int
        let epsilon: Double
    }

    /// "postStratify" or "rake".
    let method: String
    let weightsBefore: [Double]
    let weights: [Double]
    let margins: [Margin]
    let control: Control?
}

/// Files of the `Golden` resource folder.
enum GoldenResource {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "Golden/\(name) is not in the test bundle" }
    }

    static func data(named name: String, extension fileExtension: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: fileExtension, subdirectory: "Golden")
        else { throw Missing(name: "\(name).\(fileExtension)") }
        return try Data(contentsOf: url)
    }
}
