/// One published number for an area (a municipality, a county or the country) and an indicator
/// in one wave: a direct survey estimate when the publication rules allow it, else a model
/// estimate said to be one, else nothing with the reason. Never a bare small-n share.
public struct AreaEstimate: Sendable, Hashable, Codable {
    public enum Method: String, Sendable, Hashable, Codable {
        /// The design-based share of the area's own respondents (Taylor-linearised SE, logit interval).
        case direct
        /// The Fay–Herriot EBLUP: the area's own share shrunk toward the regression on the register.
        case fayHerriot = "fay-herriot"
        /// The Fay–Herriot regression part alone: no weight on the area's own respondents, used where
        /// their share is withheld for confidentiality or there are none.
        case synthetic
        /// Nothing could be published.
        case none
    }

    /// Why the direct estimate is not shown.
    public enum Withheld: String, Sendable, Hashable, Codable {
        /// Too few respondents or a cell that could identify them (primary or secondary suppression).
        case confidential
        /// Fails the NCHS presentation standards for proportions.
        case unreliable
        case noRespondents = "no-respondents"
    }

    public var method: Method
    public var withheld: Withheld?
    /// The respondents in the base; nil when the base itself is withheld.
    public var respondents: Int?
    public var estimate: Double?
    /// The standard error (direct) or root mean squared error (model).
    public var standardError: Double?
    public var lower: Double?
    public var upper: Double?
    /// Benchmarked to the county's direct estimate (model estimates only).
    public var benchmarked: Bool

    public init(
        method: Method, withheld: Withheld? = nil, respondents: Int?, estimate: Double?, standardError: Double?,
        lower: Double?, upper: Double?, benchmarked: Bool = false
    ) {
        self.method = method
        self.withheld = withheld
        self.respondents = respondents
        self.estimate = estimate
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
        self.benchmarked = benchmarked
    }

    public var isModel: Bool { method == .fayHerriot || method == .synthetic }

    /// A model estimate with a normal 95 % interval from its root MSE, kept within [0, 1].
    static func model(
        _ method: Method, withheld: Withheld, respondents: Int?, estimate: Double, rootMSE: Double,
        benchmarked: Bool
    ) -> AreaEstimate {
        let value = min(max(estimate, 0), 1)
        return AreaEstimate(
            method: method, withheld: withheld, respondents: respondents, estimate: value,
            standardError: rootMSE, lower: max(0, value - 1.959963984540054 * rootMSE),
            upper: min(1, value + 1.959963984540054 * rootMSE), benchmarked: benchmarked)
    }
}
