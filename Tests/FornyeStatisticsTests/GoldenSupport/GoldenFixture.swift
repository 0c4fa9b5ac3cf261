import FornyeStatistics
import Foundation

/// The synthetic fixture survey of the golden files (`Golden/fixture.csv` with
/// `Golden/fixture-codebook.json`) as a `Dataset`, and the designs R analysed it under.
///
/// The statistics tests do not depend on `FornyeFormats`, so the CSV (comma-separated, no
/// quoting, empty cell = missing) is read here.
struct GoldenFixture: Sendable {
    let dataset: Dataset
    let weights: [Double]
    let strata: [String]
    let clusters: [String]
    let fpc: [Double]

    var rowCount: Int { dataset.rowCount }

    /// The whole fixture, parsed once.
    static func shared() throws -> GoldenFixture { try cached.get() }

    private static let cached = Result<GoldenFixture, any Error> { try load() }

    /// The fixture, optionally restricted to the rows (0-based, in file order) that `keep` accepts.
    static func load(keepingRows keep: ((Int) -> Bool)? = nil) throws -> GoldenFixture {
        let codebook = try JSONDecoder().decode(
            Codebook.self, from: GoldenResource.data(named: "fixture-codebook", extension: "json"))
        let text = String(decoding: try GoldenResource.data(named: "fixture", extension: "csv"), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map {
                String($0).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        let header = lines.removeFirst()
        if let keep { lines = lines.enumerated().filter { keep($0.offset) }.map(\.element) }
        var columns: [String: Column] = [:]
        for (index, name) in header.enumerated() {
            guard let variable = codebook.variable(named: name) else {
                throw FixtureError("no codebook entry for \(name)")
            }
            let cells = try lines.map { (row: [String]) throws -> String in
                guard row.count == header.count else { throw FixtureError("row with \(row.count) cells") }
                return row[index]
            }
            columns[name] = try column(cells, kind: variable.kind, name: name)
        }
        let dataset = try Dataset(codebook: codebook, columns: columns)
        return GoldenFixture(
            dataset: dataset,
            weights: try dataset.measurements(of: "w"),
            strata: try texts(dataset, "stratum"),
            clusters: try texts(dataset, "psu"),
            fpc: try dataset.measurements(of: "fpc"))
    }

    private static func column(_ cells: [String], kind: VariableKind, name: String) throws -> Column {
        switch kind {
        case .singleChoice, .ordinal, .multipleChoiceItem:
            return .codes(
                try cells.map { cell in
                    if cell.isEmpty { return Column.systemMissing }
                    guard let code = Int32(cell) else { throw FixtureError("\(name): \"\(cell)\" is not a code") }
                    return code
                })
        case .numeric:
            return .numbers(
                try cells.map { cell in
                    if cell.isEmpty { return .nan }
                    guard let value = Double(cell) else { throw FixtureError("\(name): \"\(cell)\" is not a number") }
                    return value
                })
        case .text:
            return .texts(cells.map { $0.isEmpty ? nil : $0 })
        }
    }

    private static func texts(_ dataset: Dataset, _ name: String) throws -> [String] {
        guard case .texts(let values) = try dataset.column(named: name) else {
            throw FixtureError("\(name) is not text")
        }
        return try values.map { value in
            guard let value else { throw FixtureError("\(name) has an empty cell") }
            return value
        }
    }

    // MARK: Designs

    /// A design that needs nothing from a golden file: "srs", "weighted" or "stratclust".
    func design(named name: String) throws -> SurveyDesign {
        switch name {
        case "srs": return try SurveyDesign(rowCount: rowCount)
        case "weighted": return try SurveyDesign(rowCount: rowCount, weights: weights)
        case "stratclust":
            return try SurveyDesign(rowCount: rowCount, weights: weights, strata: strata, clusters: clusters, fpc: fpc)
        default: throw FixtureError("design \(name) needs its golden file")
        }
    }

    /// The design R used for a golden file. Calibrated designs take R's final weights and
    /// calibration margins from the file, so estimator tests do not depend on Swift's weighting.
    func design(for golden: GoldenFile, lonelyPSU: LonelyPSUPolicy = .fail) throws -> SurveyDesign {
        switch golden.design {
        case "poststrat", "raked":
            guard let calibration = golden.calibration else {
                throw FixtureError("\(golden.design) has no calibration")
            }
            return try calibrated(try design(named: "weighted"), calibration)
        case "lonely":
            // Every PSU of the lonely stratum becomes one PSU, as the script does.
            let stratum = golden.lonelyStratum ?? "A"
            let merged = zip(strata, clusters).map { $0.0 == stratum ? "1" : $0.1 }
            return try SurveyDesign(
                rowCount: rowCount, weights: weights, strata: strata, clusters: merged, fpc: fpc, lonelyPSU: lonelyPSU)
        default:
            return try design(named: golden.design)
        }
    }

    private func calibrated(_ design: SurveyDesign, _ golden: GoldenCalibration) throws -> SurveyDesign {
        guard golden.weightsBefore == weights, golden.weights.count == rowCount else {
            throw FixtureError("the calibration in the golden file was not made from the fixture's weights")
        }
        let margins = try golden.margins.map { margin in
            let levels = margin.population.map(\.code)
            let groups = try dataset.codes(of: margin.variable).map { code in
                guard let group = levels.firstIndex(of: Int(code)) else {
                    throw FixtureError("\(margin.variable) code \(code) has no population count")
                }
                return Int32(group)
            }
            return Calibration.Margin(
                groupOfRow: groups, groupCount: levels.count, weightsBefore: margin.weightsBefore,
                weightsAfter: margin.weightsAfter)
        }
        let method: Calibration.Method
        switch golden.method {
        case "postStratify" where margins.count == 1: method = .postStratification(margins[0])
        case "rake": method = .raking(margins)
        default: throw FixtureError("calibration method \(golden.method) with \(margins.count) margins")
        }
        return design.calibrated(to: golden.weights, by: Calibration(method))
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
