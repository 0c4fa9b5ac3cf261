/// Ratio benchmarking of small-area estimates to published totals (Rao and Molina 2015, §6.2.4):
/// within each group (a county), the estimates are scaled by one factor so that their weighted
/// mean equals the group's direct estimate, which readers also see and trust. The factor is
/// applied to the root MSE too, as a first-order approximation of the benchmarked estimate's error.
///
/// ```swift
/// let adjusted = try SmallAreaBenchmarking.ratio(
///     estimates: eblups, weights: populations, groups: counties, targets: ["46": 0.71, "50": 0.64])
/// ```
public enum SmallAreaBenchmarking {
    public struct Adjusted: Sendable, Hashable {
        public var estimate: Double
        /// The factor the estimate was multiplied by (1 where the group had no target).
        public var factor: Double
    }

    /// - Parameters:
    ///   - estimates: One model estimate per area.
    ///   - weights: Each area's share in its group's total (population, units), ≥ 0.
    ///   - groups: Each area's group; a group missing from `targets` is left as it is.
    ///   - targets: The weighted mean each group must reach.
    /// - Throws: ``StatisticsError/invalidArgument(_:)`` for mismatched lengths, a negative or
    ///   non-finite weight or estimate, or a group whose weighted estimates sum to 0 while its target is not 0.
    public static func ratio(
        estimates: [Double], weights: [Double], groups: [String], targets: [String: Double]
    ) throws(StatisticsError) -> [Adjusted] {
        guard weights.count == estimates.count, groups.count == estimates.count else {
            throw .invalidArgument("benchmarking: estimates, weights and groups must have one entry per area")
        }
        guard estimates.allSatisfy(\.isFinite), weights.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw .invalidArgument("benchmarking: estimates must be finite and weights finite and ≥ 0")
        }
        var weighted: [String: (sum: Double, weight: Double)] = [:]
        for index in estimates.indices {
            weighted[groups[index], default: (0, 0)].sum += weights[index] * estimates[index]
            weighted[groups[index], default: (0, 0)].weight += weights[index]
        }
        var factors: [String: Double] = [:]
        for (group, target) in targets {
            guard let totals = weighted[group], totals.weight > 0 else { continue }
            let mean = totals.sum / totals.weight
            guard mean != 0 else {
                if target == 0 { continue }
                throw .invalidArgument("benchmarking: group \(group) has estimates averaging 0, target \(target)")
            }
            factors[group] = target / mean
        }
        return estimates.indices.map { index in
            let factor = factors[groups[index]] ?? 1
            return Adjusted(estimate: estimates[index] * factor, factor: factor)
        }
    }
}
