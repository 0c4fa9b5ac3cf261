/// Phase one of the simplex method: whether `M y = b` has a solution with `y ≥ 0`.
///
/// Used to ask whether a hidden count can take another value while every published sum
/// holds. The systems are small with small integer coefficients, so a dense tableau is
/// enough. Pricing takes the most negative reduced cost and falls back to Bland's rule, which
/// cannot cycle, once progress stalls.
enum NonnegativeSolution {
    private static let tolerance = 1e-9

    /// - Parameters:
    ///   - matrix: `m` rows of `n` coefficients.
    ///   - rhs: The `m` right-hand sides.
    static func exists(matrix: [[Double]], rhs: [Double]) -> Bool {
        let rowCount = rhs.count
        guard rowCount > 0 else { return true }
        let columnCount = matrix[0].count
        let width = columnCount + 1
        // Tableau [M | b] with b ≥ 0, one artificial variable basic in each row. Artificials
        // never re-enter, so their columns need not be kept.
        var tableau = [Double](repeating: 0, count: rowCount * width)
        var cost = [Double](repeating: 0, count: width)
        for row in 0..<rowCount {
            let sign = rhs[row] < 0 ? -1.0 : 1.0
            for column in 0..<columnCount {
                tableau[row * width + column] = sign * matrix[row][column]
                cost[column] -= sign * matrix[row][column]
            }
            tableau[row * width + columnCount] = sign * rhs[row]
            cost[columnCount] -= sign * rhs[row]
        }
        var basis = (0..<rowCount).map { columnCount + $0 }
        var stalled = 0
        return tableau.withUnsafeMutableBufferPointer { table in
            cost.withUnsafeMutableBufferPointer { cost in
                for _ in 0..<50_000 {
                    // `cost[columnCount]` is minus the sum of the artificials.
                    if -cost[columnCount] <= tolerance { return true }
                    var entering = -1
                    if stalled < 50 {
                        var most = -tolerance
                        for column in 0..<columnCount where cost[column] < most {
                            most = cost[column]
                            entering = column
                        }
                    } else {
                        entering = (0..<columnCount).first { cost[$0] < -tolerance } ?? -1
                    }
                    guard entering >= 0 else { return false }
                    var pivotRow = -1
                    var bestRatio = Double.infinity
                    for row in 0..<rowCount {
                        let entry = table[row * width + entering]
                        guard entry > tolerance else { continue }
                        let ratio = table[row * width + columnCount] / entry
                        if ratio < bestRatio - tolerance
                            || (abs(ratio - bestRatio) <= tolerance && basis[row] < basis[pivotRow])
                        {
                            bestRatio = ratio
                            pivotRow = row
                        }
                    }
                    // The sum of artificials is bounded below by 0, so some row limits the step.
                    guard pivotRow >= 0 else { return false }
                    stalled = bestRatio <= tolerance ? stalled + 1 : 0
                    let pivotStart = pivotRow * width
                    let pivot = table[pivotStart + entering]
                    for column in 0..<width { table[pivotStart + column] /= pivot }
                    for row in 0..<rowCount where row != pivotRow {
                        let start = row * width
                        let factor = table[start + entering]
                        guard factor != 0 else { continue }
                        for column in 0..<width { table[start + column] -= factor * table[pivotStart + column] }
                    }
                    let factor = cost[entering]
                    for column in 0..<width { cost[column] -= factor * table[pivotStart + column] }
                    basis[pivotRow] = entering
                }
                // Not settled: answer "no", which only makes the caller hide more.
                return false
            }
        }
    }
}
