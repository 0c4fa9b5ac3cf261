/// Taylor-linearisation (ultimate-cluster) variance of estimated totals.
///
/// Given influence values z (one column per estimate, one value per row, already weighted),
/// the variance of their totals is
///
///     V = Σ_h (1 − f_h) · n_h / (n_h − 1) · Σ_j (z_hj − z̄_h)(z_hj − z̄_h)ᵀ
///
/// where z_hj is the total of PSU j in stratum h, n_h the number of sampled PSUs in the
/// stratum and f_h its sampling fraction. This is R's `svyrecvar` for a one-stage design,
/// including its lonely-PSU rules and calibration residuals, so the numbers agree with R.
public enum Linearization {
    /// The covariance matrix of the totals of several influence columns.
    ///
    /// - Parameters:
    ///   - scores: Influence columns, each with one value per row of the design.
    ///   - design: The sampling design.
    ///   - presentRows: For domain estimates, which rows belong to the analysed subset.
    ///     Strata with no such row drop out entirely, as they do from a subset in R.
    /// - Returns: A symmetric `k × k` matrix in row-major order for `k` columns.
    public static func covariance(
        of scores: [[Double]],
        design: SurveyDesign,
        presentRows: [Bool]? = nil
    ) throws(StatisticsError) -> Matrix {
        let columnCount = scores.count
        let psuTotals = psuTotals(of: scores, design: design)
        var strataPresent = [Bool](repeating: presentRows == nil, count: design.stratumCount)
        if let presentRows {
            for row in 0..<design.rowCount where presentRows[row] {
                strataPresent[Int(design.stratumOfRow[row])] = true
            }
        }
        let psusOfStratum = psuIndicesByStratum(design)

        var total = Matrix(rows: columnCount, columns: columnCount)
        var presentStrata = 0
        var estimableStrata = 0
        var centred = [Double](repeating: 0, count: columnCount)
        let rules = StratumRules(design: design)
        for stratum in 0..<design.stratumCount where strataPresent[stratum] {
            presentStrata += 1
            guard let rule = try rules.rule(for: stratum) else { continue }
            estimableStrata += 1
            if rule.scale == 0 { continue }
            let psus = psusOfStratum[stratum]
            let scale = rule.scale
            let centre = rule.centred
            let sampled = rule.psuCount
            var means = [Double](repeating: 0, count: columnCount)
            if centre {
                for column in 0..<columnCount {
                    var sum = 0.0
                    for psu in psus { sum += psuTotals[column][psu] }
                    means[column] = sum / sampled
                }
            }
            for psu in psus {
                for column in 0..<columnCount { centred[column] = psuTotals[column][psu] - means[column] }
                for a in 0..<columnCount where centred[a] != 0 {
                    for b in a..<columnCount { total[a, b] += scale * centred[a] * centred[b] }
                }
            }
        }
        for a in 0..<columnCount {
            for b in 0..<a { total[a, b] = total[b, a] }
        }
        // R scales up for strata left out by the "average" rule.
        if estimableStrata > 0, estimableStrata < presentStrata {
            total = total.scaled(by: Double(presentStrata) / Double(estimableStrata))
        }
        return total
    }

    /// The variance of the total of one influence column.
    public static func variance(
        of scores: [Double],
        design: SurveyDesign,
        presentRows: [Bool]? = nil
    ) throws(StatisticsError) -> Double {
        try covariance(of: [scores], design: design, presentRows: presentRows)[0, 0]
    }

    static func psuTotals(of scores: [[Double]], design: SurveyDesign) -> [[Double]] {
        scores.map { column in
            var residuals = column
            for calibration in design.calibrations { calibration.residualize(&residuals) }
            var totals = [Double](repeating: 0, count: design.psuCount)
            for row in 0..<design.rowCount { totals[Int(design.psuOfRow[row])] += residuals[row] }
            return totals
        }
    }

    static func psuIndicesByStratum(_ design: SurveyDesign) -> [[Int]] {
        var result = [[Int]](repeating: [], count: design.stratumCount)
        for (psu, stratum) in design.stratumOfPSU.enumerated() { result[Int(stratum)].append(psu) }
        return result
    }
}
