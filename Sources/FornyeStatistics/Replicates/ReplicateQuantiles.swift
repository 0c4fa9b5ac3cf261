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
        // The analysed rows' weights in every replicate, read straight from the row-major matrix.
        let count = replicates.count
        let subset = replicates.weightsByRow.withUnsafeBufferPointer { all in
            (0..<count).map { replicate in analysed.map { all[$0 &* count &+ replicate] } }
        }
        degrees = ReplicateWeights.rank(of: subset) - 1
        critical =
            degrees > 0 ? Distributions.studentTQuantile(1 - (1 - level) / 2, degreesOfFreedom: Double(degrees)) : .nan
    }

    func estimates(_ probabilities: [Double], interval: QuantileInterval) -> [QuantileEstimate] {
        switch interval {
        case .woodruff:
            return probabilities.map { p in woodruff(p, distribution.quantile(p)) }
        case .replicateQuantiles:
            let distributions = replicateDistributions()
            return probabilities.map { p in replicateQuantiles(p, distribution.quantile(p), distributions) }
        }
    }

    /// Every replicate's distribution of the analysed values, made once for all probabilities:
    /// the rows are sorted once and each replicate's weights are read in place. Nil for a
    /// replicate with no positive weight among the analysed rows.
    private func replicateDistributions() -> [QuantileDistribution?] {
        let order = QuantileDistribution.sortedRows(values: values, rows: rows)
        let count = replicates.count
        return replicates.weightsByRow.withUnsafeBufferPointer { all in
            (0..<count).map { replicate in
                try? QuantileDistribution(sorted: order, values: values) { all[$0 &* count &+ replicate] }
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
    private func replicateQuantiles(_ p: Double, _ q: Double, _ distributions: [QuantileDistribution?])
        -> QuantileEstimate
    {
        let quantiles = distributions.map { $0?.quantile(p) ?? .nan }
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
