/// The difference between two estimates, `first − second`, with its standard error, a
/// t-based Wald interval and the two-sided p-value for no difference.
public struct Difference: Sendable, Codable, Hashable {
    /// The first estimate (the minuend).
    public var first: Double
    public var firstStandardError: Double
    /// The second estimate (the subtrahend).
    public var second: Double
    public var secondStandardError: Double
    /// `first − second`.
    public var estimate: Double
    public var standardError: Double
    /// Degrees of freedom of the t reference distribution (fractional for Welch–Satterthwaite).
    public var degreesOfFreedom: Double
    public var tStatistic: Double
    public var pValue: Double
    public var lower: Double
    public var upper: Double
    public var confidenceLevel: Double

    public init(
        first: Double, firstStandardError: Double, second: Double, secondStandardError: Double,
        estimate: Double, standardError: Double, degreesOfFreedom: Double, tStatistic: Double, pValue: Double,
        lower: Double, upper: Double, confidenceLevel: Double
    ) {
        self.first = first
        self.firstStandardError = firstStandardError
        self.second = second
        self.secondStandardError = secondStandardError
        self.estimate = estimate
        self.standardError = standardError
        self.degreesOfFreedom = degreesOfFreedom
        self.tStatistic = tStatistic
        self.pValue = pValue
        self.lower = lower
        self.upper = upper
        self.confidenceLevel = confidenceLevel
    }

    init(
        first: Double, firstStandardError: Double, second: Double, secondStandardError: Double,
        standardError: Double, degreesOfFreedom: Double, level: Double, what: String
    ) throws(StatisticsError) {
        let estimate = first - second
        let interval = try TInterval(
            estimate: estimate, standardError: standardError, degreesOfFreedom: degreesOfFreedom, level: level,
            what: what)
        self.init(
            first: first, firstStandardError: firstStandardError, second: second,
            secondStandardError: secondStandardError, estimate: estimate, standardError: standardError,
            degreesOfFreedom: degreesOfFreedom, tStatistic: interval.tStatistic, pValue: interval.pValue,
            lower: interval.lower, upper: interval.upper, confidenceLevel: level)
    }
}
