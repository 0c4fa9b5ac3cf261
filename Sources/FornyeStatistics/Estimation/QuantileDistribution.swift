/// The weighted empirical distribution of one numeric variable in one set of rows: values with
/// positive weight, sorted, with their cumulative weights. Built once, it answers quantiles
/// (R's `qrule = "math"`, survey 4.x's default) and percentile ranks without sorting again.
///
/// ```swift
/// let peers = try QuantileDistribution(values: scores, weights: design.weights, rows: isPeer)
/// peers.quantile(0.5)          // the weighted median, as svyquantile(~score, subset(design, isPeer), 0.5)
/// peers.percentileRank(of: 4)  // share of peers below 4 plus half the share at 4
/// ```
public struct QuantileDistribution: Sendable {
    /// Values in ascending order (ties in row order, as R's `order`), NaN and zero weights left out.
    public let sortedValues: [Double]
    /// Running sum of the weights in `sortedValues` order.
    let cumulativeWeights: [Double]
    /// The rows that entered, in `sortedValues` order.
    let sortedRows: [Int]

    public var count: Int { sortedValues.count }
    public var totalWeight: Double { cumulativeWeights.last ?? 0 }

    /// - Parameters:
    ///   - values: One value per design row; NaN is missing and left out (R's `na.rm = TRUE`).
    ///   - weights: One weight per row; zero weights are left out as `qrule_math` leaves them.
    ///   - rows: The rows of the domain, or nil for all.
    public init(values: [Double], weights: [Double], rows: [Bool]? = nil) throws(StatisticsError) {
        guard values.count == weights.count, rows.map({ $0.count == values.count }) ?? true else {
            throw .lengthMismatch(variable: "quantile values", expected: weights.count, actual: values.count)
        }
        try self.init(sorted: Self.sortedRows(values: values, rows: rows), values: values) { weights[$0] }
    }

    /// The rows with a value (and in `rows`), in ascending order of value; a stable sort keeps
    /// tied values in row order, as R's order() does.
    static func sortedRows(values: [Double], rows: [Bool]?) -> [Int] {
        var used: [Int] = []
        used.reserveCapacity(values.count)
        for row in values.indices where (rows?[row] ?? true) && !values[row].isNaN { used.append(row) }
        return used.enumerated().sorted { a, b in
            values[a.element] < values[b.element] || (values[a.element] == values[b.element] && a.offset < b.offset)
        }.map(\.element)
    }

    /// The distribution of the rows of `order` (from `sortedRows`) that have a positive weight:
    /// one sort serves every set of weights, e.g. every replicate, read in place by `weight`.
    init(sorted order: [Int], values: [Double], weight: (Int) -> Double) throws(StatisticsError) {
        var used: [Int] = []
        used.reserveCapacity(order.count)
        var cumulative: [Double] = []
        cumulative.reserveCapacity(order.count)
        var sum = 0.0
        for row in order {
            let rowWeight = weight(row)
            guard rowWeight > 0 else { continue }
            sum += rowWeight
            used.append(row)
            cumulative.append(sum)
        }
        guard !used.isEmpty else { throw .emptyBase("no row with a value and a positive weight for a quantile") }
        sortedRows = used
        sortedValues = used.map { values[$0] }
        cumulativeWeights = cumulative
    }

    /// The `p` quantile by R's `qrule_math`: the smallest value whose cumulative share reaches `p`
    /// (the last position with a cumulative weight at or below `p·W`, or the one after it unless
    /// that position's share equals `p` exactly). R's edge rule is kept: when no cumulative weight
    /// lies at or below `p·W`, position 1 is taken, so a `p` below the first share gives the
    /// second-smallest value.
    public func quantile(_ p: Double) -> Double {
        let total = totalWeight
        let target = p * total
        // Last index with cumulative ≤ target (binary search; cumulative weights ascend).
        var low = 0
        var high = cumulativeWeights.count
        while low < high {
            let middle = (low + high) / 2
            if cumulativeWeights[middle] <= target { low = middle + 1 } else { high = middle }
        }
        let position = max(low - 1, 0)
        let next = position == count - 1 ? position : position + 1
        let shareBelow = p - cumulativeWeights[position] / total
        return shareBelow == 0 ? sortedValues[position] : sortedValues[next]
    }

    /// The weighted share of values at or below `x`: the empirical distribution function.
    public func share(atOrBelow x: Double) -> Double {
        weightBelow(x, inclusive: true) / totalWeight
    }

    /// The percentile rank of `x` on 0…1: the weighted share below `x` plus half the share equal
    /// to it (the mid-distribution function, the usual rank for scales with many ties). For a
    /// value that occurs, `quantile(percentileRank(of: x)) == x`, unless the rank falls below the
    /// smallest value's own share (R's edge rule in `quantile(_:)`).
    public func percentileRank(of x: Double) -> Double {
        (weightBelow(x, inclusive: false) + weightBelow(x, inclusive: true)) / (2 * totalWeight)
    }

    private func weightBelow(_ x: Double, inclusive: Bool) -> Double {
        var low = 0
        var high = sortedValues.count
        while low < high {
            let middle = (low + high) / 2
            let before = inclusive ? sortedValues[middle] <= x : sortedValues[middle] < x
            if before { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? 0 : cumulativeWeights[low - 1]
    }
}
