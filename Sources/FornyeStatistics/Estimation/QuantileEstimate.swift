/// A design-based quantile with its confidence interval, as R's `svyquantile` with survey 4.x's
/// defaults: `qrule = "math"` and `interval.type = "mean"` (Woodruff's interval).
public struct QuantileEstimate: Sendable, Codable, Hashable {
    public var probability: Double
    public var estimate: Double
    /// The interval's bounds; nil where R gives NaN (the share's interval leaves 0…1).
    public var lower: Double?
    public var upper: Double?
    /// R's `(upper − lower) / (2 t)`; nil when a bound is.
    public var standardError: Double?
    /// `degf` of the analysed subset: PSUs minus strata among its rows.
    public var degreesOfFreedom: Int
    public var confidenceLevel: Double
    /// Rows that entered (non-missing, positive weight).
    public var count: Int

    public init(
        probability: Double, estimate: Double, lower: Double?, upper: Double?, standardError: Double?,
        degreesOfFreedom: Int, confidenceLevel: Double, count: Int
    ) {
        self.probability = probability
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.standardError = standardError
        self.degreesOfFreedom = degreesOfFreedom
        self.confidenceLevel = confidenceLevel
        self.count = count
    }
}
