import Foundation

/// How alike participants and the comparison group are on one covariate column in one wave.
public struct BalanceRow: Sendable, Codable, Hashable {
    public var column: CovariateColumn
    public var participantMean: Double
    public var comparisonMean: Double
    /// (participants' mean − comparison mean) / √((s²_P + s²_C) / 2); s² are the design-weighted
    /// variances Σd(x − x̄)²/Σd under the weights before any reweighting, so the figure before and
    /// after reweighting share one denominator. 0 when both variances and the difference are 0.
    public var standardisedDifference: Double
}

/// Standardised mean differences of the covariates in one wave.
public struct BalanceTable: Sendable, Codable, Hashable {
    public var wave: Int
    public var rows: [BalanceRow]
    /// The largest |standardised difference|; 0.1 is the usual threshold for good balance.
    public var maximumAbsoluteDifference: Double { rows.map { abs($0.standardisedDifference) }.max() ?? 0 }
}

/// Comparison-group weights that make the comparison group resemble the participants on
/// baseline covariates, and balance tables before and after.
///
/// - Entropy balancing: in every wave, the comparison group's weights are raked (exponential
///   calibration, R's `calibrate(..., calfun = "raking")`) to the participants' weighted
///   covariate means times the comparison group's weighted count; participants keep theirs. The
///   design carries the calibration, so a DiD on it uses calibration residuals (the weights'
///   estimation is in the variance, as for raking).
/// - Inverse-probability weights: a design-based logistic model of participation on the
///   covariates (`LogisticRegression`, R's `svyglm(family = quasibinomial())`) is fitted in the
///   baseline wave; every comparison row's weight is multiplied by the odds p/(1 − p) of its
///   covariates (weights for the effect on the participants). The variance treats these weights
///   as fixed: the uncertainty of the estimated propensity model is ignored.
///
/// ```swift
/// let balanced = try Balance.entropyBalanced(panel, covariates: ["size", "region"])
/// let before = try Balance.table(panel, covariates: ["size", "region"], wave: 2018)
/// let after = try Balance.table(panel, covariates: ["size", "region"], wave: 2018, weights: balanced.weights)
/// let effect = try DifferenceInDifferences.estimate(.mean, of: "innovated", panel: panel,
///     before: 2018, after: 2022, design: balanced.design)
/// ```
public enum Balance {
    /// Reweighted comparison rows and the design to estimate with.
    public struct Reweighting: Sendable {
        public enum Method: String, Sendable, Codable { case entropyBalancing, inverseProbability }
        public let method: Method
        /// The new weight of every row (participants' and other rows' unchanged).
        public let weights: [Double]
        /// The pooled design with the new weights (and, for entropy balancing, its calibration).
        public let design: SurveyDesign
        /// The propensity model, for inverse-probability weights.
        public let propensity: LogisticRegression?
        /// Newton iterations, for entropy balancing.
        public let iterations: Int?
    }

    /// The standardised mean differences of the covariates between the groups in one wave.
    ///
    /// - Parameter weights: The weights of the means (for example `Reweighting.weights`); the
    ///   panel's own when nil. The standard deviations always use the panel's weights.
    public static func table(
        _ panel: EvaluationPanel, covariates: [String], wave: Int, weights: [Double]? = nil
    ) throws(StatisticsError) -> BalanceTable {
        let weights = weights ?? panel.weights
        guard weights.count == panel.dataset.rowCount else {
            throw .lengthMismatch(variable: "weights", expected: panel.dataset.rowCount, actual: weights.count)
        }
        let matrix = try CovariateMatrix(covariates, dataset: panel.dataset)
        let participants = rows(of: panel, wave: wave, participant: true)
        let comparison = rows(of: panel, wave: wave, participant: false)
        guard !participants.isEmpty, !comparison.isEmpty else {
            throw .emptyBase("a balance table: wave \(wave) lacks participants or comparison rows")
        }
        try matrix.requireComplete(participants + comparison, what: "a balance table")
        var table: [BalanceRow] = []
        for (column, values) in zip(matrix.columns, matrix.values) {
            let participantMean = mean(values, rows: participants, weights: weights)
            let comparisonMean = mean(values, rows: comparison, weights: weights)
            let pooled =
                (variance(values, rows: participants, weights: panel.weights)
                    + variance(values, rows: comparison, weights: panel.weights)) / 2
            let difference = participantMean - comparisonMean
            let standardised = pooled > 0 ? difference / pooled.squareRoot() : (difference == 0 ? 0 : .infinity)
            table.append(
                BalanceRow(
                    column: column, participantMean: participantMean, comparisonMean: comparisonMean,
                    standardisedDifference: standardised))
        }
        return BalanceTable(wave: wave, rows: table)
    }

    /// Entropy balancing of the comparison group in each of `waves` (every wave by default).
    ///
    /// - Throws: `.notConverged` when the participants' means lie outside what the comparison
    ///   group can reach; `.emptyBase` when a group has no row in a wave.
    public static func entropyBalanced(
        _ panel: EvaluationPanel, covariates: [String], waves: [Int]? = nil, lonelyPSU: LonelyPSUPolicy = .fail
    ) throws(StatisticsError) -> Reweighting {
        let design = try panel.design(lonelyPSU: lonelyPSU)
        let matrix = try CovariateMatrix(covariates, dataset: panel.dataset)
        let weights = design.weights
        var columns: [[Double]] = []
        var totals: [Double] = []
        for wave in waves ?? panel.waves {
            let participants = rows(of: panel, wave: wave, participant: true)
            let comparison = rows(of: panel, wave: wave, participant: false)
            guard !participants.isEmpty, !comparison.isEmpty else {
                throw .emptyBase("entropy balancing: wave \(wave) lacks participants or comparison rows")
            }
            try matrix.requireComplete(participants + comparison, what: "entropy balancing")
            let comparisonTotal = comparison.reduce(0) { $0 + weights[$1] }
            var indicator = [Double](repeating: 0, count: design.rowCount)
            for row in comparison { indicator[row] = 1 }
            columns.append(indicator)
            totals.append(comparisonTotal)
            for (values, isReference) in zip(matrix.values, matrix.isReference) where !isReference {
                var column = [Double](repeating: 0, count: design.rowCount)
                for row in comparison { column[row] = values[row] }
                columns.append(column)
                totals.append(comparisonTotal * mean(values, rows: participants, weights: weights))
            }
        }
        // Entropy balancing is raking calibration to the participants' means (R's calfun = "raking").
        let (balanced, report) = try Weighting.calibrate(
            design, columns: columns, totals: totals,
            options: CalibrationOptions(function: .raking, tolerance: 1e-13, maxIterations: 100))
        return Reweighting(
            method: .entropyBalancing, weights: balanced.weights, design: balanced, propensity: nil,
            iterations: report.iterations)
    }

    /// Inverse-probability (odds) weights for the comparison group from a logistic model of
    /// participation fitted in the `baseline` wave.
    public static func inverseProbabilityWeighted(
        _ panel: EvaluationPanel, covariates: [String], baseline: Int, lonelyPSU: LonelyPSUPolicy = .fail
    ) throws(StatisticsError) -> Reweighting {
        let design = try panel.design(lonelyPSU: lonelyPSU)
        let outcome = "evaluation_participant"
        guard panel.dataset.codebook.variable(named: outcome) == nil else {
            throw .invalidArgument("the dataset already has a variable \(outcome)")
        }
        let participation: [Int32] = (0..<panel.dataset.rowCount).map { row in
            guard panel.waveOfRow[row] == baseline, let participant = panel.isParticipant[row] else {
                return Column.systemMissing
            }
            return participant ? 1 : 0
        }
        let dataset = try panel.dataset.adding([
            (Variable(name: outcome, label: "Deltaker (participant)", kind: .multipleChoiceItem), .codes(participation))
        ])
        let model = try LogisticRegression.fit(
            outcome, on: covariates.map { Predictor($0) }, dataset: dataset, design: design)
        let matrix = try CovariateMatrix(covariates, dataset: panel.dataset)
        let columnOfName = Dictionary(uniqueKeysWithValues: matrix.columns.enumerated().map { ($1.name, $0) })
        let comparison = (0..<panel.dataset.rowCount).filter {
            panel.isParticipant[$0] == false && panel.waveOfRow[$0] != nil
        }
        try matrix.requireComplete(comparison, what: "inverse-probability weighting")
        // A category absent from the baseline fit has no coefficient; it must not pass as the reference.
        var levels: [String: Set<Int>] = [:]
        for term in model.coefficients.map(\.term) where term.kind == .factorLevel {
            guard let variable = term.variable, let code = term.code, let reference = term.referenceCode else {
                continue
            }
            levels[variable, default: []].formUnion([code, reference])
        }
        for (column, values) in zip(matrix.columns, matrix.values) {
            guard let code = column.code, levels[column.variable]?.contains(code) == false,
                let row = comparison.first(where: { values[$0] == 1 })
            else { continue }
            throw .invalidValue(
                variable: column.variable, row: row + 1,
                message:
                    "category \(code) has no comparison or participant row in the baseline wave \(baseline), so the propensity model cannot weight it"
            )
        }
        var weights = panel.weights
        for row in comparison {
            var linear = 0.0
            for coefficient in model.coefficients {
                if coefficient.term.kind == .intercept {
                    linear += coefficient.estimate
                } else if let column = columnOfName[coefficient.term.name] {
                    linear += coefficient.estimate * matrix.values[column][row]
                }
            }
            weights[row] *= exp(linear)
        }
        let reweighted = try EvaluationPanel(
            dataset: panel.dataset, waveOfRow: panel.waveOfRow, isParticipant: panel.isParticipant,
            clusterOfRow: panel.clusterOfRow, stratumOfRow: panel.stratumOfRow, weights: weights, linked: panel.linked)
        return Reweighting(
            method: .inverseProbability, weights: weights, design: try reweighted.design(lonelyPSU: lonelyPSU),
            propensity: model, iterations: nil)
    }

    /// The rows of one group in one wave.
    private static func rows(of panel: EvaluationPanel, wave: Int, participant: Bool) -> [Int] {
        (0..<panel.dataset.rowCount).filter { panel.waveOfRow[$0] == wave && panel.isParticipant[$0] == participant }
    }

    private static func mean(_ values: [Double], rows: [Int], weights: [Double]) -> Double {
        var total = 0.0
        var weighted = 0.0
        for row in rows {
            total += weights[row]
            weighted += weights[row] * values[row]
        }
        return weighted / total
    }

    private static func variance(_ values: [Double], rows: [Int], weights: [Double]) -> Double {
        let center = mean(values, rows: rows, weights: weights)
        var total = 0.0
        var squares = 0.0
        for row in rows {
            total += weights[row]
            squares += weights[row] * (values[row] - center) * (values[row] - center)
        }
        return squares / total
    }
}
