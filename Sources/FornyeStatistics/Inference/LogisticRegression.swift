import Foundation

/// A design-based logistic regression: R's `svyglm(y ~ ..., design, family = quasibinomial())`.
///
/// Coefficients maximise the weighted (pseudo-)likelihood; their covariance is the sandwich
/// estimator, the linearised variance of the estimating equations (R's `svy.varcoef`), so it
/// reflects strata, clusters, the finite population correction and calibration. Tests use
/// t with R's residual degrees of freedom, `degf(design) + 1 − p`.
///
/// ```swift
/// let model = try LogisticRegression.fit(
///     "innovated", on: ["sector", "population"], dataset: dataset, design: design)
/// for coefficient in model.coefficients {
///     print(coefficient.term.name, coefficient.oddsRatio, coefficient.pValue)
/// }
/// ```
public struct LogisticRegression: Sendable, Codable, Hashable {
    public struct Coefficient: Sendable, Codable, Hashable {
        public var term: ModelTerm
        /// The coefficient on the log-odds scale.
        public var estimate: Double
        public var standardError: Double
        public var tStatistic: Double
        /// Two-sided p-value of t on the model's degrees of freedom.
        public var pValue: Double
        /// Wald interval on the log-odds scale, `estimate ∓ t(1 − α/2, df) · SE`.
        public var lower: Double
        public var upper: Double

        /// `exp(estimate)`: the odds ratio for a level against the reference category or for one
        /// unit of a numeric predictor; for the intercept, the odds in the reference group.
        public var oddsRatio: Double { exp(estimate) }
        public var oddsRatioLower: Double { exp(lower) }
        public var oddsRatioUpper: Double { exp(upper) }
    }

    /// The outcome variable.
    public var outcome: String
    /// The outcome codes counted as events, or nil when the outcome is itself 0/1.
    public var events: Set<Int>?
    public var coefficients: [Coefficient]
    /// The sandwich covariance of the coefficients, `covariance[i][j]` in term order.
    public var covariance: [[Double]]
    /// Residual degrees of freedom, `degf(design of the rows used) + 1 − p`, as `svyglm`.
    /// Tests and intervals use it; `confint.svyglm` (survey 4.1.1, method "Wald") does too.
    public var degreesOfFreedom: Int
    public var confidenceLevel: Double
    /// Rows with a value on the outcome and on every predictor.
    public var rowsUsed: Int
    /// `Σ w` over the rows used.
    public var weightedCount: Double
    /// IRLS iterations, as R's `iter`.
    public var iterations: Int

    /// Fits a logistic model with sampling weights and a design-based covariance.
    ///
    /// Rows missing on the outcome or on any predictor are left out as a domain: they keep
    /// their PSU in the design but add nothing, which is what `svyglm` does when it drops
    /// `NA` rows (it subsets the design). Missing codes the policy leaves out are missing;
    /// those it includes are categories of factors and non-events of an outcome with `events`.
    ///
    /// Factor levels are the categories present among the rows used, in codebook order; the
    /// first is the reference. R would keep absent levels as aliased (`NA`) coefficients.
    ///
    /// - Parameters:
    ///   - outcome: A 0/1 variable (a multiple-choice item or numbers in [0, 1], as
    ///     quasibinomial allows), or a coded variable together with `events`.
    ///   - events: The codes of `outcome` that count as 1; every other category is 0.
    ///   - predictors: The predictors in order; the model has an intercept.
    ///   - confidenceLevel: Level of the coefficient and odds-ratio intervals.
    /// IRLS runs to convergence (relative change of the deviance below 1e-14, at most 100
    /// iterations), which is R with `control = glm.control(epsilon = 1e-14, maxit = 100)`. R's
    /// default epsilon of 1e-8 stops a Newton step earlier; its standard errors then differ
    /// from these by up to about 1e-6 (relative), its coefficients by far less.
    ///
    /// - Throws: `.notConverged` when IRLS does not converge in 100 iterations or the outcome
    ///   is separated (a category where every respondent has the same outcome, or fitted
    ///   probabilities of 0 or 1); `.invalidArgument` for collinear predictors or too few
    ///   degrees of freedom.
    public static func fit(
        _ outcome: String,
        events: Set<Int>? = nil,
        on predictors: [Predictor],
        dataset: Dataset,
        design: SurveyDesign,
        missing: MissingPolicy = .substantiveOnly,
        confidenceLevel: Double = 0.95
    ) throws(StatisticsError) -> LogisticRegression {
        try TInterval.check(level: confidenceLevel)
        guard design.rowCount == dataset.rowCount else {
            throw .invalidDesign("the design has \(design.rowCount) rows; the dataset has \(dataset.rowCount)")
        }
        let y = try outcomeValues(outcome, events: events, dataset: dataset, missing: missing)
        let frame = try ModelFrame(
            outcome: y, predictors: predictors, dataset: dataset, weights: design.weights, missing: missing)
        let termCount = frame.terms.count
        let degrees = design.degreesOfFreedom(of: frame.used) + 1 - termCount
        guard degrees > 0 else {
            throw .invalidArgument(
                "the rows used span \(degrees + termCount - 1) design degrees of freedom; a model with \(termCount) coefficients needs more"
            )
        }
        let observed = frame.outcome.indices.filter { frame.used[$0] && design.weights[$0] > 0 }.map {
            frame.outcome[$0]
        }
        guard let lowest = observed.min(), let highest = observed.max(), lowest < highest else {
            throw .invalidArgument("\(outcome) takes a single value among the rows used; there is nothing to model")
        }
        try checkRank(frame, weights: design.weights)
        try checkSeparation(frame, outcome: outcome, weights: design.weights)

        // svyglm rescales the weights to mean 1 over the design; this changes only glm's start.
        let meanWeight = design.weights.reduce(0, +) / Double(design.rowCount)
        let priorWeights = design.weights.indices.map { frame.used[$0] ? design.weights[$0] / meanWeight : 0 }
        let fit = try LogitIRLS(
            columns: frame.columns, outcome: frame.outcome, priorWeights: priorWeights, terms: frame.terms)
        try checkBoundary(fit, outcome: frame.outcome, priorWeights: priorWeights)

        let covariance = try sandwichCovariance(fit, frame: frame, design: design)
        var coefficients: [Coefficient] = []
        for (index, term) in frame.terms.enumerated() {
            let estimate = fit.coefficients[index]
            let standardError = covariance[index, index].squareRoot()
            let interval = try TInterval(
                estimate: estimate, standardError: standardError, degreesOfFreedom: Double(degrees),
                level: confidenceLevel, what: "coefficient \(term.name)")
            coefficients.append(
                Coefficient(
                    term: term, estimate: estimate, standardError: standardError, tStatistic: interval.tStatistic,
                    pValue: interval.pValue, lower: interval.lower, upper: interval.upper))
        }
        return LogisticRegression(
            outcome: outcome, events: events, coefficients: coefficients,
            covariance: (0..<termCount).map { covariance.row($0) }, degreesOfFreedom: degrees,
            confidenceLevel: confidenceLevel, rowsUsed: frame.used.count(where: { $0 }),
            weightedCount: design.weights.indices.reduce(0) { $0 + (frame.used[$1] ? design.weights[$1] : 0) },
            iterations: fit.iterations)
    }

    /// The coefficient of a term by its R name, e.g. `"sector2"`.
    public func coefficient(named name: String) -> Coefficient? {
        coefficients.first { $0.term.name == name }
    }

    /// R's `svy.varcoef`: the influence of each row on the coefficients is
    /// `x_i · r_i · w_i · (X′WX)⁻¹` (working residual r, working weight w), and its
    /// linearised covariance over the design is the sandwich.
    private static func sandwichCovariance(
        _ fit: LogitIRLS, frame: ModelFrame, design: SurveyDesign
    ) throws(StatisticsError) -> Matrix {
        let p = frame.terms.count
        var influence = [[Double]](repeating: [Double](repeating: 0, count: design.rowCount), count: p)
        for row in 0..<design.rowCount where frame.used[row] {
            let score = fit.workingResiduals[row] * fit.workingWeights[row]
            if score == 0 { continue }
            for a in 0..<p {
                var value = 0.0
                for b in 0..<p { value += frame.columns[b][row] * score * fit.inverseInformation[b, a] }
                influence[a][row] = value
            }
        }
        return try design.subsetCovariance(of: influence, rows: frame.used)
    }

    private static func outcomeValues(
        _ name: String, events: Set<Int>?, dataset: Dataset, missing: MissingPolicy
    ) throws(StatisticsError) -> [Double] {
        if let events {
            let values = try CodedValues(name, in: dataset, missing: missing)
            for event in events.sorted() { _ = try values.position(of: event, variable: name) }
            return values.categoryOfRow.map { category in
                guard let category else { return .nan }
                return events.contains(values.categories[category]) ? 1 : 0
            }
        }
        let variable = try dataset.variable(named: name)
        guard variable.kind == .numeric || variable.kind == .multipleChoiceItem else {
            throw .wrongKind(
                variable: name, expected: "a 0/1 outcome (or give the codes that count as events)",
                actual: variable.kind)
        }
        let values = try dataset.measurements(of: name)
        for (row, value) in values.enumerated() where !value.isNaN && !(0...1).contains(value) {
            throw .invalidValue(
                variable: name, row: row + 1, message: "a logistic outcome must lie in [0, 1], not \(value)")
        }
        return values
    }

    /// R's QR tolerance: a column whose weighted norm falls below this fraction of its own
    /// once the earlier columns are projected out is aliased (R would report `NA`).
    static let aliasTolerance = 1e-7

    /// Refuses a model matrix without full column rank, naming the first aliased term.
    private static func checkRank(_ frame: ModelFrame, weights: [Double]) throws(StatisticsError) {
        let rows = weights.indices.filter { frame.used[$0] && weights[$0] > 0 }
        let scale = rows.map { weights[$0].squareRoot() }
        func column(_ term: Int) -> [Double] { rows.indices.map { frame.columns[term][rows[$0]] * scale[$0] } }
        for term in 1..<frame.terms.count {
            var earlier = Matrix(rows: rows.count, columns: term)
            for previous in 0..<term {
                for (index, value) in column(previous).enumerated() { earlier[index, previous] = value }
            }
            let values = column(term)
            let residuals = earlier.qrResiduals(of: Matrix(values.map { [$0] }))
            let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let residualNorm = residuals.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if residualNorm <= aliasTolerance * norm {
                throw .invalidArgument(
                    "term \(frame.terms[term].name) is a linear combination of the terms before it among the rows used (collinear predictors); leave one of them out"
                )
            }
        }
    }

    /// Quasi-complete separation by a factor: a category in which every respondent with
    /// positive weight has the same 0/1 outcome has no finite maximum-likelihood coefficient.
    private static func checkSeparation(
        _ frame: ModelFrame, outcome: String, weights: [Double]
    ) throws(StatisticsError) {
        guard frame.outcome.indices.allSatisfy({ !frame.used[$0] || frame.outcome[$0] == 0 || frame.outcome[$0] == 1 })
        else { return }
        for factor in frame.factorLevels {
            var events = [Double](repeating: 0, count: factor.codes.count)
            var counts = [Double](repeating: 0, count: factor.codes.count)
            for row in frame.outcome.indices where weights[row] > 0 {
                guard let level = factor.levelOfRow[row] else { continue }
                events[level] += frame.outcome[row]
                counts[level] += 1
            }
            for level in factor.codes.indices
            where counts[level] > 0 && (events[level] == 0 || events[level] == counts[level]) {
                throw .notConverged(
                    "logistic regression: every respondent with \(factor.variable) = \(factor.codes[level]) has \(outcome) = \(events[level] == 0 ? 0 : 1) (separation); merge this category with another or leave the predictor out"
                )
            }
        }
    }

    /// Complete separation by any combination of predictors: a linear predictor that puts
    /// every event above every non-event (the model has an intercept, so this is a separating
    /// hyperplane and no finite maximum exists), or fitted probabilities of 0 or 1.
    private static func checkBoundary(
        _ fit: LogitIRLS, outcome: [Double], priorWeights: [Double]
    ) throws(StatisticsError) {
        let rows = priorWeights.indices.filter { priorWeights[$0] > 0 }
        let separated =
            "the predictors separate the outcome (complete separation); leave a predictor out or merge categories"
        if rows.allSatisfy({ outcome[$0] == 0 || outcome[$0] == 1 }) {
            let events = rows.filter { outcome[$0] == 1 }.map { fit.linearPredictor[$0] }
            let nonEvents = rows.filter { outcome[$0] == 0 }.map { fit.linearPredictor[$0] }
            if let lowestEvent = events.min(), let highestNonEvent = nonEvents.max(), lowestEvent > highestNonEvent {
                throw .notConverged("logistic regression: \(separated)")
            }
        }
        let epsilon = 10 * Double.ulpOfOne
        for row in rows where fit.fitted[row] < epsilon || fit.fitted[row] > 1 - epsilon {
            throw .notConverged("logistic regression: fitted probabilities of 0 or 1 occurred; \(separated)")
        }
    }
}
