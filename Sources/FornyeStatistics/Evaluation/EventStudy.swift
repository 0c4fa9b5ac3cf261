/// The programme's effect wave by wave, relative to a reference wave (the last before the
/// programme started), with a joint test that the effects before the programme are zero.
///
/// The effect in wave k is (k − reference) among participants minus (k − reference) in the
/// comparison group: the coefficient of `group × (wave == k)` in R's
/// `svyglm(y ~ factor(wave) + group + group:d_k…, design)` with the reference wave left out, the
/// saturated model on all waves' rows. Effects before the reference measure diverging trends
/// before the programme; under parallel trends they are zero, and `preTrend` tests that jointly.
///
/// ```swift
/// let study = try EventStudy.estimate(.share(category: 1), of: "innovated", panel: panel, reference: 2020)
/// for effect in study.effects { print(effect.wave, effect.relativeWave, effect.contrast.estimate) }
/// print(study.preTrend?.pValue ?? .nan)
/// ```
public struct EventStudy: Sendable, Codable, Hashable {
    /// The effect in one wave.
    public struct Effect: Sendable, Codable, Hashable {
        public var wave: Int
        /// Position relative to the reference wave in waves (−2, −1, 1, 2 …), not years.
        public var relativeWave: Int
        public var contrast: PanelContrast
    }

    /// The last wave before the programme; its effect is 0 by definition.
    public var reference: Int
    /// Every cell mean, wave after wave, participants first.
    public var cells: [PanelCell]
    /// One effect per wave except the reference, in wave order.
    public var effects: [Effect]
    /// The joint Wald test that every effect before the reference is zero; nil when the
    /// reference is the first wave (nothing to test).
    public var preTrend: WaldTest?
    public var confidenceLevel: Double
    public var linked: Bool

    /// Estimates effects by wave for the panel's waves (or the given ones).
    ///
    /// - Parameters:
    ///   - reference: The last wave before the programme started.
    ///   - waves: The waves to use, by default every wave of the panel; at least three are
    ///     needed for a pre-trend test (two before the programme and one after).
    public static func estimate(
        _ quantity: Comparison.Quantity, of variable: String, panel: EvaluationPanel, reference: Int,
        waves: [Int]? = nil, design: SurveyDesign? = nil, missing: MissingPolicy = .substantiveOnly,
        level: Double = 0.95
    ) throws(StatisticsError) -> EventStudy {
        try TInterval.check(level: level)
        let waves = (waves ?? panel.waves).sorted()
        guard let referencePosition = waves.firstIndex(of: reference) else {
            throw .invalidArgument("the reference wave \(reference) is not among the waves \(waves)")
        }
        let values = try Comparison.analysisValues(quantity, of: variable, dataset: panel.dataset, missing: missing)
        let cells = try PanelCells(
            outcome: values, panel: panel, design: panel.design(or: design), waves: waves,
            what: "event study of \(variable)")
        var effects: [Effect] = []
        var preCoefficients: [[Double]] = []
        for (position, wave) in waves.enumerated() where position != referencePosition {
            let coefficients = cells.didCoefficients(wave: position, reference: referencePosition)
            if position < referencePosition { preCoefficients.append(coefficients) }
            effects.append(
                Effect(
                    wave: wave, relativeWave: position - referencePosition,
                    contrast: try PanelContrast(cells, coefficients, level: level, what: "effect in wave \(wave)")))
        }
        let preTrend =
            preCoefficients.isEmpty
            ? nil
            : try WaldTest(
                cells, contrasts: preCoefficients, what: "pre-trend test of \(variable) before wave \(reference)")
        return EventStudy(
            reference: reference, cells: cells.cells, effects: effects, preTrend: preTrend, confidenceLevel: level,
            linked: panel.linked)
    }
}

/// A joint Wald test that several linear combinations of estimates are all zero, as R's
/// `regTermTest(model, ~terms, method = "Wald")` on a `svyglm`: χ² = bᵀ V⁻¹ b on q contrasts,
/// referred as F = χ²/q to the F distribution on q and the model's residual degrees of freedom.
public struct WaldTest: Sendable, Codable, Hashable {
    /// The Wald statistic bᵀ V⁻¹ b.
    public var chiSquared: Double
    /// χ²/q.
    public var f: Double
    /// q, the number of contrasts tested.
    public var numeratorDegreesOfFreedom: Int
    /// The model's residual degrees of freedom.
    public var denominatorDegreesOfFreedom: Int
    /// P(F(q, ddf) > f).
    public var pValue: Double

    init(_ cells: PanelCells, contrasts: [[Double]], what: String) throws(StatisticsError) {
        let q = contrasts.count
        var estimates = Matrix(rows: q, columns: 1)
        var covariance = Matrix(rows: q, columns: q)
        for a in 0..<q {
            estimates[a, 0] = cells.estimate(contrasts[a])
            for b in 0..<q { covariance[a, b] = cells.covariance(contrasts[a], contrasts[b]) }
        }
        let solved: Matrix
        do {
            solved = try covariance.solving(estimates)
        } catch {
            throw .invalidArgument("\(what): the covariance of the effects is singular; no joint test is possible")
        }
        let statistic = (0..<q).reduce(0) { $0 + estimates[$1, 0] * solved[$1, 0] }
        chiSquared = statistic
        f = statistic / Double(q)
        numeratorDegreesOfFreedom = q
        denominatorDegreesOfFreedom = cells.degreesOfFreedom
        pValue = Distributions.fSurvival(
            statistic / Double(q), numeratorDegreesOfFreedom: Double(q),
            denominatorDegreesOfFreedom: Double(cells.degreesOfFreedom))
    }
}
