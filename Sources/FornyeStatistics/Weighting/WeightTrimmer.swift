/// Keeps weights within per-row bounds while preserving their sum, as R's
/// `trimWeights(design, lower, upper, strict = TRUE)` does.
///
/// R hands the trimmed excess to the untrimmed rows in equal shares; here each untrimmed row
/// gets a share in proportion to its weight. Raking makes weights proportional within cells,
/// and equal shares would undo that and lift small weights the most.
struct WeightTrimmer: Sendable {
    let lower: [Double]
    let upper: [Double]

    init(bounds: WeightBounds, initialWeights: [Double]) {
        switch bounds {
        case .ratio(let low, let high):
            lower = initialWeights.map { $0 * low }
            upper = initialWeights.map { $0 * high }
        case .absolute(let low, let high):
            lower = Array(repeating: low, count: initialWeights.count)
            upper = Array(repeating: high, count: initialWeights.count)
        }
    }

    /// Refuses bounds that no set of weights with the given total can meet.
    func checkFeasible(total: Double, initialWeights: [Double]) throws(StatisticsError) {
        var lowest = 0.0
        var highest = 0.0
        for row in initialWeights.indices where initialWeights[row] > 0 {
            lowest += lower[row]
            highest += upper[row]
        }
        guard lowest <= total, highest >= total else {
            throw .invalidArgument(
                "weight bounds allow weighted totals between \(lowest) and \(highest); "
                    + "the population total is \(total)")
        }
    }

    /// Clamps every positive weight into its bounds and spreads the trimmed amount over the rows
    /// still inside, repeating until none is outside or none is left to absorb it.
    func trim(_ weights: inout [Double]) {
        var fixed = weights.map { $0 <= 0 }
        while true {
            var excess = 0.0
            var newlyFixed = 0
            for row in weights.indices where !fixed[row] {
                let bounded = min(max(weights[row], lower[row]), upper[row])
                guard bounded != weights[row] else { continue }
                excess += weights[row] - bounded
                weights[row] = bounded
                fixed[row] = true
                newlyFixed += 1
            }
            guard newlyFixed > 0 else { return }
            var free = 0.0
            for row in weights.indices where !fixed[row] { free += weights[row] }
            let factor = (free + excess) / free
            // Nothing left to absorb the excess: the next raking sweep restores the totals.
            guard free > 0, factor > 0 else { return }
            for row in weights.indices where !fixed[row] { weights[row] *= factor }
        }
    }

    /// Rows with positive weight sitting at one of their bounds.
    func countAtBounds(_ weights: [Double]) -> Int {
        let slack = 1e-9
        return weights.indices.count { row in
            weights[row] > 0
                && (weights[row] <= lower[row] * (1 + slack) || weights[row] >= upper[row] * (1 - slack))
        }
    }
}
