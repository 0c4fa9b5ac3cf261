/// Which unknowns a system of linear equations pins down, by Gaussian elimination (the idea
/// behind Statistics Norway's GaussSuppression). Unknown j is determined exactly when the unit
/// vector e_j lies in the row space of the coefficients: then some combination of the
/// equations reads `x_j = constant`, whatever the right-hand sides are.
enum LinearAudit {
    /// Coefficients are small integers, so pivots far below 1 are cancellation noise.
    private static let tolerance = 1e-9

    /// - Parameters:
    ///   - rows: One coefficient row per equation, each `unknownCount` long.
    /// - Returns: For each unknown, whether the equations determine it.
    static func determined(rows: [[Double]], unknownCount: Int) -> [Bool] {
        var matrix = rows
        var pivotRow = [Int?](repeating: nil, count: unknownCount)
        var rank = 0
        for column in 0..<unknownCount where rank < matrix.count {
            var best = rank
            for row in rank..<matrix.count where abs(matrix[row][column]) > abs(matrix[best][column]) {
                best = row
            }
            guard abs(matrix[best][column]) > tolerance else { continue }
            matrix.swapAt(rank, best)
            let pivot = matrix[rank][column]
            for entry in 0..<unknownCount { matrix[rank][entry] /= pivot }
            for row in 0..<matrix.count where row != rank {
                let factor = matrix[row][column]
                guard abs(factor) > tolerance else {
                    matrix[row][column] = 0
                    continue
                }
                for entry in 0..<unknownCount { matrix[row][entry] -= factor * matrix[rank][entry] }
            }
            pivotRow[column] = rank
            rank += 1
        }
        // Reduced row echelon form: e_j is in the row space only if the row of pivot j is e_j.
        return (0..<unknownCount).map { column in
            guard let row = pivotRow[column] else { return false }
            return (0..<unknownCount).allSatisfy { $0 == column || abs(matrix[row][$0]) <= tolerance }
        }
    }
}
