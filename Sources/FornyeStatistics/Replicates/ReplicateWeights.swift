/// Replicate weights and the variance they give, as R's `svrepdesign`/`as.svrepdesign`:
/// `v = scale · Σ_r rscale_r (θ_r − θ̄)²`, θ_r the estimate with replicate r's weights and θ̄
/// their mean (or the full-sample estimate with `mse`, R's `mse = TRUE`; the default is R's
/// `FALSE`).
///
/// Make them from an uncalibrated design (`jackknife`, `bootstrap`, `balancedHalfSamples`) or take
/// them as given (`init`), then calibrate with `calibrated(_:by:)`, which calibrates the full
/// weights and every replicate the same way, as R's `postStratify`, `rake` and `calibrate` do
/// on a replicate design.
public struct ReplicateWeights: Sendable {
    public enum Method: String, Sendable, Codable, CaseIterable {
        case jk1 = "JK1", jkn = "JKn", bootstrap, subbootstrap, brr = "BRR", fay = "Fay", other
    }

    public let method: Method
    /// Every row's weights in all replicates, row after row: entry `row * count + replicate`. One
    /// row's replicate weights lie side by side, so a single pass over the rows adds each row to
    /// every replicate's totals at once (`ReplicateEngine`).
    public let weightsByRow: [Double]
    public let rowCount: Int
    /// The number of replicates.
    public let count: Int
    public let scale: Double
    /// One factor per replicate.
    public let rscales: [Double]
    /// Centre the replicates on the full-sample estimate rather than on their mean.
    public var mse: Bool
    /// The degrees of freedom of intervals: R's `degf` of the replicate design.
    public let degreesOfFreedom: Int

    /// One array per replicate: every row's analysis weight in that replicate (a copy; for
    /// export and calibration, not for loops over rows).
    public var replicates: [[Double]] { (0..<count).map(replicate) }

    /// Every row's weight in replicate `index` (a copy).
    public func replicate(_ index: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: rowCount) { buffer, initialized in
            weightsByRow.withUnsafeBufferPointer { all in
                for row in 0..<rowCount { buffer[row] = all[row &* count &+ index] }
            }
            initialized = rowCount
        }
    }

    /// Replicate weights as given (R's `svrepdesign(repweights =, type =, scale =, rscales =)`).
    ///
    /// - Parameter degreesOfFreedom: nil for R's default, the number of replicates minus one.
    public init(
        method: Method, replicates: [[Double]], scale: Double, rscales: [Double]? = nil, mse: Bool = false,
        degreesOfFreedom: Int? = nil
    ) throws(StatisticsError) {
        guard let rows = replicates.first?.count, rows > 0 else {
            throw .invalidArgument("replicate weights need at least one replicate with rows")
        }
        for (index, replicate) in replicates.enumerated() {
            guard replicate.count == rows else {
                throw .lengthMismatch(variable: "replicate \(index + 1)", expected: rows, actual: replicate.count)
            }
            if let row = replicate.firstIndex(where: { !($0 >= 0) || !$0.isFinite }) {
                throw .invalidValue(
                    variable: "replicate \(index + 1)", row: row + 1,
                    message: "replicate weight \(replicate[row]) must be a finite number, not negative")
            }
        }
        try self.init(
            method: method, weightsByRow: Self.rowMajor(replicates, rows: rows), rowCount: rows,
            count: replicates.count, scale: scale, rscales: rscales, mse: mse, degreesOfFreedom: degreesOfFreedom)
    }

    /// Replicate weights laid out row after row (`weightsByRow`), as the generators make them;
    /// every weight must already be finite and not negative.
    init(
        method: Method, weightsByRow: [Double], rowCount: Int, count: Int, scale: Double, rscales: [Double]?,
        mse: Bool = false, degreesOfFreedom: Int?
    ) throws(StatisticsError) {
        guard rowCount > 0, count > 0, weightsByRow.count == rowCount * count else {
            throw .invalidArgument("replicate weights need at least one replicate with rows")
        }
        let rscales = rscales ?? [Double](repeating: 1, count: count)
        guard rscales.count == count, scale > 0, scale.isFinite, rscales.allSatisfy({ $0 >= 0 && $0.isFinite })
        else {
            throw .invalidArgument("replicate scale must be positive and rscales one non-negative number per replicate")
        }
        self.method = method
        self.weightsByRow = weightsByRow
        self.rowCount = rowCount
        self.count = count
        self.scale = scale
        self.rscales = rscales
        self.mse = mse
        self.degreesOfFreedom = degreesOfFreedom ?? max(count - 1, 0)
    }

    /// Replicate columns transposed to rows, a block of rows at a time so that the writes stay in cache.
    private static func rowMajor(_ columns: [[Double]], rows: Int) -> [Double] {
        let count = columns.count
        return [Double](unsafeUninitializedCapacity: rows * count) { buffer, initialized in
            let block = 256
            for start in stride(from: 0, to: rows, by: block) {
                let end = min(start + block, rows)
                for (replicate, column) in columns.enumerated() {
                    column.withUnsafeBufferPointer { column in
                        for row in start..<end { buffer[row &* count &+ replicate] = column[row] }
                    }
                }
            }
            initialized = rows * count
        }
    }

    /// The variance of an estimate from its full-sample value and its value in every replicate.
    /// Replicates whose estimate is not a number (an empty domain in that replicate) are left out,
    /// as R's `na.rm` would.
    public func variance(full: Double, replicateEstimates: [Double]) -> Double {
        var sum = 0.0
        var count = 0.0
        for value in replicateEstimates where value.isFinite {
            sum += value
            count += 1
        }
        guard count > 0 else { return .nan }
        let centre = mse ? full : sum / count
        var total = 0.0
        for (value, factor) in zip(replicateEstimates, rscales) where value.isFinite {
            total += factor * (value - centre) * (value - centre)
        }
        return scale * total
    }

    /// The full design and these replicates both calibrated by `calibrate` (post-stratification,
    /// raking or `Weighting.calibrate`): R's calibration of a replicate design, which calibrates
    /// every replicate's weights to the same totals. Intervals then take R's degrees of freedom of
    /// a calibrated replicate design, the rank of its replicate weights minus one.
    public func calibrated(
        _ design: SurveyDesign, by calibrate: (SurveyDesign) throws(StatisticsError) -> SurveyDesign
    ) throws(StatisticsError) -> (design: SurveyDesign, replicates: ReplicateWeights) {
        guard design.rowCount == rowCount else {
            throw .lengthMismatch(variable: "replicate weights", expected: design.rowCount, actual: rowCount)
        }
        let full = try calibrate(design)
        var calibrated: [[Double]] = []
        calibrated.reserveCapacity(count)
        for index in 0..<count {
            do {
                calibrated.append(try calibrate(design.reweighted(replicate(index))).weights)
            } catch {
                throw .invalidArgument("replicate \(index + 1) cannot be calibrated: \(error.description)")
            }
        }
        let rank = ReplicateWeights.rank(of: calibrated)
        return (
            full,
            try ReplicateWeights(
                method: method, replicates: calibrated, scale: scale, rscales: rscales, mse: mse,
                degreesOfFreedom: rank - 1)
        )
    }

    /// The rank of the rows × replicates weight matrix as R's `qr(tol = 1e-5)$rank` finds it, from
    /// the eigenvalues of its Gram matrix: columns whose share of the norm left after the others is
    /// below 1e-5 do not count.
    static func rank(of replicates: [[Double]]) -> Int {
        // Modified Gram–Schmidt with R's relative tolerance on each column's remaining norm.
        var basis: [[Double]] = []
        for column in replicates {
            var remaining = column
            let norm = euclideanNorm(column[...])
            guard norm > 0 else { continue }
            for vector in basis {
                var dot = 0.0
                for row in remaining.indices { dot += vector[row] * remaining[row] }
                for row in remaining.indices { remaining[row] -= dot * vector[row] }
            }
            let left = euclideanNorm(remaining[...])
            if left > 1e-5 * norm { basis.append(remaining.map { $0 / left }) }
        }
        return basis.count
    }
}
