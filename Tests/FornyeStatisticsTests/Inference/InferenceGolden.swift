import Foundation
import Testing

@testable import FornyeStatistics

/// Golden values written by `scripts/r/make-golden-inference.R` (R survey 4.1.1).
struct InferenceGolden: Decodable {
    struct Data: Decodable {
        let rowCount: Int
        let stratum: [String]
        let psu: [String]
        let fpc: [Double]
        let weight: [Double]
        let pgroup: [Int]
        let a: [Int?]
        let b: [Int?]
        let g: [Int?]
        let x: [Double?]
        let y: [Int?]
        let z: [Int?]
    }

    struct PostStratification: Decodable {
        let weights: [Double]
    }

    struct ChiSquaredCase: Decodable {
        let design: String
        let rows: String
        let columns: String
        let includeDontKnow: Bool
        let statistic: String
        let value: Double?
        let pearson: Double?
        let ndf: Double
        let ddf: Double?
        let pValue: Double
        let rowCodes: [Int]
        let columnCodes: [Int]
        let table: [[Double]]
    }

    struct LogisticCase: Decodable {
        let design: String
        let outcome: String
        let events: [Int]?
        let numeric: [String]
        let factors: [String]
        let includeDontKnow: Bool
        let level: Double
        let terms: [String]
        let estimate: [Double]
        let standardError: [Double]
        let t: [Double]
        let pValue: [Double]
        let degreesOfFreedom: Int
        let lower: [Double]
        let upper: [Double]
        let rowsUsed: Int
        let iterations: Int
    }

    struct DomainCase: Decodable {
        let design: String
        let variable: String
        let category: Int?
        let domain: String
        let first: Int
        let second: Int
        let level: Double
        let estimateFirst: Double
        let estimateSecond: Double
        let standardErrorFirst: Double
        let standardErrorSecond: Double
        let difference: Double
        let standardError: Double
        let degreesOfFreedom: Int
        let lower: Double
        let upper: Double
        let pValue: Double
    }

    struct Cell: Decodable {
        let estimate: Double
        let standardError: Double
        let degreesOfFreedom: Int
    }

    struct WaveCase: Decodable {
        let first: Cell
        let second: Cell
        let level: Double
        let difference: Double
        let standardError: Double
        let degreesOfFreedom: Int
        let lower: Double
        let upper: Double
        let pValue: Double
        let welchDegreesOfFreedom: Double
        let welchLower: Double
        let welchUpper: Double
        let welchPValue: Double
    }

    let surveyVersion: String
    let dontKnowCode: Int
    let data: Data
    let postStratification: PostStratification
    let chisq: [ChiSquaredCase]
    let logistic: [LogisticCase]
    let domainDifferences: [DomainCase]
    let waveDifferences: [WaveCase]

    static let shared: InferenceGolden = {
        guard
            let url = Bundle.module.url(
                forResource: "inference", withExtension: "json", subdirectory: "Golden/inference"),
            let bytes = try? Foundation.Data(contentsOf: url)
        else { fatalError("Golden/inference/inference.json is missing; run scripts/r/make-golden-inference.R") }
        do {
            return try JSONDecoder().decode(InferenceGolden.self, from: bytes)
        } catch {
            fatalError("Golden/inference/inference.json does not decode: \(error)")
        }
    }()

    var dataset: Dataset {
        get throws {
            let labels = { (codes: ClosedRange<Int>) in codes.map { ValueLabel(code: $0, label: "kode \($0)") } }
            let codebook = Codebook(
                title: "SYNTETISKE DATA", synthetic: true,
                variables: [
                    Variable(
                        name: "a", label: "A", kind: .singleChoice, valueLabels: labels(1...3),
                        missingCodes: [dontKnowCode: .dontKnow]),
                    Variable(name: "b", label: "B", kind: .singleChoice, valueLabels: labels(1...4)),
                    Variable(name: "g", label: "G", kind: .singleChoice, valueLabels: labels(1...3)),
                    Variable(name: "pgroup", label: "Poststratum", kind: .singleChoice, valueLabels: labels(1...3)),
                    Variable(name: "x", label: "X", kind: .numeric),
                    Variable(name: "y", label: "Y", kind: .multipleChoiceItem),
                    Variable(name: "z", label: "Z", kind: .singleChoice, valueLabels: labels(1...2)),
                ])
            let codes = { (values: [Int?]) in Column.codes(values.map { $0.map(Int32.init) ?? Column.systemMissing }) }
            return try Dataset(
                codebook: codebook,
                columns: [
                    "a": codes(data.a), "b": codes(data.b), "g": codes(data.g), "pgroup": codes(data.pgroup),
                    "y": codes(data.y), "z": codes(data.z), "x": .numbers(data.x.map { $0 ?? .nan }),
                ])
        }
    }

    func design(_ name: String) throws -> SurveyDesign {
        let stratified = try SurveyDesign(
            rowCount: data.rowCount, weights: data.weight, strata: data.stratum, clusters: data.psu, fpc: data.fpc)
        switch name {
        case "stratifiedCluster":
            return stratified
        case "weighted":
            return try SurveyDesign(rowCount: data.rowCount, weights: data.weight)
        case "postStratified":
            let margin = Calibration.Margin(
                groupOfRow: data.pgroup.map { Int32($0 - 1) }, groupCount: 3, weightsBefore: data.weight,
                weightsAfter: postStratification.weights)
            return stratified.calibrated(
                to: postStratification.weights, by: Calibration(.postStratification(margin)))
        default:
            throw StatisticsError.invalidArgument("unknown golden design \(name)")
        }
    }
}
