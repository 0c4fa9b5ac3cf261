import Foundation

extension Weighting {
    /// Calibrates weights to totals of numeric auxiliary columns with the raking (exponential)
    /// distance, as R's `calibrate(design, formula, population, calfun = "raking")`: the new
    /// weights are `d · exp(xᵀλ)` with λ found by Newton's method (R's `grake`) so that
    /// `Σ w x = totals`. With category indicators as columns this is raking to those margins;
    /// with numeric columns it also matches means (entropy balancing). Rows whose columns are all
    /// zero keep their weights.
    ///
    /// The returned design carries a `RegressionCalibration`, so variances use the residuals of
    /// the weighted regression on the columns, as R's `svyrecvar` does for a calibrated design.
    ///
    /// - Parameters:
    ///   - columns: The auxiliary columns, each with one value per design row.
    ///   - totals: The target total of each column.
    ///   - tolerance: Newton stops when every |total − Σ w x| / (1 + |total|) is below this
    ///     (R's `epsilon`).
    ///   - maxIterations: R's `maxit`.
    /// - Returns: The calibrated design and the Newton iterations used.
    /// - Throws: `.notConverged` when the totals cannot be reached (they lie outside what
    ///   positive weights on these rows can give), `.invalidArgument` for collinear columns.
    public static func calibrateByRaking(
        _ design: SurveyDesign, columns: [[Double]], totals: [Double], tolerance: Double = 1e-13,
        maxIterations: Int = 100
    ) throws(StatisticsError) -> (design: SurveyDesign, iterations: Int) {
        let p = columns.count
        guard p > 0, totals.count == p else {
            throw .invalidArgument("calibration needs one total per column (\(p) columns, \(totals.count) totals)")
        }
        for column in columns where column.count != design.rowCount {
            throw .lengthMismatch(variable: "calibration column", expected: design.rowCount, actual: column.count)
        }
        guard columns.allSatisfy({ $0.allSatisfy(\.isFinite) }), totals.allSatisfy(\.isFinite) else {
            throw .invalidArgument("calibration columns and totals must be finite numbers")
        }
        let d = design.weights
        // Only rows with a nonzero column take part; the others keep g = 1.
        let active = d.indices.filter { row in d[row] > 0 && columns.contains { $0[row] != 0 } }
        var linear = [Double](repeating: 0, count: d.count)
        var iterations = 0
        func misfit() -> [Double] {
            var achieved = [Double](repeating: 0, count: p)
            for row in active {
                let weight = d[row] * exp(linear[row])
                for j in 0..<p { achieved[j] += weight * columns[j][row] }
            }
            return (0..<p).map { totals[$0] - achieved[$0] }
        }
        func update(_ step: [Double]) {
            for row in active {
                var sum = 0.0
                for j in 0..<p { sum += columns[j][row] * step[j] }
                linear[row] += sum
            }
        }
        var residual = misfit()
        while !(0..<p).allSatisfy({ abs(residual[$0]) / (1 + abs(totals[$0])) < tolerance }) {
            iterations += 1
            guard iterations <= maxIterations else { throw Self.unreachable(after: maxIterations) }
            var hessian = Matrix(rows: p, columns: p)
            for row in active {
                let weight = d[row] * exp(linear[row])
                for a in 0..<p where columns[a][row] != 0 {
                    for b in a..<p { hessian[a, b] += weight * columns[a][row] * columns[b][row] }
                }
            }
            for a in 0..<p {
                for b in 0..<a { hessian[a, b] = hessian[b, a] }
            }
            let solved: Matrix
            do {
                solved = try hessian.solving(Matrix(residual.map { [$0] }))
            } catch {
                // Singular at the start: collinear columns. Later: weights have collapsed to zero
                // on the way to unreachable totals.
                if iterations == 1 {
                    throw .invalidArgument("the calibration columns are collinear among the weighted rows")
                }
                throw Self.unreachable(after: iterations)
            }
            var step = (0..<p).map { solved[$0, 0] }
            update(step)
            // R halves the step while the weights overflow.
            var halvings = 0
            while linear.contains(where: { !exp($0).isFinite }), halvings < 60 {
                step = step.map { $0 / 2 }
                update(step.map { -$0 })
                halvings += 1
            }
            residual = misfit()
        }
        var weights = d
        var factors = [Double](repeating: 1, count: d.count)
        for row in active {
            factors[row] = exp(linear[row])
            weights[row] = d[row] * factors[row]
        }
        let calibration = try RegressionCalibration(columns: columns, weightsBefore: d, factors: factors)
        return (design.calibrated(to: weights, by: Calibration(.regression(calibration))), iterations)
    }

    private static func unreachable(after iterations: Int) -> StatisticsError {
        .notConverged(
            "calibration did not reach its totals in \(iterations) iterations; the targets lie outside what positive weights on these rows can give (too few comparison rows with such values)"
        )
    }
}
