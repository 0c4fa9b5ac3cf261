/// The variances of `RatioEngine`'s estimates from replicate weights: every total and ratio of a
/// problem is formed again with each replicate's weights, and `ReplicateWeights.variance` turns
/// their spread into the variance. Means, shares, multiple-response shares and totals, overall
/// and in domains, take this path when an `Estimator` has replicate weights.
///
/// One pass over the rows forms the totals of every cell in every replicate at once: a row's
/// replicate weights lie side by side (`ReplicateWeights.weightsByRow`), and the totals of a cell
/// lie side by side too, one per replicate, so each row adds one contiguous vector to each cell it
/// reaches. Nothing is allocated per replicate and the data are read once.
enum ReplicateEngine {
    static func apply(_ problem: RatioProblem, replicates: ReplicateWeights, into result: inout RatioResult) {
        let domains = problem.domainCount
        let estimates = problem.estimateCount
        let count = replicates.count
        // Per domain, `estimates` numerator columns and one denominator column, each `count` wide.
        let width = estimates + 1
        var sums = [Double](repeating: 0, count: domains * width * count)
        let plainShares =
            problem.slotCount == 1 && problem.valueOfRow == nil && problem.denominatorOfRow == nil
        sums.withUnsafeMutableBufferPointer { sums in
            replicates.weightsByRow.withUnsafeBufferPointer { weights in
                if plainShares {
                    addPlainShares(problem, weights: weights, count: count, into: sums)
                } else {
                    addRatios(problem, weights: weights, count: count, into: sums)
                }
            }
            if plainShares {
                // Every base row of a domain is in one numerator column or (no category) in the
                // denominator column: the denominator is the sum of all of them.
                for domain in 0..<domains {
                    let denominator = sums.baseAddress! + (domain * width + estimates) * count
                    for estimate in 0..<estimates {
                        add(sums.baseAddress! + (domain * width + estimate) * count, into: denominator, count)
                    }
                }
            }
        }
        var column = [Double](repeating: 0, count: count)
        for domain in 0..<domains {
            result.degreesOfFreedom[domain] = replicates.degreesOfFreedom
            result.noVariance[domain] = false
            let fullDenominator = result.denominatorTotal[domain]
            let denominator = (domain * width + estimates) * count
            for estimate in 0..<estimates {
                let cell = domain * estimates + estimate
                let numerator = (domain * width + estimate) * count
                let total = result.numeratorTotal[cell]
                for replicate in 0..<count { column[replicate] = sums[numerator + replicate] }
                result.totalVariance[cell] = replicates.variance(full: total, replicateEstimates: column)
                for replicate in 0..<count {
                    let base = sums[denominator + replicate]
                    column[replicate] = base > 0 ? sums[numerator + replicate] / base : .nan
                }
                result.ratioVariance[cell] =
                    fullDenominator > 0
                    ? replicates.variance(full: total / fullDenominator, replicateEstimates: column) : .nan
            }
        }
    }

    /// Shares: one slot, y = 1 and x = 1, so a row adds its weights to its category's column, or
    /// to the denominator column when it is in the base without a category.
    private static func addPlainShares(
        _ problem: RatioProblem, weights: UnsafeBufferPointer<Double>, count: Int,
        into sums: UnsafeMutableBufferPointer<Double>
    ) {
        let rowCount = problem.rowCount
        let width = problem.estimateCount + 1
        let outside = problem.estimateCount
        problem.domainOfRow.withUnsafeBufferPointer { domainOfRow in
            problem.estimateOfRow.withUnsafeBufferPointer { estimateOfRow in
                for row in 0..<rowCount {
                    let rowWeights = weights.baseAddress! + row &* count
                    let estimate = Int(estimateOfRow[row])
                    let column = estimate >= 0 ? estimate : outside
                    for set in 0..<problem.setCount {
                        let domain = Int(domainOfRow[set &* rowCount &+ row])
                        if domain < 0 { continue }
                        add(rowWeights, into: sums.baseAddress! + (domain &* width &+ column) &* count, count)
                    }
                }
            }
        }
    }

    /// Any ratio: a row adds x times its weights to its domain's denominator column and, in each
    /// slot, y times its weights to the estimate's column.
    private static func addRatios(
        _ problem: RatioProblem, weights: UnsafeBufferPointer<Double>, count: Int,
        into sums: UnsafeMutableBufferPointer<Double>
    ) {
        let rowCount = problem.rowCount
        let width = problem.estimateCount + 1
        let denominatorColumn = problem.estimateCount
        let values = problem.valueOfRow
        let denominators = problem.denominatorOfRow
        problem.domainOfRow.withUnsafeBufferPointer { domainOfRow in
            problem.estimateOfRow.withUnsafeBufferPointer { estimateOfRow in
                for row in 0..<rowCount {
                    let rowWeights = weights.baseAddress! + row &* count
                    let x = denominators?[row] ?? 1
                    for set in 0..<problem.setCount {
                        let domain = Int(domainOfRow[set &* rowCount &+ row])
                        if domain < 0 { continue }
                        let first = sums.baseAddress! + domain &* width &* count
                        add(x, times: rowWeights, into: first + denominatorColumn &* count, count)
                        for slot in 0..<problem.slotCount {
                            let position = slot &* rowCount &+ row
                            let estimate = Int(estimateOfRow[position])
                            if estimate < 0 { continue }
                            add(values?[position] ?? 1, times: rowWeights, into: first + estimate &* count, count)
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func add(_ source: UnsafePointer<Double>, into target: UnsafeMutablePointer<Double>, _ count: Int) {
        for index in 0..<count { target[index] += source[index] }
    }

    @inline(__always)
    private static func add(
        _ factor: Double, times source: UnsafePointer<Double>, into target: UnsafeMutablePointer<Double>, _ count: Int
    ) {
        if factor == 0 { return }
        for index in 0..<count { target[index] += factor * source[index] }
    }
}
