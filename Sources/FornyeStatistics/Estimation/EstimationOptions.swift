/// Choices that apply to every estimate of one analysis.
public struct EstimationOptions: Sendable, Hashable {
    /// Which missing kinds are in the base (default: substantive answers only).
    public var missing: MissingPolicy
    /// Confidence level of the intervals, in (0, 1).
    public var confidenceLevel: Double
    /// Interval method for shares; means and totals always get the symmetric t interval.
    public var intervalMethod: IntervalMethod
    /// The reference of design effects; nil chooses by the design (`DesignEffectReference.automatic`).
    public var designEffectReference: DesignEffectReference?

    public init(
        missing: MissingPolicy = .substantiveOnly,
        confidenceLevel: Double = 0.95,
        intervalMethod: IntervalMethod = .logit,
        designEffectReference: DesignEffectReference? = nil
    ) {
        self.missing = missing
        self.confidenceLevel = confidenceLevel
        self.intervalMethod = intervalMethod
        self.designEffectReference = designEffectReference
    }
}
