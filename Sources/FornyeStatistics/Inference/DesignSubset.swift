extension SurveyDesign {
    /// The covariance of the totals of influence columns computed on a subset of rows.
    ///
    /// R subsets an uncalibrated design by dropping rows, so strata without subset rows leave
    /// the variance; a calibrated design keeps every row with zero weight, and the calibration
    /// residuals of rows outside the subset still count. Both are reproduced here.
    func subsetCovariance(of scores: [[Double]], rows: [Bool]) throws(StatisticsError) -> Matrix {
        guard !calibrations.isEmpty else {
            return try Linearization.covariance(of: scores, design: self, presentRows: rows)
        }
        guard residualBasis != nil else { return try Linearization.covariance(of: scores, design: self) }
        // The rows where some column is nonzero: the calibrated variance then costs those rows only.
        var support: [Int] = []
        for row in 0..<rowCount where scores.contains(where: { $0[row] != 0 }) { support.append(row) }
        return try Linearization.covariance(of: scores, design: self, rows: support)
    }
}
