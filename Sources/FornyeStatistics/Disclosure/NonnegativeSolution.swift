/// Phase one of the bounded-variable simplex method: whether `M y = b` has a solution with
/// `0 ≤ y ≤ u`.
///
/// Used to ask whether a hidden count can take another value while every published sum
/// holds. The systems are small with small integer coefficients, so a dense tableau is enough.
/// Upper bounds are kept as bounds (a variable rests at 0 or at its bound) rather than as rows.
/// Pricing takes the largest reduced cost and falls back to Bland's rule, which cannot cycle,
/// once progress stalls.
enum NonnegativeSolution {
    private static let tolerance = 1e-9

    /// - Parameters:
    ///   - matrix: `m` rows of `n` coefficients.
    ///   - rhs: The `m` right-hand sides.
    ///   - upper: Upper bounds of the `n` variables, positive or infinite; none when nil.
    static func exists(matrix: [[Double]], rhs: [Double], upper: [Double]? = nil) -> Bool {
        let rowCount = rhs.count
        guard rowCount > 0 else { return true }
        let columnCount = matrix[0].count
        let upper = upper ?? [Double](repeating: .infinity, count: columnCount)
        // Tableau of M with rows signed so that b ≥ 0; an artificial variable is basic in each
        // row. Artificials never re-enter, so their columns need not be kept.
        var tableau = [Double](repeating: 0, count: rowCount * columnCount)
        var values = rhs.map(abs)
        var cost = [Double](repeating: 0, count: columnCount)
        for row in 0..<rowCount {
            let sign = rhs[row] < 0 ? -1.0 : 1.0
            for column in 0..<columnCount {
                tableau[row * columnCount + column] = sign * matrix[row][column]
                cost[column] -= sign * matrix[row][column]
            }
        }
        // Basic variable of each row: a column, or columnCount + row for the artificial.
        var basis = (0..<rowCount).map { columnCount + $0 }
        var isBasic = [Bool](repeating: false, count: columnCount)
        var atUpper = [Bool](repeating: false, count: columnCount)
        var stalled = 0
        return tableau.withUnsafeMutableBufferPointer { table in
            for _ in 0..<50_000 {
                var infeasibility = 0.0
                for row in 0..<rowCount where basis[row] >= columnCount { infeasibility += values[row] }
                if infeasibility <= tolerance { return true }

                // A variable at 0 may rise when its reduced cost is negative; one at its bound may fall.
                func gain(_ column: Int) -> Double {
                    guard !isBasic[column] else { return 0 }
                    return atUpper[column] ? cost[column] : -cost[column]
                }
                var entering = -1
                if stalled < 50 {
                    var best = tolerance
                    for column in 0..<columnCount where gain(column) > best {
                        best = gain(column)
                        entering = column
                    }
                } else {
                    entering = (0..<columnCount).first { gain($0) > tolerance } ?? -1
                }
                guard entering >= 0 else { return false }
                let direction = atUpper[entering] ? -1.0 : 1.0

                // How far the entering variable can move: to its other bound, or until a basic
                // variable reaches 0 or its own bound.
                var step = upper[entering]
                var pivotRow = -1
                var leavesAtUpper = false
                for row in 0..<rowCount {
                    let rate = -direction * table[row * columnCount + entering]
                    guard abs(rate) > tolerance else { continue }
                    let limit: Double
                    let hitsUpper: Bool
                    if rate < 0 {
                        limit = values[row] / -rate
                        hitsUpper = false
                    } else {
                        let bound = basis[row] < columnCount ? upper[basis[row]] : .infinity
                        guard bound.isFinite else { continue }
                        limit = (bound - values[row]) / rate
                        hitsUpper = true
                    }
                    if limit < step - tolerance
                        || (pivotRow >= 0 && abs(limit - step) <= tolerance && basis[row] < basis[pivotRow])
                    {
                        step = limit
                        pivotRow = row
                        leavesAtUpper = hitsUpper
                    }
                }
                // Unbounded descent cannot happen: the infeasibility is at least 0.
                guard step.isFinite else { return false }
                stalled = step <= tolerance ? stalled + 1 : 0
                for row in 0..<rowCount {
                    values[row] -= direction * table[row * columnCount + entering] * step
                }
                guard pivotRow >= 0 else {
                    atUpper[entering].toggle()
                    continue
                }
                let leaving = basis[pivotRow]
                if leaving < columnCount {
                    isBasic[leaving] = false
                    atUpper[leaving] = leavesAtUpper
                }
                values[pivotRow] = atUpper[entering] ? upper[entering] - step : step
                isBasic[entering] = true
                atUpper[entering] = false
                basis[pivotRow] = entering

                let pivotStart = pivotRow * columnCount
                let pivot = table[pivotStart + entering]
                for column in 0..<columnCount { table[pivotStart + column] /= pivot }
                for row in 0..<rowCount where row != pivotRow {
                    let start = row * columnCount
                    let factor = table[start + entering]
                    guard factor != 0 else { continue }
                    for column in 0..<columnCount { table[start + column] -= factor * table[pivotStart + column] }
                }
                let factor = cost[entering]
                for column in 0..<columnCount { cost[column] -= factor * table[pivotStart + column] }
            }
            // Not settled: answer "no", which only makes the caller hide more.
            return false
        }
    }
}
