extension Matrix {
    /// The inverse of a symmetric positive definite matrix through its Cholesky factor
    /// (R's `chol2inv(chol(a))`); cheaper than `inverse()` and exactly symmetric.
    ///
    /// Only the upper triangle is read, as R's `chol` does.
    ///
    /// - Throws: `StatisticsError.invalidArgument` if the matrix is not square, has a non-finite
    ///   entry, or is not positive definite.
    public func choleskyInverse() throws(StatisticsError) -> Matrix {
        guard rows == columns else {
            throw .invalidArgument("cannot invert: the matrix is \(rows) × \(columns), not square")
        }
        guard values.allSatisfy(\.isFinite) else {
            throw .invalidArgument("cannot invert: the matrix has an entry that is not finite")
        }
        let n = rows
        // A = L Lᵀ with L lower triangular, row-major.
        var factor = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var diagonal = self[j, j]
            for k in 0..<j { diagonal -= factor[j * n + k] * factor[j * n + k] }
            guard diagonal > 0 else {
                throw .invalidArgument(
                    "cannot invert: the matrix is not positive definite (leading minor of order \(j + 1))")
            }
            let pivot = diagonal.squareRoot()
            factor[j * n + j] = pivot
            for i in j + 1..<n {
                var sum = self[j, i]
                for k in 0..<j { sum -= factor[i * n + k] * factor[j * n + k] }
                factor[i * n + j] = sum / pivot
            }
        }
        // L⁻¹ by forward substitution, column by column.
        var inverseFactor = [Double](repeating: 0, count: n * n)
        for column in 0..<n {
            inverseFactor[column * n + column] = 1 / factor[column * n + column]
            for i in column + 1..<n {
                var sum = 0.0
                for k in column..<i { sum -= factor[i * n + k] * inverseFactor[k * n + column] }
                inverseFactor[i * n + column] = sum / factor[i * n + i]
            }
        }
        // A⁻¹ = L⁻ᵀ L⁻¹; entry (i, j) sums over k ≥ max(i, j) since L⁻¹ is lower triangular.
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in i..<n {
                var sum = 0.0
                for k in j..<n { sum += inverseFactor[k * n + i] * inverseFactor[k * n + j] }
                result[i, j] = sum
                result[j, i] = sum
            }
        }
        return result
    }
}
