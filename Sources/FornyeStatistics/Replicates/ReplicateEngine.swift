import Dispatch

/// `RatioEngine`'s estimates with variances from replicate weights: every total and ratio of a
/// problem is formed again with each replicate's weights, and `ReplicateWeights.variance` turns
/// their spread into the variance. Means, shares, multiple-response shares and totals, overall
/// and in domains, take this path when an `Estimator` has replicate weights.
///
/// One pass over the rows forms the full-sample totals and counts and the totals of every cell in
/// every replicate at once: a row's replicate weights lie side by side
/// (`ReplicateWeights.weightsByRow`), and the totals of a cell lie side by side too, one per
/// replicate, so each row adds one contiguous vector to each cell it reaches. No stratum sums are
/// formed (the replicates carry the design), nothing is allocated per row or per replicate, and
/// the data are read once. The rows are cut into fixed chunks, summed on all cores and added up in
/// chunk order, so the numbers depend on the chunk size but never on the number of threads.
enum ReplicateEngine {
    /// How the rows are cut and summed; tests vary both to show that the threads do not matter.
    struct Chunking: Sendable {
        /// Rows per chunk: a chunk's replicate weights (rows × replicates doubles) are read once,
        /// and its partial sums stay in cache; 100,000 rows give both cores several chunks.
        var rows = 1 << 14
        /// Threads that share the chunks (each takes every `workers`-th chunk); nil lets Dispatch
        /// spread the chunks over the cores.
        var workers: Int?
        /// At most this many bytes of partial sums over all chunks: with many domains the chunks
        /// grow instead, so memory stays bounded whatever the row count.
        var partialBytes = 1 << 26
    }

    /// The chunking of the current task. Tests vary it with `ReplicateEngine.$chunking.withValue`;
    /// a task-local keeps the knob out of `Estimator`, whose layout other modules compile against.
    @TaskLocal static var chunking = Chunking()

    static func run(
        _ problem: RatioProblem, design: SurveyDesign, replicates: ReplicateWeights, chunking: Chunking = chunking
    ) -> RatioResult {
        let layout = Layout(problem, replicates: replicates.count)
        let rowCount = problem.rowCount
        let stride = max(layout.doubles + layout.integers, 1)
        let limit = max(chunking.partialBytes / (stride * MemoryLayout<Double>.size), 1)
        let wanted = max(chunking.rows, 1)
        let chunkRows = (rowCount + wanted - 1) / wanted > limit ? (rowCount + limit - 1) / limit : wanted
        let chunks = max((rowCount + chunkRows - 1) / chunkRows, 1)
        var doubles = [Double](repeating: 0, count: chunks * layout.doubles)
        var integers = [Int](repeating: 0, count: chunks * layout.integers)
        return doubles.withUnsafeMutableBufferPointer { doubles in
            integers.withUnsafeMutableBufferPointer { integers in
                replicates.weightsByRow.withUnsafeBufferPointer { replicateWeights in
                    design.weights.withUnsafeBufferPointer { weights in
                        nonisolated(unsafe) let doubleBase = doubles.baseAddress!
                        nonisolated(unsafe) let integerBase = integers.baseAddress!
                        nonisolated(unsafe) let replicateBase = replicateWeights.baseAddress!
                        nonisolated(unsafe) let weightBase = weights.baseAddress!
                        let sumChunk: @Sendable (Int) -> Void = { chunk in
                            let rows = chunk * chunkRows..<min((chunk + 1) * chunkRows, rowCount)
                            let sums = Sums(
                                layout: layout, doubles: doubleBase + chunk * layout.doubles,
                                integers: integerBase + chunk * layout.integers)
                            add(problem, rows: rows, weights: weightBase, replicates: replicateBase, into: sums)
                        }
                        let workers = min(chunking.workers ?? chunks, chunks)
                        if workers <= 1 {
                            for chunk in 0..<chunks { sumChunk(chunk) }
                        } else if workers == chunks {
                            DispatchQueue.concurrentPerform(iterations: chunks, execute: sumChunk)
                        } else {
                            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                                for chunk in Swift.stride(from: worker, to: chunks, by: workers) { sumChunk(chunk) }
                            }
                        }
                    }
                }
                // Chunk after chunk into the first, so the order of additions is fixed.
                for chunk in 1..<chunks {
                    add(doubles.baseAddress! + chunk * layout.doubles, into: doubles.baseAddress!, layout.doubles)
                    for index in 0..<layout.integers {
                        integers[index] &+= integers[chunk * layout.integers + index]
                    }
                }
                let merged = Sums(layout: layout, doubles: doubles.baseAddress!, integers: integers.baseAddress!)
                return result(problem, layout: layout, sums: merged, replicates: replicates)
            }
        }
    }

    /// Where each sum lies in a chunk's partial buffers. Doubles: per domain `estimates + 1`
    /// columns (the estimates' numerators, then the denominator), each `count` replicates wide;
    /// then the full sample's weighted base and denominator per domain and numerator and Σw·y²
    /// per cell. Integers: base rows and rows with positive weight per domain, rows per cell.
    struct Layout {
        let domains: Int
        let estimates: Int
        let count: Int
        let width: Int
        let cells: Int
        let replicateSums: Int
        let weightedBase: Int
        let denominatorTotal: Int
        let numeratorTotal: Int
        let weightedSquares: Int
        let doubles: Int
        let baseCount = 0
        let positiveCount: Int
        let cellCount: Int
        let integers: Int

        init(_ problem: RatioProblem, replicates count: Int) {
            domains = problem.domainCount
            estimates = problem.estimateCount
            self.count = count
            width = estimates + 1
            cells = domains * estimates
            replicateSums = domains * width * count
            weightedBase = replicateSums
            denominatorTotal = weightedBase + domains
            numeratorTotal = denominatorTotal + domains
            weightedSquares = numeratorTotal + cells
            doubles = weightedSquares + cells
            positiveCount = domains
            cellCount = 2 * domains
            integers = 2 * domains + cells
        }
    }

    /// One chunk's partial sums (or, after the merge, the whole sample's).
    struct Sums {
        let layout: Layout
        let doubles: UnsafeMutablePointer<Double>
        let integers: UnsafeMutablePointer<Int>

        /// The replicate totals of column `column` (an estimate, or `estimates` for the
        /// denominator) of `domain`.
        @inline(__always)
        func replicateColumn(_ domain: Int, _ column: Int) -> UnsafeMutablePointer<Double> {
            doubles + (domain &* layout.width &+ column) &* layout.count
        }

        /// The full sample's first moments of a domain a row is in, and of its cell when it has one.
        @inline(__always)
        func addDomain(_ domain: Int, weight: Double, denominator: Double) {
            doubles[layout.weightedBase &+ domain] += weight
            doubles[layout.denominatorTotal &+ domain] += denominator
            integers[layout.baseCount &+ domain] &+= 1
            if weight > 0 { integers[layout.positiveCount &+ domain] &+= 1 }
        }

        @inline(__always)
        func addCell(_ cell: Int, weighted: Double, value: Double) {
            doubles[layout.numeratorTotal &+ cell] += weighted
            doubles[layout.weightedSquares &+ cell] += weighted * value
            integers[layout.cellCount &+ cell] &+= 1
        }
    }

    /// Adds the rows' full-sample moments and replicate totals to `sums`.
    private static func add(
        _ problem: RatioProblem, rows: Range<Int>, weights: UnsafePointer<Double>,
        replicates: UnsafePointer<Double>, into sums: Sums
    ) {
        let rowCount = problem.rowCount
        let count = sums.layout.count
        let estimates = problem.estimateCount
        let outside = estimates
        let setCount = problem.setCount
        let slotCount = problem.slotCount
        problem.domainOfRow.withUnsafeBufferPointer { domainOfRow in
            problem.estimateOfRow.withUnsafeBufferPointer { estimateOfRow in
                if slotCount == 1 && problem.valueOfRow == nil && problem.denominatorOfRow == nil {
                    // Shares: y = 1 and x = 1, so a row adds its weights to its category's column
                    // or, in the base without a category, to the denominator column; the
                    // denominator is formed from all columns after the merge.
                    for row in rows {
                        let rowWeights = replicates + row &* count
                        let weight = weights[row]
                        let estimate = Int(estimateOfRow[row])
                        let column = estimate >= 0 ? estimate : outside
                        for set in 0..<setCount {
                            let domain = Int(domainOfRow[set &* rowCount &+ row])
                            if domain < 0 { continue }
                            sums.addDomain(domain, weight: weight, denominator: weight)
                            if estimate >= 0 {
                                sums.addCell(domain &* estimates &+ estimate, weighted: weight, value: 1)
                            }
                            add(rowWeights, into: sums.replicateColumn(domain, column), count)
                        }
                    }
                    return
                }
                // Any ratio: a row adds x times its weights to its domain's denominator column
                // and, in each slot, y times its weights to the estimate's column.
                let values = problem.valueOfRow
                let denominators = problem.denominatorOfRow
                for row in rows {
                    let rowWeights = replicates + row &* count
                    let weight = weights[row]
                    let x = denominators?[row] ?? 1
                    for set in 0..<setCount {
                        let domain = Int(domainOfRow[set &* rowCount &+ row])
                        if domain < 0 { continue }
                        sums.addDomain(domain, weight: weight, denominator: weight * x)
                        add(x, times: rowWeights, into: sums.replicateColumn(domain, outside), count)
                        for slot in 0..<slotCount {
                            let position = slot &* rowCount &+ row
                            let estimate = Int(estimateOfRow[position])
                            if estimate < 0 { continue }
                            let y = values?[position] ?? 1
                            sums.addCell(domain &* estimates &+ estimate, weighted: weight * y, value: y)
                            add(y, times: rowWeights, into: sums.replicateColumn(domain, estimate), count)
                        }
                    }
                }
            }
        }
    }

    /// The estimates from the merged sums, and their variances from the replicates' spread.
    private static func result(
        _ problem: RatioProblem, layout: Layout, sums: Sums, replicates: ReplicateWeights
    ) -> RatioResult {
        let domains = layout.domains
        let estimates = layout.estimates
        let count = layout.count
        let cells = layout.cells
        if problem.slotCount == 1 && problem.valueOfRow == nil && problem.denominatorOfRow == nil {
            // Every base row of a domain is in one numerator column or (no category) in the
            // denominator column: the denominator is the sum of all of them.
            for domain in 0..<domains {
                for estimate in 0..<estimates {
                    add(sums.replicateColumn(domain, estimate), into: sums.replicateColumn(domain, estimates), count)
                }
            }
        }
        let doubles = sums.doubles
        let integers = sums.integers
        let domainDoubles = { (start: Int) in (0..<domains).map { doubles[start + $0] } }
        let cellDoubles = { (start: Int) in (0..<cells).map { doubles[start + $0] } }
        var result = RatioResult(
            weightedBase: domainDoubles(layout.weightedBase), denominatorTotal: domainDoubles(layout.denominatorTotal),
            baseCount: (0..<domains).map { integers[layout.baseCount + $0] },
            positiveCount: (0..<domains).map { integers[layout.positiveCount + $0] },
            degreesOfFreedom: .init(repeating: replicates.degreesOfFreedom, count: domains),
            numeratorTotal: cellDoubles(layout.numeratorTotal),
            cellCount: (0..<cells).map { integers[layout.cellCount + $0] },
            weightedSquares: cellDoubles(layout.weightedSquares),
            ratioVariance: .init(repeating: 0, count: cells), totalVariance: .init(repeating: 0, count: cells),
            noVariance: .init(repeating: false, count: domains))
        var column = [Double](repeating: 0, count: count)
        for domain in 0..<domains {
            let fullDenominator = result.denominatorTotal[domain]
            let denominator = sums.replicateColumn(domain, estimates)
            for estimate in 0..<estimates {
                let cell = domain * estimates + estimate
                let numerator = sums.replicateColumn(domain, estimate)
                let total = result.numeratorTotal[cell]
                for replicate in 0..<count { column[replicate] = numerator[replicate] }
                result.totalVariance[cell] = replicates.variance(full: total, replicateEstimates: column)
                for replicate in 0..<count {
                    let base = denominator[replicate]
                    column[replicate] = base > 0 ? numerator[replicate] / base : .nan
                }
                result.ratioVariance[cell] =
                    fullDenominator > 0
                    ? replicates.variance(full: total / fullDenominator, replicateEstimates: column) : .nan
            }
        }
        return result
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
