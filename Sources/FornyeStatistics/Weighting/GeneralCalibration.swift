extension Weighting {
    /// Calibrates weights to known totals of auxiliary columns, as R's
    /// `calibrate(design, formula, population, calfun =, bounds =, trim =)`: new weights
    /// `d · g` with `g = 1 + F(xᵀλ)` for the chosen distance F (`CalibrationFunction`), λ such that
    /// `Σ d g x = totals`.
    ///
    /// - Linear without bounds is GREG in closed form (R's `regcalibrate`): `g = 1 + xᵀT⁻¹(t − t̂)`
    ///   with `T = Σ d x xᵀ`; its weights may be negative.
    /// - Otherwise λ comes from R's `grake` Newton iterations (with R's pseudo-inverse, its step
    ///   halving when g overflows, and its rescaling of the weights when every total is more than
    ///   20 times the sample's). With category indicators as columns, raking is raking to those
    ///   margins; with numeric columns it matches means too (entropy balancing).
    /// - `options.trim` then clips g and spreads the difference over the other rows in proportion
    ///   to their weights, as R's `trim =`. (R ignores `trim =` for unbounded linear calibration,
    ///   which it hands to `regcalibrate`; here it applies to every function.)
    ///
    /// Columns that are zero on every row and have total 0 are dropped, as R drops them. The
    /// returned design carries a `RegressionCalibration`, so variances use the residuals of the
    /// weighted regression on the columns, as R's `svyrecvar` does for a calibrated design.
    ///
    /// - Parameters:
    ///   - columns: The auxiliary columns (a model matrix, e.g. an intercept, category indicators
    ///     and numeric variables), each with one value per design row.
    ///   - totals: The population total of each column.
    /// - Throws: `.notConverged` when the totals are not met within `options.maxIterations` (the
    ///   bounds are too tight or the totals lie outside what the rows can give) unless
    ///   `options.force`; `.invalidArgument` for collinear columns or bad options.
    public static func calibrate(
        _ design: SurveyDesign, columns: [[Double]], totals: [Double], options: CalibrationOptions = .init()
    ) throws(StatisticsError) -> (design: SurveyDesign, report: CalibrationReport) {
        try options.validate()
        guard !columns.isEmpty, totals.count == columns.count else {
            throw .invalidArgument(
                "calibration needs one total per column (\(columns.count) columns, \(totals.count) totals)")
        }
        for column in columns where column.count != design.rowCount {
            throw .lengthMismatch(variable: "calibration column", expected: design.rowCount, actual: column.count)
        }
        guard columns.allSatisfy({ $0.allSatisfy(\.isFinite) }), totals.allSatisfy(\.isFinite) else {
            throw .invalidArgument("calibration columns and totals must be finite numbers")
        }
        let d = design.weights
        // R drops columns that are zero everywhere and whose total is zero.
        let kept = columns.indices.filter { totals[$0] != 0 || columns[$0].contains { $0 != 0 } }
        let x = kept.map { columns[$0] }
        let population = kept.map { totals[$0] }
        // Built before iterating: collinear columns are refused here (R's qr would carry on).
        let model = try RegressionCalibration(
            columns: x, weightsBefore: d, factors: [Double](repeating: 1, count: d.count))

        var solution: (g: [Double], iterations: Int, failed: Bool)
        if options.function == .linear && options.bounds == nil {
            solution = (Self.gregFactors(x, weights: d, totals: population, model: model), 1, false)
        } else {
            solution = Self.newtonFactors(x, weights: d, totals: population, options: options)
        }
        var g = solution.g
        let newtonConverged = !solution.failed
        var trimmed = 0
        if let trim = options.trim {
            trimmed = Self.trimFactors(&g, weights: d, range: trim)
            // R forgets a failure to converge once it has trimmed.
            if trimmed > 0 { solution.failed = false }
        }
        let misfit = Self.largestMisfit(x, weights: d, factors: g, totals: population)
        if solution.failed && !options.force {
            throw .notConverged(
                "calibration did not meet its totals in \(solution.iterations) iterations (largest relative misfit \(misfit)); the bounds are too tight or the totals lie outside what these rows can give"
            )
        }
        let weights = zip(d, g).map { $0 * $1 }
        let calibration = RegressionCalibration(columns: x, weightsBefore: d, factors: g, model: model)
        let calibrated = design.calibrated(to: weights, by: Calibration(.regression(calibration)))
        var lowest = Double.infinity
        var highest = -Double.infinity
        for row in d.indices where d[row] > 0 {
            lowest = min(lowest, g[row])
            highest = max(highest, g[row])
        }
        let report = CalibrationReport(
            iterations: solution.iterations, converged: newtonConverged,
            largestRelativeMisfit: misfit, gRange: lowest...highest, trimmedCount: trimmed,
            kishDesignEffectBefore: design.kishDesignEffect, kishDesignEffectAfter: calibrated.kishDesignEffect)
        return (calibrated, report)
    }

    /// R's `regcalibrate`: `g = 1 + xᵀ T⁻¹ (t − t̂)`.
    private static func gregFactors(
        _ x: [[Double]], weights d: [Double], totals: [Double], model: RegressionCalibration
    )
        -> [Double]
    {
        let p = x.count
        let gap = (0..<p).map { j in totals[j] - zip(x[j], d).reduce(0) { $0 + $1.0 * $1.1 } }
        var coefficient = [Double](repeating: 0, count: p)
        for a in 0..<p {
            for b in 0..<p { coefficient[a] += model.inverseCrossProduct[a, b] * gap[b] }
        }
        return d.indices.map { row in
            var sum = 1.0
            for j in 0..<p where x[j][row] != 0 { sum += x[j][row] * coefficient[j] }
            return sum
        }
    }

    /// R's `grake`, line by line.
    private static func newtonFactors(
        _ x: [[Double]], weights d: [Double], totals: [Double], options: CalibrationOptions
    )
        -> (g: [Double], iterations: Int, failed: Bool)
    {
        let p = x.count
        let rows = d.count
        let function = options.function
        let lower = options.bounds?.lowerBound ?? -.infinity
        let upper = options.bounds?.upperBound ?? .infinity
        var ww = d
        var sampleTotal = (0..<p).map { j in zip(x[j], d).reduce(0) { $0 + $1.0 * $1.1 } }
        // R rescales the weights when every total is far above the sample's (bounds then apply after it).
        var scale: Double?
        let scales = zip(totals, sampleTotal).map { $0 / $1 }
        if let smallest = scales.min(), smallest > 20 {
            let mean = scales.reduce(0, +) / Double(p)
            scale = mean
            ww = ww.map { $0 * mean }
            sampleTotal = sampleTotal.map { $0 * mean }
        }
        var eta = [Double](repeating: 0, count: p)
        var xeta = [Double](repeating: 0, count: rows)
        var fm1 = [Double](repeating: 0, count: rows)
        var derivative = [Double](repeating: 0, count: rows)
        func evaluate() {
            for row in 0..<rows {
                var sum = 0.0
                for j in 0..<p where x[j][row] != 0 { sum += x[j][row] * eta[j] }
                xeta[row] = sum
                fm1[row] = function.gMinusOne(sum, lower: lower, upper: upper)
                derivative[row] = function.derivative(sum, lower: lower, upper: upper)
            }
        }
        func misfit() -> [Double] {
            (0..<p).map { j in
                var sum = 0.0
                for row in 0..<rows where x[j][row] != 0 && ww[row] != 0 { sum += x[j][row] * ww[row] * fm1[row] }
                return totals[j] - sampleTotal[j] - sum
            }
        }
        evaluate()
        var iterations = 1
        var failed = false
        while true {
            var matrix = Matrix(rows: p, columns: p)
            for row in 0..<rows where ww[row] != 0 && derivative[row] != 0 {
                let factor = ww[row] * derivative[row]
                for a in 0..<p where x[a][row] != 0 {
                    for b in a..<p { matrix[a, b] += factor * x[a][row] * x[b][row] }
                }
            }
            for a in 0..<p {
                for b in 0..<a { matrix[a, b] = matrix[b, a] }
            }
            let gap = misfit()
            let inverse = matrix.symmetricPseudoInverse()
            var step = (0..<p).map { a in (0..<p).reduce(0) { $0 + inverse[a, $1] * gap[$1] } }
            for j in 0..<p { eta[j] += step[j] }
            evaluate()
            while iterations < options.maxIterations
                && (fm1.contains { !$0.isFinite } || derivative.contains { !$0.isFinite })
            {
                iterations += 1
                step = step.map { $0 / 2 }
                for j in 0..<p { eta[j] -= step[j] }
                evaluate()
            }
            let remaining = misfit()
            if zip(remaining, totals).allSatisfy({ abs($0) / (1 + abs($1)) < options.tolerance }) { break }
            iterations += 1
            if iterations > options.maxIterations {
                failed = true
                break
            }
        }
        var g = fm1.map { $0 + 1 }
        if let scale { g = g.map { $0 * scale } }
        return (g, iterations, failed)
    }

    /// R's `trim =`: g-weights outside `range` go to its ends; the rows inside share the difference
    /// in proportion to their weights. Returns the number of rows moved.
    private static func trimFactors(_ g: inout [Double], weights d: [Double], range: ClosedRange<Double>) -> Int {
        var outside = [Bool](repeating: false, count: g.count)
        var trimmings = 0.0
        var insideWeight = 0.0
        for row in g.indices {
            let clipped = min(max(g[row], range.lowerBound), range.upperBound)
            if g[row] < range.lowerBound || g[row] > range.upperBound {
                outside[row] = true
                trimmings += (g[row] - clipped) * d[row]
                g[row] = clipped
            } else {
                insideWeight += d[row]
            }
        }
        let moved = outside.count { $0 }
        guard moved > 0, insideWeight > 0 else { return moved }
        let shift = trimmings / insideWeight
        for row in g.indices where !outside[row] { g[row] += shift }
        return moved
    }

    private static func largestMisfit(_ x: [[Double]], weights d: [Double], factors g: [Double], totals: [Double])
        -> Double
    {
        var largest = 0.0
        for (column, total) in zip(x, totals) {
            var achieved = 0.0
            for row in d.indices where column[row] != 0 { achieved += d[row] * g[row] * column[row] }
            largest = max(largest, abs(total - achieved) / (1 + abs(total)))
        }
        return largest
    }
}
