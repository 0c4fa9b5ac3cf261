/// Design-based quantiles of a numeric variable, overall or in a domain, with Woodruff intervals:
/// R `svyquantile(~x, subset(design, domain), p, na.rm = TRUE)` under survey 4.x's defaults.
///
/// Woodruff's interval inverts the interval of a share: with `q̂` the `p` quantile, the share
/// `m = Σ w·1(x ≤ q̂) / Σ w` gets its linearised standard error and a t interval on `degf`
/// degrees of freedom; the interval's ends, mapped back through the quantile rule, bound `q̂`.
/// A bound whose share falls below 0 or above 1 is missing, as in R.
///
/// With replicate weights (R's `svyquantile` on a `svrepdesign`, survey 4.1.1) the share's variance
/// comes from its value in every replicate, over the analysed rows only, and the degrees of freedom
/// are the rank of those rows' replicate weights minus one (R subsets the replicate design, which
/// recomputes `degf`). `interval: .replicateQuantiles` takes R's `interval.type = "quantile"`
/// instead: the replicate variance of the quantile, `q̂ ± t·SE`.
///
/// ```swift
/// let median = try Quantiles.estimate([0.5], of: scores, in: isPeer, design: design)[0]
/// print(median.estimate, median.lower ?? .nan, median.upper ?? .nan)
/// ```
public enum Quantiles {
    public static func estimate(
        _ probabilities: [Double],
        of values: [Double],
        in domain: [Bool]? = nil,
        design: SurveyDesign,
        replicates: ReplicateWeights? = nil,
        interval: QuantileInterval = .woodruff,
        level: Double = 0.95
    ) throws(StatisticsError) -> [QuantileEstimate] {
        guard values.count == design.rowCount else {
            throw .lengthMismatch(variable: "quantile values", expected: design.rowCount, actual: values.count)
        }
        guard level > 0, level < 1 else {
            throw .invalidArgument("the confidence level must lie strictly between 0 and 1, not \(level)")
        }
        for p in probabilities where !(p >= 0 && p <= 1) {
            throw .invalidArgument("a quantile's probability lies in 0…1, not \(p)")
        }
        // The analysed subset: in the domain and not missing (na.rm = TRUE subsets the design).
        let rows = (0..<design.rowCount).map { (domain?[$0] ?? true) && !values[$0].isNaN }
        let distribution = try QuantileDistribution(values: values, weights: design.weights, rows: rows)
        if let replicates {
            return try ReplicateQuantiles(
                values: values, rows: rows, distribution: distribution, replicates: replicates, level: level
            ).estimates(probabilities, interval: interval)
        }
        guard interval == .woodruff else {
            throw .invalidArgument("the replicate quantiles' interval needs replicate weights")
        }
        let degrees = design.degreesOfFreedom(of: rows)
        let critical =
            degrees > 0 ? Distributions.studentTQuantile(1 - (1 - level) / 2, degreesOfFreedom: Double(degrees)) : .nan
        let total = distribution.totalWeight
        return try probabilities.map { (p) throws(StatisticsError) in
            let q = distribution.quantile(p)
            var influence = [Double](repeating: 0, count: design.rowCount)
            var atOrBelow = 0.0
            for row in distribution.sortedRows where values[row] <= q { atOrBelow += design.weights[row] }
            let share = atOrBelow / total
            for row in distribution.sortedRows {
                let indicator: Double = values[row] <= q ? 1 : 0
                influence[row] = design.weights[row] * (indicator - share) / total
            }
            let variance = try design.subsetCovariance(of: [influence], rows: rows)[0, 0]
            let halfWidth = critical * max(variance, 0).squareRoot()
            let lowShare = share - halfWidth
            let highShare = share + halfWidth
            let lower = lowShare.isNaN || lowShare < 0 ? nil : distribution.quantile(lowShare)
            let upper = highShare.isNaN || highShare > 1 ? nil : distribution.quantile(highShare)
            let standardError = lower.flatMap { l in upper.map { ($0 - l) / (2 * critical) } }
            return QuantileEstimate(
                probability: p, estimate: q, lower: lower, upper: upper, standardError: standardError,
                degreesOfFreedom: degrees, confidenceLevel: level, count: distribution.count)
        }
    }
}
