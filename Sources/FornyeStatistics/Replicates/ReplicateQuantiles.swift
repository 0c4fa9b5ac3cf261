/// Quantile intervals from replicate weights, as R survey 4.1.1's `svyquantile.svyrep.design`
/// with `na.rm = TRUE`: the analysed rows form the subset design whose replicate weights give the
/// variance, and whose degrees of freedom are their rank minus one. `Quantiles.estimate` calls it.
struct ReplicateQuantiles {
    let values: [Double]
    /// The analysed rows (in the domain, not missing), as a mask and as indices.
    let rows: [Bool]
    let analysed: [Int]
    let distribution: QuantileDistribution
    let replicates: ReplicateWeights
    let level: Double
    let degrees: Int
    let critical: Double

    init(
        values: [Double], rows: [Bool], distribution: QuantileDistribution, replicates: ReplicateWeights,
        level: Double
    ) throws(StatisticsError) {
        guard replicates.rowCount == rows.count else {
            throw .lengthMismatch(
                variable: "replicate weights", expected: rows.count, actual: replicates.rowCount)
        }
        let analysed = rows.indices.filter { rows[$0] }
        self.values = values
        self.rows = rows
        self.analysed = analysed
        self.distribution = distribution
        self.replicates = replicates
        self.level = level
        degrees = ReplicateWeights.rank(of: replicates.replicates.map { weights in analysed.map { weights[$0] } }) - 1
        critical =
            degrees > 0 ? Distributions.studentTQuantile(1 - (1 - level) / 2, degreesOfFreedom: Double(degrees)) : .nan
    }

    func estimates(_ probabilities: [Double], interval: QuantileInterval) -> [QuantileEstimate] {
        probabilities.map { p in
            let q = distribution.quantile(p)
            switch interval {
            case .woodruff: return woodruff(p, q)
            case .replicateQuantiles: return replicateQuantiles(p, q)
            }
        }
    }

    /// R's `woodruffCI`: `svymean(x <= q̂)` on the replicate design, its t interval mapped back.
    private func woodruff(_ p: Double, _ q: Double) -> QuantileEstimate {
        let share = distribution.share(atOrBelow: q)
        // Every replicate's total and total at or below q̂ in one pass over the rows.
        let count = replicates.count
        var below = [Double](repeating: 0, count: count)
        var total = [Double](repeating: 0, count: count)
        replicates.weightsByRow.withUnsafeBufferPointer { weights in
            for row in analysed {
                let start = row * count
                for replicate in 0..<count { total[replicate] += weights[start + replicate] }
                if values[row] <= q {
                    for replicate in 0..<count { below[replicate] += weights[start + replicate] }
                }
            }
        }
        let shares = (0..<count).map { total[$0] > 0 ? below[$0] / total[$0] : .nan }
        let halfWidth = critical * max(replicates.variance(full: share, replicateEstimates: shares), 0).squareRoot()
        let lowShare = share - halfWidth
        let highShare = share + halfWidth
        let lower = lowShare.isNaN || lowShare < 0 ? nil : distribution.quantile(lowShare)
        let upper = highShare.isNaN || highShare > 1 ? nil : distribution.quantile(highShare)
        let standardError = lower.flatMap { l in upper.map { ($0 - l) / (2 * critical) } }
        return estimate(p, q, lower: lower, upper: upper, standardError: standardError)
    }

    /// R's `repCI`: the quantile with every replicate's weights, `q̂ ± t·√v`. A replicate with no
    /// positive weight among the analysed rows has no quantile and is left out of the variance.
    private func replicateQuantiles(_ p: Double, _ q: Double) -> QuantileEstimate {
        let quantiles = replicates.replicates.map { weights in
            (try? QuantileDistribution(values: values, weights: weights, rows: rows))?.quantile(p) ?? .nan
        }
        let standardError = max(replicates.variance(full: q, replicateEstimates: quantiles), 0).squareRoot()
        let finite = standardError.isFinite && critical.isFinite
        return estimate(
            p, q, lower: finite ? q - critical * standardError : nil,
            upper: finite ? q + critical * standardError : nil, standardError: finite ? standardError : nil)
    }

    private func estimate(_ p: Double, _ q: Double, lower: Double?, upper: Double?, standardError: Double?)
        -> QuantileEstimate
    {
        QuantileEstimate(
            probability: p, estimate: q, lower: lower, upper: upper, standardError: standardError,
            degreesOfFreedom: degrees, confidenceLevel: level, count: distribution.count)
    }
}
