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
        let values = try stratumPass(
            psuTotals(of: scores, design: design), columnCount: columnCount, design: design,
            strataPresent: strataPresent(presentRows, design: design), diagonalOnly: false)
        return Matrix(rows: columnCount, columns: columnCount, values: values)
    }

    /// The variance of the total of one influence column.
    public static func variance(
        of scores: [Double],
        design: SurveyDesign,
        presentRows: [Bool]? = nil
    ) throws(StatisticsError) -> Double {
        try variances(of: [scores], design: design, presentRows: presentRows)[0]
    }

    /// The variances of the totals of several influence columns: the diagonal of `covariance`,
    /// without the work of the covariances.
    static func variances(
        of scores: [[Double]],
        design: SurveyDesign,
        presentRows: [Bool]? = nil
    ) throws(StatisticsError) -> [Double] {
        try stratumPass(
            psuTotals(of: scores, design: design), columnCount: scores.count, design: design,
            strataPresent: strataPresent(presentRows, design: design), diagonalOnly: true)
    }

    static func strataPresent(_ presentRows: [Bool]?, design: SurveyDesign) -> [Bool] {
        var strataPresent = [Bool](repeating: presentRows == nil, count: design.stratumCount)
        if let presentRows {
            for row in 0..<design.rowCount where presentRows[row] {
                strataPresent[Int(design.stratumOfRow[row])] = true
            }
        }
        return strataPresent
    }

    /// Sums the centred cross-products of PSU totals (`columnCount` blocks of `psuCount`) over the
    /// present strata: the `k × k` matrix in row-major order, or only its diagonal.
    private static func stratumPass(
        _ psuTotals: [Double],
        columnCount: Int,
        design: SurveyDesign,
        strataPresent: [Bool],
        diagonalOnly: Bool
    ) throws(StatisticsError) -> [Double] {
        let psuCount = design.psuCount
        var total = [Double](repeating: 0, count: diagonalOnly ? columnCount : columnCount * columnCount)
        var presentStrata = 0
        var estimableStrata = 0
        var means = [Double](repeating: 0, count: columnCount)
        var centred = [Double](repeating: 0, count: columnCount)
        let rules = StratumRules(design: design)
        let layout = design.stratumLayout
        try psuTotals.withUnsafeBufferPointer { (totals) throws(StatisticsError) in
            for stratum in 0..<design.stratumCount where strataPresent[stratum] {
                presentStrata += 1
                guard let rule = try rules.rule(for: stratum) else { continue }
                estimableStrata += 1
                if rule.scale == 0 { continue }
                let psus = layout.psus(of: stratum)
                let scale = rule.scale
                for column in 0..<columnCount {
                    var sum = 0.0
                    if rule.centred {
                        for psu in psus { sum += totals[column * psuCount + Int(psu)] }
                    }
                    means[column] = rule.centred ? sum / rule.psuCount : 0
                }
                if diagonalOnly {
                    for column in 0..<columnCount {
                        let mean = means[column]
                        var sum = total[column]
                        for psu in psus {
                            let value = totals[column * psuCount + Int(psu)] - mean
                            sum += scale * value * value
                        }
                        total[column] = sum
                    }
                    continue
                }
                for psu in psus {
                    for column in 0..<columnCount {
                        centred[column] = totals[column * psuCount + Int(psu)] - means[column]
                    }
                    for a in 0..<columnCount where centred[a] != 0 {
                        for b in a..<columnCount { total[a * columnCount + b] += scale * centred[a] * centred[b] }
                    }
                }
            }
        }
        if !diagonalOnly {
            for a in 0..<columnCount {
                for b in 0..<a { total[a * columnCount + b] = total[b * columnCount + a] }
            }
        }
        // R scales up for strata left out by the "average" rule.
        if estimableStrata > 0, estimableStrata < presentStrata {
            let factor = Double(presentStrata) / Double(estimableStrata)
            for index in total.indices { total[index] *= factor }
        }
        return total
    }

    /// The PSU totals of the calibration residuals of each column, `psuCount` per column, end to end.
    static func psuTotals(of scores: [[Double]], design: SurveyDesign) -> [Double] {
        let psuCount = design.psuCount
        var totals = [Double](repeating: 0, count: scores.count * psuCount)
        // Without clusters PSU p is row p (SurveyDesign numbers them so).
        let rowsArePSUs = psuCount == design.rowCount
        for (index, column) in scores.enumerated() {
            var residuals = column
            for calibration in design.calibrations { calibration.residualize(&residuals) }
            let offset = index * psuCount
            if rowsArePSUs {
                totals.replaceSubrange(offset..<offset + psuCount, with: residuals)
            } else {
                for row in 0..<design.rowCount { totals[offset + Int(design.psuOfRow[row])] += residuals[row] }
            }
        }
        return totals
    }
}
