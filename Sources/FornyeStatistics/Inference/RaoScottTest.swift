/// The Rao–Scott test of independence of two coded variables in a complex sample: Pearson's
/// X² of the weighted table, corrected by the design effects of the cell proportions.
///
/// The second-order (F) version is R's `svychisq(~a + b, design, statistic = "F")`, the
/// first-order version is `statistic = "Chisq"`. With Δ the design-effect matrix of the
/// interaction contrasts, k = (r − 1)(c − 1) and ν the design degrees of freedom (PSUs minus
/// strata of the whole design, not only of the rows answering both questions, as svychisq):
///
/// - F = X² / tr(Δ) on ndf = tr(Δ)² / tr(Δ²) and ddf = ndf · ν degrees of freedom;
/// - the first-order statistic X² / (tr(Δ)/k) is referred to χ² on k degrees of freedom.
///
/// ```swift
/// let test = try RaoScottTest.test("sector", by: "size", dataset: dataset, design: design)
/// print(test.value, test.numeratorDegreesOfFreedom, test.pValue)
/// ```
public struct RaoScottTest: Sendable, Codable, Hashable {
    public enum Statistic: String, Sendable, Codable, CaseIterable {
        /// Second-order correction with an F reference distribution (R's default and recommendation).
        case f = "F"
        /// First-order correction (mean design effect) with a chi-square reference distribution.
        case chiSquared = "Chisq"
    }

    public var statistic: Statistic
    /// The weighted table tested.
    public var table: WeightedTable
    /// Pearson's X² of the table rescaled to the number of rows in the design (R's convention,
    /// which counts rows missing on either variable too); what R prints as "X-squared".
    public var pearsonChiSquared: Double
    /// The mean of the eigenvalues of Δ, tr(Δ)/k: the average design effect of the contrasts.
    public var meanDesignEffect: Double
    /// The corrected statistic the p-value refers to: F, or X² divided by the mean design effect.
    public var value: Double
    /// The numerator degrees of freedom of F (fractional), or the chi-square degrees of freedom.
    public var numeratorDegreesOfFreedom: Double
    /// The denominator degrees of freedom of F; nil for the chi-square version.
    public var denominatorDegreesOfFreedom: Double?
    public var pValue: Double

    /// Tests independence of two coded variables.
    ///
    /// Rows missing on either variable (system missing, or a missing code the policy leaves
    /// out) are dropped as a domain: they keep their PSU in the design but add nothing, as
    /// `svychisq(na.rm = TRUE)` does. Categories are the codes observed with positive weight
    /// on rows that have both values; R also keeps, as empty cells, codes seen only on rows
    /// missing the other variable, which changes tr(Δ). That case differs from R on purpose.
    ///
    /// - Parameters:
    ///   - rowVariable: A coded variable, the rows of the table.
    ///   - columnVariable: A coded variable, the columns of the table.
    ///   - dataset: The data.
    ///   - design: The sampling design of the data.
    ///   - missing: Which missing codes are categories (in the table) rather than missing.
    ///   - statistic: `.f` (second order) or `.chiSquared` (first order).
    public static func test(
        _ rowVariable: String,
        by columnVariable: String,
        dataset: Dataset,
        design: SurveyDesign,
        missing: MissingPolicy = .substantiveOnly,
        statistic: Statistic = .f
    ) throws(StatisticsError) -> RaoScottTest {
        guard design.rowCount == dataset.rowCount else {
            throw .invalidDesign("the design has \(design.rowCount) rows; the dataset has \(dataset.rowCount)")
        }
        let cells = try CrossClassification(
            rowVariable, columnVariable, dataset: dataset, design: design, missing: missing)
        let table = cells.table
        let rows = table.rowCodes.count
        let columns = table.columnCodes.count
        let total = Double(design.rowCount)
        let pearson = table.pearsonChiSquared(scaledTo: total)
        let delta = try designEffectMatrix(cells, design: design, total: total)
        let contrasts = Double((rows - 1) * (columns - 1))
        let trace = delta.trace
        guard trace > 0, trace.isFinite else {
            throw .invalidArgument(
                "\(rowVariable) by \(columnVariable): the cell proportions have no sampling variance; no test is possible"
            )
        }

        switch statistic {
        case .f:
            // svychisq counts every PSU and stratum of the design it is given, not only those with weight.
            let designDegrees = Double(design.psuCount - design.stratumCount)
            guard designDegrees > 0 else {
                throw .invalidArgument("the design has no degrees of freedom (PSUs minus strata is \(designDegrees))")
            }
            let numerator = trace * trace / (delta * delta).trace
            let denominator = numerator * designDegrees
            let value = pearson / trace
            return RaoScottTest(
                statistic: .f, table: table, pearsonChiSquared: pearson, meanDesignEffect: trace / contrasts,
                value: value, numeratorDegreesOfFreedom: numerator, denominatorDegreesOfFreedom: denominator,
                pValue: Distributions.fSurvival(
                    value, numeratorDegreesOfFreedom: numerator, denominatorDegreesOfFreedom: denominator))
        case .chiSquared:
            let meanEffect = trace / contrasts
            let value = pearson / meanEffect
            return RaoScottTest(
                statistic: .chiSquared, table: table, pearsonChiSquared: pearson, meanDesignEffect: meanEffect,
                value: value, numeratorDegreesOfFreedom: contrasts, denominatorDegreesOfFreedom: nil,
                pValue: Distributions.chiSquaredSurvival(value, degreesOfFreedom: contrasts))
        }
    }

    /// Δ = (C′ D⁻¹ C / N)⁻¹ (C′ D⁻¹ V D⁻¹ C), with p the cell proportions, D = diag(p), V their
    /// design covariance and C the interaction contrasts orthogonal to the main effects.
    private static func designEffectMatrix(
        _ cells: CrossClassification, design: SurveyDesign, total: Double
    ) throws(StatisticsError) -> Matrix {
        let proportions = cells.proportions
        let covariance = try design.subsetCovariance(
            of: cells.proportionInfluence(design: design), rows: cells.complete)
        let contrasts = interactionContrasts(rows: cells.table.rowCodes.count, columns: cells.table.columnCodes.count)
        let inverseProportions = Matrix.diagonal(proportions.map { $0 == 0 ? 0 : 1 / $0 })
        let weighted = contrasts.transposed * inverseProportions
        let denominator = (weighted * contrasts).scaled(by: 1 / total)
        let numerator = weighted * covariance * weighted.transposed
        return try denominator.solving(numerator)
    }

    /// The interaction columns of the saturated model, made orthogonal to the main effects
    /// (R: `qr.resid(qr(X1), X12[, -(1:(nr + nc - 1))])`). Cells are ordered row code fastest.
    static func interactionContrasts(rows: Int, columns: Int) -> Matrix {
        let cellCount = rows * columns
        var mainEffects = Matrix(rows: cellCount, columns: rows + columns - 1)
        var interactions = Matrix(rows: cellCount, columns: (rows - 1) * (columns - 1))
        for column in 0..<columns {
            for row in 0..<rows {
                let cell = row + rows * column
                mainEffects[cell, 0] = 1
                if row > 0 { mainEffects[cell, row] = 1 }
                if column > 0 { mainEffects[cell, rows - 1 + column] = 1 }
                if row > 0, column > 0 { interactions[cell, (row - 1) + (rows - 1) * (column - 1)] = 1 }
            }
        }
        return mainEffects.qrResiduals(of: interactions)
    }
}
