import FornyeStatistics
import Foundation

/// Simulation study of the programme evaluation (issue 14) on a SYNTHETIC panel: municipalities
/// (clusters) in three strata, each with a pool of units answering four waves (2018, 2020, 2022,
/// 2024) with overlapping units, a municipality random effect and a unit random effect, and a
/// programme starting between 2020 and 2022 that raises the share answering yes by a known
/// amount. Every replication draws municipalities, participation, units and answers afresh and
/// estimates the difference-in-differences 2020 → 2022 (linked and, for contrast, as independent
/// waves) and the event study's pre-trend test. Prints the bias, the coverage of the 95 %
/// intervals and the rejection rates with their Monte-Carlo standard errors; docs/EVALUATION.md
/// records the figures.
///
///     swift run -c release fornye-evaluation-simulation [replications] [seed]
@main
enum EvaluationSimulation {
    static let waves = [2018, 2020, 2022, 2024]
    static let injectedEffect = 0.08

    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst().compactMap { UInt64($0) }
        let replications = Int(arguments.first ?? 2000)
        let seed = arguments.dropFirst().first ?? 20_261_206
        let clock = ContinuousClock.now
        print(
            "SYNTHETIC panel: \(Shape.municipalities) municipalities, waves \(waves), \(replications) replications, seed \(seed)"
        )
        for effect in [injectedEffect, 0] {
            var random = SplitMix64(seed: seed &+ (effect == 0 ? 1 : 0))
            var linked = Tally()
            var unlinked = Tally()
            var preTrend = Tally()
            for _ in 0..<replications {
                let panel = try Shape.draw(effect: effect, using: &random)
                let did = try DifferenceInDifferences.estimate(
                    .mean, of: "y", panel: panel.linked, before: 2020, after: 2022)
                linked.add(did.effect, truth: effect)
                let independent = try DifferenceInDifferences.estimate(
                    .mean, of: "y", panel: panel.unlinked, before: 2020, after: 2022)
                unlinked.add(independent.effect, truth: effect)
                let study = try EventStudy.estimate(.mean, of: "y", panel: panel.linked, reference: 2020)
                preTrend.rejections += (study.preTrend?.pValue ?? 1) < 0.05 ? 1 : 0
                preTrend.count += 1
            }
            print("injected effect \(percent(effect)) pp")
            print("  linked (municipalities as clusters across waves): \(linked.summary(truth: effect))")
            print("  unlinked (waves as independent samples):          \(unlinked.summary(truth: effect))")
            print("  pre-trend test (2018 effect = 0) rejects at 5 %:  \(preTrend.rate)")
        }
        print("time: \(clock.duration(to: .now))")
    }

    static func percent(_ value: Double) -> String { String(format: "%.2f", 100 * value) }
}

/// Running sums over replications.
struct Tally {
    var count = 0
    var sum = 0.0
    var sumOfSquares = 0.0
    var covered = 0
    var rejections = 0
    var standardErrors = 0.0

    mutating func add(_ effect: PanelContrast, truth: Double) {
        count += 1
        sum += effect.estimate
        sumOfSquares += effect.estimate * effect.estimate
        standardErrors += effect.standardError
        covered += effect.lower <= truth && truth <= effect.upper ? 1 : 0
        rejections += effect.pValue < 0.05 ? 1 : 0
    }

    /// A proportion with its Monte-Carlo standard error, in per cent.
    static func proportion(_ hits: Int, of count: Int) -> String {
        let p = Double(hits) / Double(count)
        return String(format: "%.1f %% (MC SE %.1f)", 100 * p, 100 * (p * (1 - p) / Double(count)).squareRoot())
    }

    var rate: String { Self.proportion(rejections, of: count) }

    func summary(truth: Double) -> String {
        let n = Double(count)
        let mean = sum / n
        let spread = ((sumOfSquares - n * mean * mean) / (n - 1)).squareRoot()
        return String(
            format: "bias %+.2f pp (MC SE %.2f), empirical SE %.2f pp, mean estimated SE %.2f pp, ",
            100 * (mean - truth), 100 * spread / n.squareRoot(), 100 * spread, 100 * standardErrors / n)
            + "coverage \(Self.proportion(covered, of: count)), rejects at 5 % \(rate)"
    }
}

/// The synthetic population and one draw of the panel from it.
enum Shape {
    static let municipalities = 356
    /// Strata of municipalities (small, medium, large; 356 as in Norway in 2020) and their base
    /// weight per unit.
    static let stratumOfMunicipality = (0..<municipalities).map { $0 < 150 ? 0 : $0 < 270 ? 1 : 2 }
    static let stratumWeight = [4.0, 8.0, 16.0]
    static let unitsPerMunicipality = 8
    static let answerProbability = 0.7
    static let municipalityAnswers = 0.9
    /// Share answering yes in the comparison group by wave (a common trend).
    static let trend = [0.30, 0.34, 0.38, 0.42]

    struct Draw {
        let linked: EvaluationPanel
        let unlinked: EvaluationPanel
    }

    /// A linear probability model: yes with probability trend + municipality effect + unit effect
    /// + effect after the programme for participants, so the true DiD is `effect` exactly.
    static func draw(effect: Double, using random: inout SplitMix64) throws -> Draw {
        var wave: [Int32] = []
        var group: [Int32] = []
        var kommune: [String?] = []
        var stratum: [String?] = []
        var weight: [Double] = []
        var y: [Int32] = []
        for municipality in 0..<municipalities {
            let participant = random.uniform() < 0.4
            let municipalityEffect = 0.3 * (random.uniform() - 0.5)
            let unitEffects = (0..<unitsPerMunicipality).map { _ in 0.2 * (random.uniform() - 0.5) }
            let stratumIndex = stratumOfMunicipality[municipality]
            for (position, year) in EvaluationSimulation.waves.enumerated() {
                guard random.uniform() < municipalityAnswers else { continue }
                for unit in 0..<unitsPerMunicipality where random.uniform() < answerProbability {
                    let after = position >= 2
                    let p =
                        trend[position] + municipalityEffect + unitEffects[unit] + (participant && after ? effect : 0)
                    wave.append(Int32(year))
                    group.append(participant ? 1 : 0)
                    kommune.append("K\(municipality)")
                    stratum.append("S\(stratumIndex)")
                    weight.append(stratumWeight[stratumIndex] * (0.6 + random.uniform()))
                    y.append(random.uniform() < p ? 1 : 0)
                }
            }
        }
        let codebook = Codebook(
            title: "SYNTETISKE DATA (synthetic)", synthetic: true,
            variables: [
                Variable(
                    name: "wave", label: "Bølge (wave)", kind: .singleChoice,
                    valueLabels: EvaluationSimulation.waves.map { ValueLabel(code: $0, label: String($0)) }),
                Variable(
                    name: "group", label: "FORKOMMUNE", kind: .singleChoice,
                    valueLabels: [
                        ValueLabel(code: 0, label: "Sammenligning", labelEnglish: "Comparison"),
                        ValueLabel(code: 1, label: "Deltaker", labelEnglish: "Participant"),
                    ]),
                Variable(name: "kommune", label: "Kommune", kind: .text),
                Variable(name: "stratum", label: "Stratum", kind: .text),
                Variable(name: "w", label: "Vekt (weight)", kind: .numeric),
                Variable(name: "y", label: "Innovert (innovated)", kind: .multipleChoiceItem),
            ])
        let dataset = try Dataset(
            codebook: codebook,
            columns: [
                "wave": .codes(wave), "group": .codes(group), "kommune": .texts(kommune), "stratum": .texts(stratum),
                "w": .numbers(weight), "y": .codes(y),
            ])
        func panel(linked: Bool) throws -> EvaluationPanel {
            try EvaluationPanel(
                dataset: dataset, wave: "wave", group: "group", participantCodes: [1], cluster: "kommune",
                strata: "stratum", weight: "w", linked: linked)
        }
        return Draw(linked: try panel(linked: true), unlinked: try panel(linked: false))
    }
}

/// SplitMix64, seeded, so every run of the study gives the same figures.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on [0, 1) from the top 53 bits.
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }
}
