extension Matrix {
    /// The solution X of `self * X = rhs` (R's `solve(a, b)`), by LU decomposition with partial
    /// pivoting.
    ///
    /// Like R, a matrix whose reciprocal condition number in the 1-norm is below machine epsilon
    /// counts as singular. R estimates that number; here it is computed exactly, which matters
    /// only for matrices right at the threshold.
    ///
    /// ```swift
    /// let x = try Matrix([[2, 1], [1, 3]]).solving(Matrix([[3], [5]]))  // [[0.8], [1.4]]
    /// ```
    ///
    /// - Parameter rhs: One column per right-hand side, with as many rows as `self`.
    /// - Throws: `StatisticsError.invalidArgument` if `self` is not square, the sizes do not
    ///   match, an entry is not finite, or `self` is singular.
    public func solving(_ rhs: Matrix) throws(StatisticsError) -> Matrix {
        guard rhs.rows == rows else {
            throw .invalidArgument("cannot solve: the matrix has \(rows) rows, the right-hand side \(rhs.rows)")
        }
        let factors = try LUFactors(self)
        try factors.checkConditioning(of: self)
        return factors.solve(rhs)
    }

    /// The inverse matrix (R's `solve(a)`).
    ///
    /// - Throws: `StatisticsError.invalidArgument` if `self` is not square, has a non-finite
    ///   entry, or is singular.
    public func inverse() throws(StatisticsError) -> Matrix {
        try solving(.identity(rows))
    }

    /// The 1-norm: the largest column sum of absolute values.
    var oneNorm: Double {
        (0..<columns).map { column in (0..<rows).reduce(0) { $0 + abs(self[$1, column]) } }.max() ?? 0
    }
}

/// PA = LU for a square matrix, L unit lower triangular and U upper triangular, stored together.
struct LUFactors {
    let size: Int
    /// Row-major; below the diagonal L, on and above it U.
    private var lu: [Double]
    /// Row `i` of PA is row `permutation[i]` of A.
    private var permutation: [Int]

    init(_ matrix: Matrix) throws(StatisticsError) {
        guard matrix.rows == matrix.columns else {
            throw .invalidArgument("cannot solve: the matrix is \(matrix.rows) × \(matrix.columns), not square")
        }
        guard matrix.values.allSatisfy(\.isFinite) else {
            throw .invalidArgument("cannot solve: the matrix has an entry that is not finite")
        }
        let n = matrix.rows
        size = n
        lu = matrix.values
        permutation = Array(0..<n)
        for k in 0..<n {
            var pivotRow = k
            for row in k + 1..<n where abs(lu[row * n + k]) > abs(lu[pivotRow * n + k]) {
                pivotRow = row
            }
            let pivot = lu[pivotRow * n + k]
            if pivot == 0 {
                throw .invalidArgument("cannot solve: the matrix is exactly singular (pivot \(k + 1) is 0)")
            }
            if pivotRow != k {
                for column in 0..<n { lu.swapAt(k * n + column, pivotRow * n + column) }
                permutation.swapAt(k, pivotRow)
            }
            for row in k + 1..<n {
                let factor = lu[row * n + k] / pivot
                lu[row * n + k] = factor
                if factor == 0 { continue }
                for column in k + 1..<n { lu[row * n + column] -= factor * lu[k * n + column] }
            }
        }
    }

    /// Throws when 1/(‖A‖₁ ‖A⁻¹‖₁) is below machine epsilon, R's test in `solve`.
    func checkConditioning(of matrix: Matrix) throws(StatisticsError) {
        let reciprocal = 1 / (matrix.oneNorm * solve(.identity(size)).oneNorm)
        if !(reciprocal >= Double.ulpOfOne) {
            throw .invalidArgument(
                "cannot solve: the matrix is computationally singular (reciprocal condition number \(reciprocal))")
        }
    }

    func solve(_ rhs: Matrix) -> Matrix {
        let n = size
        let width = rhs.columns
        var x = [Double](repeating: 0, count: n * width)
        for row in 0..<n {
            for column in 0..<width { x[row * width + column] = rhs[permutation[row], column] }
        }
        // Forward substitution with L (unit diagonal), then back substitution with U.
        for row in 0..<n {
            for inner in 0..<row {
                let factor = lu[row * n + inner]
                if factor == 0 { continue }
                for column in 0..<width { x[row * width + column] -= factor * x[inner * width + column] }
            }
        }
        for row in (0..<n).reversed() {
            for inner in row + 1..<n {
                let factor = lu[row * n + inner]
                if factor == 0 { continue }
                for column in 0..<width { x[row * width + column] -= factor * x[inner * width + column] }
            }
            let diagonal = lu[row * n + row]
            for column in 0..<width { x[row * width + column] /= diagonal }
        }
        return Matrix(rows: n, columns: width, values: x)
    }
}
