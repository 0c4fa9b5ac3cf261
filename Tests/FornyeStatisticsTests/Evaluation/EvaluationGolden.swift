import Foundation

@testable import FornyeStatistics

/// Golden values written by `scripts/r/make-golden-evaluation.R` (R survey 4.1.1) for a SYNTHETIC
/// panel of four waves.
struct EvaluationGolden: Decodable {
    struct Data: Decodable {
        let rowCount: Int
        let wave: [Int]
        let kommune: [String]
        let stratum: [String]
        let weight: [Double]
        let group: [Int]
        let size: [Double]
        let region: [Int]
        let y: [Int?]
        let score: [Double?]
    }

    struct Cell: Decodable {
        let wave: Int
        let participant: Bool
        let estimate: Double
        let standardError: Double
        let rows: Int
        let weightedCount: Double
    }

    struct Contrast: Decodable {
        let estimate: Double
        let standardError: Double
        let degreesOfFreedom: Int
        let t: Double
        let pValue: Double
        let lower: Double
        let upper: Double
    }

    struct DiD: Decodable {
        let design: String
        let outcome: String
        let before: Int
        let after: Int
        let level: Double
        let participantBefore: Cell
        let participantAfter: Cell
        let comparisonBefore: Cell
        let comparisonAfter: Cell
        let participantChange: Contrast
        let comparisonChange: Contrast
        let effect: Contrast
    }

    /// One wave's effect: the wave beside the contrast's fields.
    struct Effect: Decodable {
        let wave: Int
        let contrast: Contrast

        enum CodingKeys: String, CodingKey { case wave }

        init(from decoder: any Decoder) throws {
            wave = try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .wave)
            contrast = try Contrast(from: decoder)
        }
    }

    struct PreTrend: Decodable {
        let chiSquared: Double
        let f: Double
        let ndf: Int
        let ddf: Int
        let pValue: Double
    }

    struct Event: Decodable {
        let design: String
        let outcome: String
        let reference: Int
        let level: Double
        let effects: [Effect]
        let preTrend: PreTrend?
    }

    struct BalanceRow: Decodable {
        let column: String
        let participantMean: Double
        let comparisonMean: Double
        let standardisedDifference: Double
    }

    struct Propensity: Decodable {
        let terms: [String]
        let estimate: [Double]
        let standardError: [Double]
        let degreesOfFreedom: Int
    }

    struct Balance: Decodable {
        let wave: Int
        let before: [BalanceRow]
        let entropyBalanced: [BalanceRow]
        let ipw: [BalanceRow]
        let entropyWeights: [Double]
        let entropyDid: DiD
        let propensity: Propensity
        let ipwWeights: [Double]
        let ipwDid: DiD
    }

    let synthetic: Bool
    let surveyVersion: String
    let data: Data
    let differenceInDifferences: [DiD]
    let eventStudies: [Event]
    let balance: Balance

    static let shared: EvaluationGolden = {
        guard
            let url = Bundle.module.url(
                forResource: "evaluation", withExtension: "json", subdirectory: "Golden/evaluation"),
            let bytes = try? Foundation.Data(contentsOf: url)
        else { fatalError("Golden/evaluation/evaluation.json is missing; run scripts/r/make-golden-evaluation.R") }
        do {
            return try JSONDecoder().decode(EvaluationGolden.self, from: bytes)
        } catch {
            fatalError("Golden/evaluation/evaluation.json does not decode: \(error)")
        }
    }()

    /// The panel's data as a dataset: wave and group coded, the municipality as text.
    var dataset: Dataset {
        get throws {
            let codebook = Codebook(
                title: "SYNTETISKE DATA", synthetic: true,
                variables: [
                    Variable(
                        name: "wave", label: "Bølge", kind: .singleChoice,
                        valueLabels: [2018, 2020, 2022, 2024].map { ValueLabel(code: $0, label: String($0)) }),
                    Variable(
                        name: "group", label: "FORKOMMUNE", kind: .singleChoice,
                        valueLabels: [
                            ValueLabel(code: 0, label: "Sammenligning"), ValueLabel(code: 1, label: "Deltaker"),
                        ]),
                    Variable(name: "kommune", label: "Kommune", kind: .text),
                    Variable(name: "stratum", label: "Stratum", kind: .text),
                    Variable(name: "w", label: "Vekt", kind: .numeric),
                    Variable(name: "size", label: "Størrelse", kind: .numeric),
                    Variable(
                        name: "region", label: "Landsdel", kind: .singleChoice,
                        valueLabels: (1...3).map { ValueLabel(code: $0, label: "Region \($0)") }),
                    Variable(name: "y", label: "Innovert", kind: .multipleChoiceItem),
                    Variable(name: "score", label: "Poeng", kind: .numeric),
                ])
            return try Dataset(
                codebook: codebook,
                columns: [
                    "wave": .codes(data.wave.map(Int32.init)), "group": .codes(data.group.map(Int32.init)),
                    "kommune": .texts(data.kommune), "stratum": .texts(data.stratum), "w": .numbers(data.weight),
                    "size": .numbers(data.size), "region": .codes(data.region.map(Int32.init)),
                    "y": .codes(data.y.map { $0.map(Int32.init) ?? Column.systemMissing }),
                    "score": .numbers(data.score.map { $0 ?? .nan }),
                ])
        }
    }

    /// The panel under one of the script's designs.
    func panel(_ design: String) throws -> EvaluationPanel {
        let dataset = try dataset
        switch design {
        case "linkedStratified", "entropyBalanced", "ipw":
            return try EvaluationPanel(
                dataset: dataset, wave: "wave", group: "group", participantCodes: [1], cluster: "kommune",
                strata: "stratum", weight: "w")
        case "linkedUnstratified":
            return try EvaluationPanel(
                dataset: dataset, wave: "wave", group: "group", participantCodes: [1], cluster: "kommune", weight: "w")
        case "unlinked":
            return try EvaluationPanel(
                dataset: dataset, wave: "wave", group: "group", participantCodes: [1], cluster: "kommune",
                strata: "stratum", weight: "w", linked: false)
        default:
            throw StatisticsError.invalidArgument("unknown golden design \(design)")
        }
    }
}
