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
    var domainCount: Int
    var estimateCount: Int
    var rowCount: Int
    /// `setCount` blocks of `rowCount` entries, one block per breakdown set, giving each row's
    /// domain when the row is in the base of the analysis, else -1. Domains are numbered across
    /// all sets, so one pass serves every table.
    var domainOfRow: [Int32]
    var setCount: Int
    /// `slotCount` blocks of `rowCount` entries: the estimate a row contributes to (or -1). Shares
    /// need one slot (the category); a multiple-response set one per option.
    var estimateOfRow: [Int32]
    var slotCount: Int
    /// The value y a row contributes in each slot, laid out as `estimateOfRow`; 1 when nil.
    var valueOfRow: [Double]?
    /// Denominator contribution x of each row; 1 when nil.
    var denominatorOfRow: [Double]?
    /// Whether the totals (rather than the ratios) are wanted; the per-row path computes only what is wanted.
    var estimatesTotals = false

    /// What one slot contributes: the estimate of each row (or -1) and its value (1 when nil).
    struct Slot {
        var estimateOfRow: [Int32]
        var valueOfRow: [Double]?
    }

    /// Lays the per-slot arrays end to end, so the hot loop indexes flat storage.
    init(
        domainCount: Int, estimateCount: Int, flatDomains: [Int32], setCount: Int, slots: [Slot],
        denominatorOfRow: [Double]?
    ) {
        self.domainCount = domainCount
        self.estimateCount = estimateCount
        rowCount = setCount > 0 ? flatDomains.count / setCount : 0
        domainOfRow = flatDomains
        self.setCount = setCount
        estimateOfRow = slots.flatMap(\.estimateOfRow)
        slotCount = slots.count
        valueOfRow =
            slots.contains { $0.valueOfRow != nil }
            ? slots.flatMap { $0.valueOfRow ?? [Double](repeating: 1, count: $0.estimateOfRow.count) } : nil
        self.denominatorOfRow = denominatorOfRow
    }
}

struct RatioResult {
    /// Per domain.
    var weightedBase: [Double]
    var denominatorTotal: [Double]
    var baseCount: [Int]
    /// Base rows with positive weight (R's `nobs` for design effects).
    var positiveCount: [Int]
    /// R's degf() on the domain: PSUs minus strata with positive-weight base rows.
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
    /// - Parameter replicates: Replicate weights whose spread gives the variances instead of
    ///   linearisation; their own pass (`ReplicateEngine`) forms the estimates too, so no stratum
    ///   sums are formed.
    static func run(
        _ problem: RatioProblem, design: SurveyDesign, forceDense: Bool = false, replicates: ReplicateWeights? = nil
    ) throws(StatisticsError) -> RatioResult {
        if let replicates { return ReplicateEngine.run(problem, design: design, replicates: replicates) }
        var result = try streamingPass(problem, design: design)
        if !design.calibrations.isEmpty || forceDense {
            try denseVariances(problem, design: design, into: &result)
        }
        return result
    }

    /// Totals, counts, degrees of freedom and, from per-stratum sums of PSU totals a (numerator)
    /// and b (denominator), the variances: Σ_p (a − R b)² and Σ_p (a − R b) expand into Σa², Σab,
    /// Σb², Σa and Σb, so one sweep over the rows grouped by PSU is enough.
    private static func streamingPass(_ problem: RatioProblem, design: SurveyDesign) throws(StatisticsError)
        -> RatioResult
    {
        let sums =
            design.psuCount == design.rowCount
            ? StratumSums(rowsArePSUs: problem, design: design) : StratumSums(clustered: problem, design: design)
        return try variances(from: sums, domains: problem.domainCount, estimates: problem.estimateCount, design: design)
    }

    /// The result from per-stratum sums of PSU totals, however they were gathered.
    static func variances(from sums: StratumSums, domains: Int, estimates: Int, design: SurveyDesign)
        throws(StatisticsError) -> RatioResult
    {
        let cells = domains * estimates
        let strata = design.stratumCount
        var result = RatioResult(
            weightedBase: sums.weightedBase, denominatorTotal: sums.denominatorTotal, baseCount: sums.baseCount,
            positiveCount: sums.positiveCount, degreesOfFreedom: .init(repeating: 0, count: domains),
            numeratorTotal: sums.numeratorTotal, cellCount: sums.cellCount, weightedSquares: sums.weightedSquares,
            ratioVariance: .init(repeating: 0, count: cells), totalVariance: .init(repeating: 0, count: cells),
            noVariance: .init(repeating: false, count: domains))
        for domain in 0..<domains {
            let strataWithWeight = (0..<strata).count { sums.positivePSUs[$0 * domains + domain] > 0 }
            let psus = (0..<strata).reduce(0) { $0 + sums.positivePSUs[$1 * domains + domain] }
            result.degreesOfFreedom[domain] = psus - strataWithWeight
        }

        let rules = StratumRules(design: design)
        for domain in 0..<domains {
            var presentStrata = 0
            var estimableStrata = 0
            var ratioVariance = [Double](repeating: 0, count: estimates)
            var totalVariance = [Double](repeating: 0, count: estimates)
            let denominator = sums.denominatorTotal[domain]
            for stratum in 0..<strata where sums.present[stratum * domains + domain] {
                presentStrata += 1
                guard let rule = try rules.rule(for: stratum) else { continue }
                estimableStrata += 1
                if rule.scale == 0 { continue }
                let b = sums.sumB[stratum * domains + domain]
                let bb = sums.sumBB[stratum * domains + domain]
                let count = rule.psuCount
                for estimate in 0..<estimates {
                    let index = stratum * cells + domain * estimates + estimate
                    let a = sums.sumA[index]
                    let aa = sums.sumAA[index]
                    let ab = sums.sumAB[index]
                    let ratio = denominator > 0 ? sums.numeratorTotal[domain * estimates + estimate] / denominator : 0
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
        return result
    }

    /// Per-row influence values through `Linearization`, for calibrated designs. In R a subset of a
    /// calibrated design keeps every row with zero weight, so every stratum stays present; a subset
    /// of an uncalibrated design drops the rows, and with them the strata the domain does not reach.
    private static func denseVariances(
        _ problem: RatioProblem, design: SurveyDesign, into result: inout RatioResult
    ) throws(StatisticsError) {
        let estimates = problem.estimateCount
        let rowCount = problem.rowCount
        let rowsOfDomain = rowsOfDomains(problem)
        let calibrated = !design.calibrations.isEmpty
        // A domain's influence values are formed only at its rows, row after row (`estimates` per
        // row), in one flat buffer reused across domains. A calibrated design's variances are taken
        // from them directly (`Linearization.variances(domainValues:...)`); otherwise they are
        // spread into columns over every row (one buffer for all domains, cleared after each).
        var columns =
            calibrated ? [] : [[Double]](repeating: [Double](repeating: 0, count: rowCount), count: estimates)
        var scores: [Double] = []
        var values = [Double](repeating: 0, count: estimates)
        var ratios = [Double](repeating: 0, count: estimates)
        for domain in 0..<problem.domainCount {
            let denominator = result.denominatorTotal[domain]
            let rows = rowsOfDomain[domain]
            if !problem.estimatesTotals && !(denominator > 0) {
                for estimate in 0..<estimates { result.ratioVariance[domain * estimates + estimate] = .nan }
                continue
            }
            if !problem.estimatesTotals {
                for estimate in 0..<estimates {
                    ratios[estimate] = result.numeratorTotal[domain * estimates + estimate] / denominator
                }
            }
            scores.removeAll(keepingCapacity: true)
            scores.reserveCapacity(rows.count * estimates)
            for row in rows {
                let weight = design.weights[row]
                let x = problem.denominatorOfRow?[row] ?? 1
                for estimate in 0..<estimates { values[estimate] = 0 }
                for slot in 0..<problem.slotCount {
                    let estimate = Int(problem.estimateOfRow[slot * rowCount + row])
                    if estimate >= 0 { values[estimate] += problem.valueOfRow?[slot * rowCount + row] ?? 1 }
                }
                for estimate in 0..<estimates {
                    if problem.estimatesTotals {
                        scores.append(weight * values[estimate])
                    } else {
                        scores.append(weight * (values[estimate] - ratios[estimate] * x) / denominator)
                    }
                }
            }
            let variances: [Double]
            if calibrated {
                variances = try Linearization.variances(
                    domainValues: scores, columns: estimates, rows: rows, design: design)
            } else {
                for estimate in 0..<estimates {
                    for (position, row) in rows.enumerated() {
                        columns[estimate][row] = scores[position * estimates + estimate]
                    }
                }
                var inDomain = [Bool](repeating: false, count: rowCount)
                for row in rows { inDomain[row] = true }
                variances = try Linearization.variances(of: columns, design: design, presentRows: inDomain)
                for estimate in 0..<estimates {
                    for row in rows { columns[estimate][row] = 0 }
                }
            }
            for estimate in 0..<estimates {
                let cell = domain * estimates + estimate
                if problem.estimatesTotals {
                    result.totalVariance[cell] = variances[estimate]
                } else {
                    result.ratioVariance[cell] = variances[estimate]
                }
            }
        }
    }

    /// The rows of each domain in increasing order, each once, from the breakdown sets.
    private static func rowsOfDomains(_ problem: RatioProblem) -> [[Int]] {
        let rowCount = problem.rowCount
        var rowsOfDomain = [[Int]](repeating: [], count: problem.domainCount)
        for row in 0..<rowCount {
            for set in 0..<problem.setCount {
                let domain = Int(problem.domainOfRow[set * rowCount + row])
                guard domain >= 0 else { continue }
                let repeated = (0..<set).contains { Int(problem.domainOfRow[$0 * rowCount + row]) == domain }
                if !repeated { rowsOfDomain[domain].append(row) }
            }
        }
        return rowsOfDomain
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
