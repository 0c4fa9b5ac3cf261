extension SurveyDesign {
    /// The covariance of the totals of influence columns computed on a subset of rows.
    ///
    /// R subsets an uncalibrated design by dropping rows, so strata without subset rows leave
    /// the variance; a calibrated design keeps every row with zero weight, and the calibration
    /// residuals of rows outside the subset still count. Both are reproduced here.
    func subsetCovariance(of scores: [[Double]], rows: [Bool]) throws(StatisticsError) -> Matrix {
        try Linearization.covariance(of: scores, design: self, presentRows: calibrations.isEmpty ? rows : nil)
    }
}
