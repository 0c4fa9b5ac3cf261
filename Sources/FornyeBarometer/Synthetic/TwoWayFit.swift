import Foundation

/// Fitting a two-way table to target margins: the generator's way of giving each county and each
/// centrality class (or each county and size class) the share the report states for it at once.
enum TwoWayFit {
    /// Iterative proportional fitting of a non-negative seed table to row and column totals.
    /// Structural zeros stay zero.
    static func proportional(_ seed: [[Double]], rowTotals: [Double], columnTotals: [Double], sweeps: Int = 500)
        -> [[Double]]
    {
        var table = seed
        for _ in 0..<sweeps {
            var worst = 0.0
            for row in table.indices {
                let sum = table[row].reduce(0, +)
                guard sum > 0 else { continue }
                worst = max(worst, abs(sum - rowTotals[row]))
                let factor = rowTotals[row] / sum
                for column in table[row].indices { table[row][column] *= factor }
            }
            for column in columnTotals.indices {
                let sum = table.reduce(0) { $0 + $1[column] }
                guard sum > 0 else { continue }
                worst = max(worst, abs(sum - columnTotals[column]))
                let factor = columnTotals[column] / sum
                for row in table.indices { table[row][column] *= factor }
            }
            if worst < 1e-9 { break }
        }
        return table
    }

    /// Probabilities `p[r][c] = logistic(a[r] + b[c])` such that the expected counts
    /// `Σ n[r][c] p[r][c]` meet every given row and column target (nil: that effect stays at its
    /// start). Row effects start at the logit of `rowStart`.
    static func logistic(
        sizes n: [[Double]], rowTargets: [Double?], columnTargets: [Double?], rowStart: [Double], sweeps: Int = 200
    ) -> [[Double]] {
        var a = rowStart.map { log($0 / (1 - $0)) }
        var b = [Double](repeating: 0, count: columnTargets.count)
        func probability(_ row: Int, _ column: Int) -> Double { 1 / (1 + exp(-(a[row] + b[column]))) }
        for _ in 0..<sweeps {
            var worst = 0.0
            for row in n.indices {
                guard let target = rowTargets[row] else { continue }
                var expected = 0.0
                var slope = 0.0
                for column in b.indices where n[row][column] > 0 {
                    let p = probability(row, column)
                    expected += n[row][column] * p
                    slope += n[row][column] * p * (1 - p)
                }
                guard slope > 0 else { continue }
                worst = max(worst, abs(expected - target))
                a[row] += (target - expected) / slope
            }
            for column in b.indices {
                guard let target = columnTargets[column] else { continue }
                var expected = 0.0
                var slope = 0.0
                for row in n.indices where n[row][column] > 0 {
                    let p = probability(row, column)
                    expected += n[row][column] * p
                    slope += n[row][column] * p * (1 - p)
                }
                guard slope > 0 else { continue }
                worst = max(worst, abs(expected - target))
                b[column] += (target - expected) / slope
            }
            if worst < 1e-9 { break }
        }
        return n.indices.map { row in b.indices.map { probability(row, $0) } }
    }
}
