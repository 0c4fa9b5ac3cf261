/// The rows of a dataset classified by two coded variables, with what the Rao–Scott test
/// needs: the weighted table, the cell of each row and the cell proportions.
struct CrossClassification {
    let table: WeightedTable
    /// Cell index of each complete row, `row + rowCount * column`; nil when either value is missing.
    let cellOfRow: [Int?]
    /// Rows with a value on both variables.
    let complete: [Bool]
    /// Weighted share of each cell among the complete rows, in cell order.
    let proportions: [Double]
    let weightedTotal: Double

    init(
        _ rowVariable: String, _ columnVariable: String, dataset: Dataset, design: SurveyDesign,
        missing: MissingPolicy
    ) throws(StatisticsError) {
        let rowValues = try CodedValues(rowVariable, in: dataset, missing: missing)
        let columnValues = try CodedValues(columnVariable, in: dataset, missing: missing)
        let weights = design.weights
        var rawCounts = [[Double]](
            repeating: [Double](repeating: 0, count: columnValues.categories.count),
            count: rowValues.categories.count)
        for row in 0..<dataset.rowCount {
            guard let r = rowValues.categoryOfRow[row], let c = columnValues.categoryOfRow[row] else { continue }
            rawCounts[r][c] += weights[row]
        }
        let keptRows = rowValues.categories.indices.filter { r in rawCounts[r].contains { $0 > 0 } }
        let keptColumns = columnValues.categories.indices.filter { c in rawCounts.contains { $0[c] > 0 } }
        guard keptRows.count >= 2, keptColumns.count >= 2 else {
            throw .invalidArgument(
                "\(rowVariable) by \(columnVariable): a test of independence needs at least two observed categories of each variable (found \(keptRows.count) and \(keptColumns.count))"
            )
        }
        var rowPosition = [Int?](repeating: nil, count: rowValues.categories.count)
        for (position, r) in keptRows.enumerated() { rowPosition[r] = position }
        var columnPosition = [Int?](repeating: nil, count: columnValues.categories.count)
        for (position, c) in keptColumns.enumerated() { columnPosition[c] = position }

        let rowCount = keptRows.count
        var weighted = [[Double]](repeating: [Double](repeating: 0, count: keptColumns.count), count: rowCount)
        var unweighted = [[Int]](repeating: [Int](repeating: 0, count: keptColumns.count), count: rowCount)
        var cellOfRow = [Int?](repeating: nil, count: dataset.rowCount)
        var complete = [Bool](repeating: false, count: dataset.rowCount)
        for row in 0..<dataset.rowCount {
            guard let r = rowValues.categoryOfRow[row], let c = columnValues.categoryOfRow[row],
                let tableRow = rowPosition[r], let tableColumn = columnPosition[c]
            else { continue }
            weighted[tableRow][tableColumn] += weights[row]
            unweighted[tableRow][tableColumn] += 1
            cellOfRow[row] = tableRow + rowCount * tableColumn
            complete[row] = true
        }
        table = WeightedTable(
            rowVariable: rowVariable, columnVariable: columnVariable,
            rowCodes: keptRows.map { rowValues.categories[$0] },
            columnCodes: keptColumns.map { columnValues.categories[$0] },
            weightedCounts: weighted, unweightedCounts: unweighted)
        self.cellOfRow = cellOfRow
        self.complete = complete
        weightedTotal = table.weightedTotal
        var proportions = [Double](repeating: 0, count: rowCount * keptColumns.count)
        for column in keptColumns.indices {
            for row in 0..<rowCount { proportions[row + rowCount * column] = weighted[row][column] / weightedTotal }
        }
        self.proportions = proportions
    }

    /// Influence values of the cell proportions (R's `svymean` of the cell indicators):
    /// `w (1[cell = k] − p_k) / Σw` on complete rows, zero elsewhere.
    func proportionInfluence(design: SurveyDesign) -> [[Double]] {
        proportions.indices.map { cell in
            (0..<design.rowCount).map { row in
                guard let own = cellOfRow[row] else { return 0 }
                let indicator: Double = own == cell ? 1 : 0
                return design.weights[row] * (indicator - proportions[cell]) / weightedTotal
            }
        }
    }
}
