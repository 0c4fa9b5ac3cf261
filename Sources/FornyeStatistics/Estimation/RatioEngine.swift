/// One pass over the data that yields, for every domain d and estimate e, the weighted totals
/// Y_de = Σ w·y and X_d = Σ w·x and the linearised variances of Y_de and of the ratio Y_de / X_d.
///
/// Shares (y = 1 in the category, x = 1), means (y = value, x = 1), multiple-response shares of
/// respondents (y = item chosen, x = 1) and of responses (x = number of items chosen) are all
/// ratios; totals are the numerators. Rows outside a domain keep their PSU and stratum, which is
/// what makes these domain estimates rather than subset estimates.
///
/// Without calibration the variance comes from PSU-level sums kept per stratum, so the pass costs
/// O(rows + PSUs × touched cells) whatever the number of domains. Calibrated designs need per-row
/// residuals, so they take the dense path through `Linearization`.
struct RatioProblem {
    /// An estimate contributed by a row: which estimate (or -1) and with which value (1 when nil).
    struct Slot {
        var estimateOfRow: [Int32]
        var valueOfRow: [Double]?
    }

    var domainCount: Int
    var estimateCount: Int
    /// One array per breakdown set, giving each row's domain when the row is in the base of the
    /// analysis, else -1. Domains are numbered across all sets, so one pass serves every table.
    var domainSets: [[Int32]]
    var slots: [Slot]
    /// Denominator contribution x of each row (1 when nil).
    var denominatorOfRow: [Double]?
}

struct RatioResult {
    /// Per domain.
    var weightedBase: [Double]
    var denominatorTotal: [Double]
    var baseCount: [Int]
    /// Base rows with positive weight (R's `nobs` for design effects).
    var positiveCount: [Int]
    var degreesOfFreedom: [Int]
    /// Per domain × estimate, index `d * estimateCount + e`.
    var numeratorTotal: [Double]
    var cellCount: [Int]
    var weightedSquares: [Double]
    var ratioVariance: [Double]
    var totalVariance: [Double]
    /// Domains whose variance cannot be estimated (a lonely PSU under `average` with nothing to average).
    var noVariance: [Bool]
}

enum RatioEngine {
    /// - Parameter forceDense: Take the per-row path even without calibration (to test one path against the other).
    static func run(_ problem: RatioProblem, design: SurveyDesign, forceDense: Bool = false) throws(StatisticsError)
        -> RatioResult
    {
        var result = firstMoments(problem, design: design)
        if design.calibrations.isEmpty && !forceDense {
            try streamingVariances(problem, design: design, into: &result)
        } else {
            try denseVariances(problem, design: design, into: &result)
        }
        return result
    }

    /// Totals, counts and degrees of freedom per domain.
    private static func firstMoments(_ problem: RatioProblem, design: SurveyDesign) -> RatioResult {
        let domains = problem.domainCount
        let cells = domains * problem.estimateCount
        var result = RatioResult(
            weightedBase: .init(repeating: 0, count: domains), denominatorTotal: .init(repeating: 0, count: domains),
            baseCount: .init(repeating: 0, count: domains), positiveCount: .init(repeating: 0, count: domains),
            degreesOfFreedom: .init(repeating: 0, count: domains),
            numeratorTotal: .init(repeating: 0, count: cells), cellCount: .init(repeating: 0, count: cells),
            weightedSquares: .init(repeating: 0, count: cells), ratioVariance: .init(repeating: 0, count: cells),
            totalVariance: .init(repeating: 0, count: cells), noVariance: .init(repeating: false, count: domains))
        for row in 0..<design.rowCount {
            for set in problem.domainSets {
                let domain = Int(set[row])
                if domain < 0 { continue }
                let weight = design.weights[row]
                result.weightedBase[domain] += weight
                result.denominatorTotal[domain] += weight * (problem.denominatorOfRow?[row] ?? 1)
                result.baseCount[domain] += 1
                if weight > 0 { result.positiveCount[domain] += 1 }
                for slot in problem.slots {
                    let estimate = Int(slot.estimateOfRow[row])
                    if estimate < 0 { continue }
                    let value = slot.valueOfRow?[row] ?? 1
                    let cell = domain * problem.estimateCount + estimate
                    result.numeratorTotal[cell] += weight * value
                    result.weightedSquares[cell] += weight * value * value
                    result.cellCount[cell] += 1
                }
            }
        }
        return result
    }

    /// Variances from per-stratum sums of PSU totals a (numerator) and b (denominator):
    /// Σ_p (a − R b)² and Σ_p (a − R b) expand into Σa², Σab, Σb², Σa, Σb.
    private static func streamingVariances(
        _ problem: RatioProblem, design: SurveyDesign, into result: inout RatioResult
    ) throws(StatisticsError) {
        let domains = problem.domainCount
        let estimates = problem.estimateCount
        let strata = design.stratumCount
        let layout = PSULayout(design: design)

        var sumA = [Double](repeating: 0, count: strata * domains * estimates)
        var sumAA = sumA
        var sumAB = sumA
        var sumB = [Double](repeating: 0, count: strata * domains)
        var sumBB = sumB
        var present = [Bool](repeating: false, count: strata * domains)
        // Degrees of freedom as R's degf(): PSUs and strata with positive weight in the domain.
        var positiveStratum = [Bool](repeating: false, count: strata * domains)
        var positivePSUs = [Int](repeating: 0, count: domains)
        var localPositive = [Bool](repeating: false, count: domains)

        var localA = [Double](repeating: 0, count: domains * estimates)
        var localB = [Double](repeating: 0, count: domains)
        var touchedDomains: [Int] = []
        var touchedCells: [Int] = []
        var domainTouched = [Bool](repeating: false, count: domains)
        var cellTouched = [Bool](repeating: false, count: domains * estimates)

        for psu in 0..<design.psuCount {
            for row in layout.rows(of: psu) {
                for set in problem.domainSets {
                    let domain = Int(set[row])
                    if domain < 0 { continue }
                    let weight = design.weights[row]
                    if !domainTouched[domain] {
                        domainTouched[domain] = true
                        touchedDomains.append(domain)
                    }
                    localB[domain] += weight * (problem.denominatorOfRow?[row] ?? 1)
                    if weight > 0 { localPositive[domain] = true }
                    for slot in problem.slots {
                        let estimate = Int(slot.estimateOfRow[row])
                        if estimate < 0 { continue }
                        let cell = domain * estimates + estimate
                        if !cellTouched[cell] {
                            cellTouched[cell] = true
                            touchedCells.append(cell)
                        }
                        localA[cell] += weight * (slot.valueOfRow?[row] ?? 1)
                    }
                }
            }
            let stratum = Int(design.stratumOfPSU[psu])
            for cell in touchedCells {
                let domain = cell / estimates
                let a = localA[cell]
                let index = stratum * domains * estimates + cell
                sumA[index] += a
                sumAA[index] += a * a
                sumAB[index] += a * localB[domain]
                localA[cell] = 0
                cellTouched[cell] = false
            }
            for domain in touchedDomains {
                let b = localB[domain]
                sumB[stratum * domains + domain] += b
                sumBB[stratum * domains + domain] += b * b
                present[stratum * domains + domain] = true
                if localPositive[domain] {
                    positivePSUs[domain] += 1
                    positiveStratum[stratum * domains + domain] = true
                    localPositive[domain] = false
                }
                localB[domain] = 0
                domainTouched[domain] = false
            }
            touchedCells.removeAll(keepingCapacity: true)
            touchedDomains.removeAll(keepingCapacity: true)
        }

        for domain in 0..<domains {
            let strataWithWeight = (0..<strata).count { positiveStratum[$0 * domains + domain] }
            result.degreesOfFreedom[domain] = positivePSUs[domain] - strataWithWeight
        }

        let rules = StratumRules(design: design)
        for domain in 0..<domains {
            var presentStrata = 0
            var estimableStrata = 0
            var ratioVariance = [Double](repeating: 0, count: estimates)
            var totalVariance = [Double](repeating: 0, count: estimates)
            let denominator = result.denominatorTotal[domain]
            for stratum in 0..<strata where present[stratum * domains + domain] {
                presentStrata += 1
                guard let rule = try rules.rule(for: stratum) else { continue }
                estimableStrata += 1
                if rule.scale == 0 { continue }
                let b = sumB[stratum * domains + domain]
                let bb = sumBB[stratum * domains + domain]
                let count = rule.psuCount
                for estimate in 0..<estimates {
                    let index = stratum * domains * estimates + domain * estimates + estimate
                    let a = sumA[index]
                    let aa = sumAA[index]
                    let ab = sumAB[index]
                    let ratio = denominator > 0 ? result.numeratorTotal[domain * estimates + estimate] / denominator : 0
                    // Σ_p (a_p − R b_p)² − centring term, for the ratio; with R = 0 for the total.
                    let squares = aa - 2 * ratio * ab + ratio * ratio * bb
                    let sum = a - ratio * b
                    let ratioSS = rule.centred ? squares - sum * sum / count : squares
                    let totalSS = rule.centred ? aa - a * a / count : aa
                    ratioVariance[estimate] += rule.scale * max(ratioSS, 0)
                    totalVariance[estimate] += rule.scale * max(totalSS, 0)
                }
            }
            let inflation = averageRuleInflation(present: presentStrata, estimable: estimableStrata)
            if estimableStrata == 0 && presentStrata > 0 { result.noVariance[domain] = true }
            for estimate in 0..<estimates {
                let cell = domain * estimates + estimate
                result.ratioVariance[cell] =
                    denominator > 0 ? ratioVariance[estimate] * inflation / (denominator * denominator) : .nan
                result.totalVariance[cell] = totalVariance[estimate] * inflation
            }
        }
    }

    /// Per-row influence values through `Linearization`, for calibrated designs. In R a subset of a
    /// calibrated design keeps every row with zero weight, so every stratum stays present; a subset
    /// of an uncalibrated design drops the rows, and with them the strata the domain does not reach.
    private static func denseVariances(
        _ problem: RatioProblem, design: SurveyDesign, into result: inout RatioResult
    ) throws(StatisticsError) {
        let estimates = problem.estimateCount
        result.degreesOfFreedom = degreesOfFreedom(problem, design: design)
        for domain in 0..<problem.domainCount {
            let denominator = result.denominatorTotal[domain]
            let inDomain = (0..<design.rowCount).map { row in problem.domainSets.contains { Int($0[row]) == domain } }
            let presentRows = design.calibrations.isEmpty ? inDomain : nil
            var ratioScores = [[Double]](
                repeating: [Double](repeating: 0, count: design.rowCount), count: estimates)
            var totalScores = ratioScores
            for row in 0..<design.rowCount where inDomain[row] {
                let weight = design.weights[row]
                let x = problem.denominatorOfRow?[row] ?? 1
                var values = [Double](repeating: 0, count: estimates)
                for slot in problem.slots {
                    let estimate = Int(slot.estimateOfRow[row])
                    if estimate >= 0 { values[estimate] += slot.valueOfRow?[row] ?? 1 }
                }
                for estimate in 0..<estimates {
                    let ratio = result.numeratorTotal[domain * estimates + estimate] / denominator
                    ratioScores[estimate][row] = weight * (values[estimate] - ratio * x) / denominator
                    totalScores[estimate][row] = weight * values[estimate]
                }
            }
            for estimate in 0..<estimates {
                let cell = domain * estimates + estimate
                result.ratioVariance[cell] =
                    denominator > 0
                    ? try Linearization.variance(of: ratioScores[estimate], design: design, presentRows: presentRows)
                    : .nan
                result.totalVariance[cell] = try Linearization.variance(
                    of: totalScores[estimate], design: design, presentRows: presentRows)
            }
        }
    }

    /// PSUs minus strata with positive weight among each domain's base rows.
    private static func degreesOfFreedom(_ problem: RatioProblem, design: SurveyDesign) -> [Int] {
        var psus = [Set<Int32>](repeating: [], count: problem.domainCount)
        var strata = [Set<Int32>](repeating: [], count: problem.domainCount)
        for set in problem.domainSets {
            for row in 0..<design.rowCount where set[row] >= 0 && design.weights[row] > 0 {
                psus[Int(set[row])].insert(design.psuOfRow[row])
                strata[Int(set[row])].insert(design.stratumOfRow[row])
            }
        }
        return zip(psus, strata).map { $0.count - $1.count }
    }

    /// R multiplies by (strata present) / (strata with a variance) when the "average" rule drops lonely strata.
    static func averageRuleInflation(present: Int, estimable: Int) -> Double {
        estimable > 0 && estimable < present ? Double(present) / Double(estimable) : 1
    }
}

/// Rows grouped by PSU, so that PSU totals can be formed in one sweep.
struct PSULayout {
    private let start: [Int]
    private let rows: [Int]

    init(design: SurveyDesign) {
        var counts = [Int](repeating: 0, count: design.psuCount + 1)
        for psu in design.psuOfRow { counts[Int(psu) + 1] += 1 }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        var fill = counts
        var rows = [Int](repeating: 0, count: design.rowCount)
        for row in 0..<design.rowCount {
            let psu = Int(design.psuOfRow[row])
            rows[fill[psu]] = row
            fill[psu] += 1
        }
        start = counts
        self.rows = rows
    }

    func rows(of psu: Int) -> ArraySlice<Int> { rows[start[psu]..<start[psu + 1]] }
}

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
