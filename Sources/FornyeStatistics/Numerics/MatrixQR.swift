extension Matrix {
    /// R's default tolerance in `qr()`: a column whose part not explained by the columns before
    /// it has fallen below this fraction of its original norm counts as linearly dependent.
    static let qrRankTolerance = 1e-7

    /// Residuals of regressing each column of `y` on the columns of `self`
    /// (R's `qr.resid(qr(X), y)`), by a rank-revealing Householder QR.
    ///
    /// Columns of `self` are taken left to right, as R's LINPACK `dqrdc2` does; a column that the
    /// earlier ones explain up to a relative norm of 1e-7 is skipped, so collinear or all-zero
    /// columns do not disturb the fit. This is how calibration residuals are formed.
    ///
    /// ```swift
    /// let x = Matrix([[1, 1], [1, 2], [1, 3]])
    /// let e = x.qrResiduals(of: Matrix([[1], [3], [2]]))  // [[-0.5], [1], [-0.5]]
    /// ```
    ///
    /// - Parameter y: The responses, one column each, with as many rows as `self`.
    /// - Returns: A matrix the size of `y`.
    public func qrResiduals(of y: Matrix) -> Matrix {
        precondition(y.rows == rows, "qrResiduals: x has \(rows) rows, y has \(y.rows)")
        let reflectors = householderReflectors()
        if reflectors.rank >= rows { return Matrix(rows: y.rows, columns: y.columns) }
        var result = y
        for column in 0..<y.columns {
            var values = (0..<rows).map { y[$0, column] }
            // Qᵀy, drop the part in the column space, then back with Q.
            for reflector in reflectors.vectors { reflector.apply(to: &values) }
            for index in 0..<reflectors.rank { values[index] = 0 }
            for reflector in reflectors.vectors.reversed() { reflector.apply(to: &values) }
            for row in 0..<rows { result[row, column] = values[row] }
        }
        return result
    }

    /// The Householder vectors for the columns judged independent, and their number (the rank).
    private func householderReflectors() -> (vectors: [HouseholderReflector], rank: Int) {
        let n = rows
        var remaining = (0..<columns).map { column in (0..<n).map { self[$0, column] } }
        var originalNorms = remaining.map { column -> Double in
            let norm = euclideanNorm(column[...])
            return norm == 0 ? 1 : norm
        }
        var vectors: [HouseholderReflector] = []
        var accepted = 0
        var candidates = columns
        while accepted < min(n, candidates) {
            let l = accepted
            let norm = euclideanNorm(remaining[l][l...])
            if norm < originalNorms[l] * Self.qrRankTolerance {
                // Dependent on the columns before it: move it to the end, out of the fit.
                remaining.append(remaining.remove(at: l))
                originalNorms.append(originalNorms.remove(at: l))
                candidates -= 1
                continue
            }
            accepted += 1
            if l == n - 1 { break }
            let reflector = HouseholderReflector(column: remaining[l], from: l, norm: norm)
            for j in l + 1..<remaining.count { reflector.apply(to: &remaining[j]) }
            vectors.append(reflector)
        }
        return (vectors, accepted)
    }
}

/// H = I − v vᵀ / (vᵀv / 2) acting on rows `start…` of a vector, chosen to map a column onto a
/// multiple of its first component.
struct HouseholderReflector {
    let start: Int
    let vector: [Double]
    let halfSquaredNorm: Double

    init(column: [Double], from start: Int, norm: Double) {
        self.start = start
        var vector = Array(column[start...])
        // Add the norm with the sign of the leading entry so nothing cancels.
        let alpha = vector[0] >= 0 ? norm : -norm
        vector[0] += alpha
        self.vector = vector
        halfSquaredNorm = alpha * vector[0]
    }

    func apply(to values: inout [Double]) {
        var dot = 0.0
        for index in vector.indices { dot += vector[index] * values[start + index] }
        let factor = dot / halfSquaredNorm
        for index in vector.indices { values[start + index] -= factor * vector[index] }
    }
}

/// The 2-norm, scaled so that squares neither overflow nor underflow.
func euclideanNorm(_ values: ArraySlice<Double>) -> Double {
    let scale = values.reduce(0) { max($0, abs($1)) }
    if scale == 0 || !scale.isFinite { return scale }
    let sum = values.reduce(0) { $0 + ($1 / scale) * ($1 / scale) }
    return scale * sum.squareRoot()
}
