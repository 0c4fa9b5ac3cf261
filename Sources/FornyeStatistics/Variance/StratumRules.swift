/// How a stratum enters the variance: its scale `(1 − f) n/(n − 1)` and whether PSU totals are
/// centred, following R's `onestrat` and the lonely-PSU rule.
struct StratumRules {
    struct Rule {
        var scale: Double
        var centred: Bool
        var psuCount: Double
    }

    let design: SurveyDesign

    /// The rule, or nil when the stratum is left out and averaged over (R's `average`).
    func rule(for stratum: Int) throws(StatisticsError) -> Rule? {
        let sampled = Double(design.psuCountOfStratum[stratum])
        let fraction = design.populationOfStratum.map { sampled / $0[stratum] } ?? 0
        let correction = 1 - fraction
        if correction < 1e-7 { return Rule(scale: 0, centred: true, psuCount: sampled) }
        if sampled > 1 { return Rule(scale: correction * sampled / (sampled - 1), centred: true, psuCount: sampled) }
        switch design.lonelyPSU {
        case .fail: throw .lonelyPSU(stratum: design.stratumLabels[stratum])
        case .average: return nil
        case .remove, .certainty: return Rule(scale: 0, centred: true, psuCount: sampled)
        case .adjust: return Rule(scale: correction, centred: false, psuCount: sampled)
        }
    }
}
