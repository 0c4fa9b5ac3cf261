extension SurveyDesign {
    /// Degrees of freedom of the subset of rows given: PSUs with positive weight among them
    /// minus the strata they lie in, as R's `degf(subset(design, ...))`.
    func degreesOfFreedom(of rows: [Bool]) -> Int {
        var psuSeen = [Bool](repeating: false, count: psuCount)
        var stratumSeen = [Bool](repeating: false, count: stratumCount)
        for row in 0..<rowCount where rows[row] && weights[row] > 0 {
            psuSeen[Int(psuOfRow[row])] = true
            stratumSeen[Int(stratumOfRow[row])] = true
        }
        return psuSeen.count(where: { $0 }) - stratumSeen.count(where: { $0 })
    }

    /// The covariance of the totals of influence columns computed on a subset of rows.
    ///
    /// R subsets an uncalibrated design by dropping rows, so strata without subset rows leave
    /// the variance; a calibrated design keeps every row with zero weight, and the calibration
    /// residuals of rows outside the subset still count. Both are reproduced here.
    func subsetCovariance(of scores: [[Double]], rows: [Bool]) throws(StatisticsError) -> Matrix {
        try Linearization.covariance(of: scores, design: self, presentRows: calibrations.isEmpty ? rows : nil)
    }
}
