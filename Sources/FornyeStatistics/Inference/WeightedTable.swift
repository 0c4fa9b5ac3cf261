/// A weighted cross-tabulation of two coded variables: estimated population counts `Σ w`
/// over the rows that have a value on both, as R's `svytable(~a + b, design)`.
public struct WeightedTable: Sendable, Codable, Hashable {
    public var rowVariable: String
    public var columnVariable: String
    /// Codes of the table's rows, in codebook order; only codes observed with positive weight.
    public var rowCodes: [Int]
    /// Codes of the table's columns, in codebook order; only codes observed with positive weight.
    public var columnCodes: [Int]
    /// `weightedCounts[r][c]` is the estimated population count of row code r and column code c.
    public var weightedCounts: [[Double]]
    /// `unweightedCounts[r][c]` is the number of respondents in the cell.
    public var unweightedCounts: [[Int]]

    public init(
        rowVariable: String, columnVariable: String, rowCodes: [Int], columnCodes: [Int],
        weightedCounts: [[Double]], unweightedCounts: [[Int]]
    ) {
        self.rowVariable = rowVariable
        self.columnVariable = columnVariable
        self.rowCodes = rowCodes
        self.columnCodes = columnCodes
        self.weightedCounts = weightedCounts
        self.unweightedCounts = unweightedCounts
    }

    /// The estimated population size of the table, `Σ w` over all cells.
    public var weightedTotal: Double { weightedCounts.joined().reduce(0, +) }

    /// Pearson's X² of the table after rescaling it to sum to `total`; with `total` the
    /// sample size this is the uncorrected chi-square of R's `svychisq`.
    public func pearsonChiSquared(scaledTo total: Double) -> Double {
        let scale = total / weightedTotal
        let rowSums = weightedCounts.map { $0.reduce(0, +) * scale }
        let columnSums = columnCodes.indices.map { column in
            weightedCounts.reduce(0) { $0 + $1[column] } * scale
        }
        var statistic = 0.0
        for row in rowCodes.indices {
            for column in columnCodes.indices {
                let expected = rowSums[row] * columnSums[column] / total
                let deviation = weightedCounts[row][column] * scale - expected
                statistic += deviation * deviation / expected
            }
        }
        return statistic
    }
}
