/// The variances of `RatioEngine`'s estimates from replicate weights: every total and ratio of a
/// problem is formed again with each replicate's weights, and `ReplicateWeights.variance` turns
/// their spread into the variance. Means, shares, multiple-response shares and totals, overall
/// and in domains, take this path when an `Estimator` has replicate weights.
enum ReplicateEngine {
    static func apply(_ problem: RatioProblem, replicates: ReplicateWeights, into result: inout RatioResult) {
        let domains = problem.domainCount
        let estimates = problem.estimateCount
        let cells = domains * estimates
        let rowCount = problem.rowCount
        let count = replicates.count
        var ratioOfReplicate = [Double](repeating: 0, count: count * cells)
        var totalOfReplicate = [Double](repeating: 0, count: count * cells)
        var numerator = [Double](repeating: 0, count: cells)
        var denominator = [Double](repeating: 0, count: domains)
        let values = problem.valueOfRow
        let denominators = problem.denominatorOfRow
        for (replicate, weights) in replicates.replicates.enumerated() {
            for cell in 0..<cells { numerator[cell] = 0 }
            for domain in 0..<domains { denominator[domain] = 0 }
            for row in 0..<rowCount {
                let weight = weights[row]
                if weight == 0 { continue }
                let b = weight * (denominators?[row] ?? 1)
                for set in 0..<problem.setCount {
                    let domain = Int(problem.domainOfRow[set &* rowCount &+ row])
                    if domain < 0 { continue }
                    denominator[domain] += b
                    for slot in 0..<problem.slotCount {
                        let position = slot &* rowCount &+ row
                        let estimate = Int(problem.estimateOfRow[position])
                        if estimate < 0 { continue }
                        numerator[domain &* estimates &+ estimate] += weight * (values?[position] ?? 1)
                    }
                }
            }
            let offset = replicate * cells
            for domain in 0..<domains {
                for estimate in 0..<estimates {
                    let cell = domain * estimates + estimate
                    totalOfReplicate[offset + cell] = numerator[cell]
                    ratioOfReplicate[offset + cell] =
                        denominator[domain] > 0 ? numerator[cell] / denominator[domain] : .nan
                }
            }
        }
        var column = [Double](repeating: 0, count: count)
        for domain in 0..<domains {
            result.degreesOfFreedom[domain] = replicates.degreesOfFreedom
            result.noVariance[domain] = false
            let fullDenominator = result.denominatorTotal[domain]
            for estimate in 0..<estimates {
                let cell = domain * estimates + estimate
                let total = result.numeratorTotal[cell]
                for replicate in 0..<count { column[replicate] = totalOfReplicate[replicate * cells + cell] }
                result.totalVariance[cell] = replicates.variance(full: total, replicateEstimates: column)
                for replicate in 0..<count { column[replicate] = ratioOfReplicate[replicate * cells + cell] }
                result.ratioVariance[cell] =
                    fullDenominator > 0
                    ? replicates.variance(full: total / fullDenominator, replicateEstimates: column) : .nan
            }
        }
    }
}
