import FornyeBarometer
import FornyeStatistics
import Foundation

/// The evaluation as CSV rows and as JSON, one shape for `fornye evaluate`, the page's download
/// and `/api/v1/evaluations`: shares and differences in percent and percentage points; numbers
/// that do not exist are left out (JSON) or empty (CSV).
extension ProgrammeEvaluation {
    /// A number with fixed decimals, "NA" when not finite.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        value.isFinite ? String(format: "%.\(decimals)f", value) : "NA"
    }

    static func percent(_ value: Double?) -> String { value.map { fixed($0 * 100, 1) } ?? "" }

    /// One row per indicator: the four cells, the DiD, the balanced DiD and the synthetic marker.
    public func csvRows() -> [[String]] {
        var header = ["indicator", "name", "comparison", "before", "after"]
        for cell in ["participants_before", "participants_after", "comparison_before", "comparison_after"] {
            header += ["\(cell)_percent", "\(cell)_n", "\(cell)_municipalities"]
        }
        header += [
            "did_pp", "se_pp", "ci_lower_pp", "ci_upper_pp", "p_value", "df", "confidence_level", "linked",
            "municipalities_in_both_waves", "withheld", "balanced_did_pp", "balanced_ci_lower_pp",
            "balanced_ci_upper_pp", "balanced_p_value", "covariates",
        ]
        if synthetic { header.append("datakilde") }
        var rows = [header]
        for result in results {
            var row = [
                result.indicator.id, result.indicator.name, comparison.rawValue, waves.first?.slug ?? "",
                waves.last?.slug ?? "",
            ]
            for cell in result.cells.count == 4 ? result.cells : [] {
                row += [Self.percent(cell.share), String(cell.responses), String(cell.municipalities)]
            }
            if result.cells.count != 4 { row += [String](repeating: "", count: 12) }
            let effect = result.difference?.effect
            row += [
                effect.map { Self.fixed($0.estimate * 100, 2) } ?? "",
                effect.map { Self.fixed($0.standardError * 100, 2) } ?? "",
                effect.map { Self.fixed($0.lower * 100, 2) } ?? "",
                effect.map { Self.fixed($0.upper * 100, 2) } ?? "",
                effect.map { Self.fixed($0.pValue, 4) } ?? "", effect.map { String($0.degreesOfFreedom) } ?? "",
                String(confidenceLevel), result.difference.map { String($0.linked) } ?? "",
                result.difference.map { String($0.sharedClusters) } ?? "", result.withheld ?? "",
            ]
            let balanced = result.balanced
            row += [
                balanced.map { Self.fixed($0.estimate * 100, 2) } ?? "",
                balanced.map { Self.fixed($0.lower * 100, 2) } ?? "",
                balanced.map { Self.fixed($0.upper * 100, 2) } ?? "",
                balanced.map { Self.fixed($0.pValue, 4) } ?? "", covariates.map(\.name).joined(separator: " "),
            ]
            if synthetic { row.append(SyntheticLabel.marker) }
            rows.append(row)
        }
        return rows
    }
}

/// The JSON of an evaluation (CLI and API).
public struct ProgrammeEvaluationJSON: Encodable, Sendable {
    public struct Cell: Encodable, Sendable {
        var group: String
        var wave: String
        var sharePercent: Double?
        var responses: Int
        var municipalities: Int
    }

    public struct Contrast: Encodable, Sendable {
        var percentagePoints: Double?
        var standardErrorPercentagePoints: Double?
        var lowerPercentagePoints: Double?
        var upperPercentagePoints: Double?
        var pValue: Double?
        var degreesOfFreedom: Int

        init(_ contrast: PanelContrast) {
            percentagePoints = finite(contrast.estimate * 100)
            standardErrorPercentagePoints = finite(contrast.standardError * 100)
            lowerPercentagePoints = finite(contrast.lower * 100)
            upperPercentagePoints = finite(contrast.upper * 100)
            pValue = finite(contrast.pValue)
            degreesOfFreedom = contrast.degreesOfFreedom
        }
    }

    public struct EventEffect: Encodable, Sendable {
        var wave: String
        var relativeWave: Int
        var effect: Contrast
    }

    public struct PreTrend: Encodable, Sendable {
        var f: Double?
        var numeratorDegreesOfFreedom: Int
        var denominatorDegreesOfFreedom: Int
        var pValue: Double?
    }

    public struct EventStudy: Encodable, Sendable {
        var reference: String
        var effects: [EventEffect]
        var preTrend: PreTrend?
    }

    public struct Indicator: Encodable, Sendable {
        var id: String
        var name: String
        var measure: String
        var cells: [Cell]
        var didPercentagePoints: Double?
        var standardErrorPercentagePoints: Double?
        var lowerPercentagePoints: Double?
        var upperPercentagePoints: Double?
        var pValue: Double?
        var degreesOfFreedom: Int?
        var linked: Bool?
        var municipalitiesInBothWaves: Int?
        var withheld: String?
        var balanced: Contrast?
        var eventStudy: EventStudy?
        var eventStudyWithheld: String?
    }

    public struct BalanceLine: Encodable, Sendable {
        var covariate: String
        var label: String
        var participantMean: Double?
        var comparisonMean: Double?
        var standardisedDifferenceBefore: Double?
        var comparisonMeanAfter: Double?
        var standardisedDifferenceAfter: Double?
    }

    public struct Balance: Encodable, Sendable {
        var wave: String
        var method: String
        var participantResponses: Int
        var comparisonResponses: Int
        var lines: [BalanceLine]
        var reweightingFailed: String?
    }

    var label: String?
    var synthetic: Bool
    var waves: [ProgrammeEvaluation.Wave]
    var comparison: String
    var comparisonLabel: String
    var structureDate: String
    var participants: [String]
    var comparisonMunicipalities: [String]
    var responsesLeftOut: Int
    var registerLinesLeftOut: Int
    var minimumBaseCount: Int
    var confidenceLevel: Double
    var assumption: String
    var covariates: [String]
    var covariatesLeftOut: [String]
    var balance: Balance?
    var balanceWithheld: String?
    var eventStudyNote: String?
    var indicators: [Indicator]

    public init(_ evaluation: ProgrammeEvaluation) {
        label = evaluation.synthetic ? SyntheticLabel.bilingual : nil
        synthetic = evaluation.synthetic
        waves = evaluation.waves
        comparison = evaluation.comparison.rawValue
        comparisonLabel = evaluation.comparison.label
        structureDate = evaluation.structureDate
        participants = evaluation.participants
        comparisonMunicipalities = evaluation.comparisonMunicipalities
        responsesLeftOut = evaluation.responsesLeftOut
        registerLinesLeftOut = evaluation.registerLinesLeftOut
        minimumBaseCount = evaluation.minimumBaseCount
        confidenceLevel = evaluation.confidenceLevel
        assumption = ParallelTrends.short
        covariates = evaluation.covariates.map(\.name)
        covariatesLeftOut = evaluation.covariatesLeftOut.map(\.name)
        balance = evaluation.balance.map { summary in
            Balance(
                wave: summary.wave, method: "entropy balancing (raking)",
                participantResponses: summary.participantResponses, comparisonResponses: summary.comparisonResponses,
                lines: summary.lines.map { line in
                    BalanceLine(
                        covariate: line.covariate.name, label: line.covariate.label,
                        participantMean: finite(line.participantMean), comparisonMean: finite(line.comparisonMean),
                        standardisedDifferenceBefore: finite(line.differenceBefore),
                        comparisonMeanAfter: line.comparisonMeanAfter.flatMap(finite),
                        standardisedDifferenceAfter: line.differenceAfter.flatMap(finite))
                }, reweightingFailed: summary.reweightingFailed)
        }
        balanceWithheld = evaluation.balanceWithheld
        eventStudyNote = evaluation.eventStudyNote
        indicators = evaluation.results.map { result in
            let effect = result.difference?.effect
            return Indicator(
                id: result.indicator.id, name: result.indicator.name, measure: result.indicator.measure,
                cells: result.cells.map { cell in
                    Cell(
                        group: cell.participant ? "participants" : "comparison", wave: cell.wave,
                        sharePercent: cell.share.flatMap { finite($0 * 100) }, responses: cell.responses,
                        municipalities: cell.municipalities)
                }, didPercentagePoints: effect.flatMap { finite($0.estimate * 100) },
                standardErrorPercentagePoints: effect.flatMap { finite($0.standardError * 100) },
                lowerPercentagePoints: effect.flatMap { finite($0.lower * 100) },
                upperPercentagePoints: effect.flatMap { finite($0.upper * 100) },
                pValue: effect.flatMap { finite($0.pValue) }, degreesOfFreedom: effect?.degreesOfFreedom,
                linked: result.difference?.linked, municipalitiesInBothWaves: result.difference?.sharedClusters,
                withheld: result.withheld, balanced: result.balanced.map(Contrast.init),
                eventStudy: result.eventStudy.map { study in
                    EventStudy(
                        reference: study.reference,
                        effects: study.effects.map {
                            EventEffect(wave: $0.wave, relativeWave: $0.relativeWave, effect: Contrast($0.effect))
                        },
                        preTrend: study.preTrend.map {
                            PreTrend(
                                f: finite($0.f), numeratorDegreesOfFreedom: $0.numeratorDegreesOfFreedom,
                                denominatorDegreesOfFreedom: $0.denominatorDegreesOfFreedom, pValue: finite($0.pValue))
                        })
                }, eventStudyWithheld: result.eventStudyWithheld)
        }
    }
}

/// nil for NaN and infinities, which JSON cannot carry.
private func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
