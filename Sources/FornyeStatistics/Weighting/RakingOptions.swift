/// Limits on raked weights (weight trimming).
public enum WeightBounds: Sendable, Hashable, Codable {
    /// The final weight of each row stays within `lower...upper` times its initial weight,
    /// the bounds R's `calibrate(bounds = c(lower, upper))` puts on the g-weights.
    case ratio(lower: Double, upper: Double)
    /// Every final weight stays within `lower...upper`, the bounds of R's
    /// `trimWeights(design, lower =, upper =)`.
    case absolute(lower: Double, upper: Double)

    var limits: (lower: Double, upper: Double) {
        switch self {
        case .ratio(let lower, let upper), .absolute(let lower, let upper): (lower, upper)
        }
    }

    func validate() throws(StatisticsError) {
        let (lower, upper) = limits
        guard lower >= 0, upper > 0, lower <= upper, !lower.isInfinite else {
            throw .invalidArgument(
                "weight bounds \(lower)...\(upper): need 0 ≤ lower ≤ upper, upper positive and lower finite")
        }
    }
}

/// How `Weighting.rake` iterates and when it stops.
///
/// ```swift
/// var options = RakingOptions()
/// options.trimming = .ratio(lower: 0.3, upper: 3)
/// ```
public struct RakingOptions: Sendable, Hashable, Codable {
    /// The most sweeps over all margins (R's `control$maxit`).
    public var maxIterations: Int
    /// Raking has converged when no weighted margin total differs from its population total by
    /// more than `tolerance` times the population grand total.
    public var tolerance: Double
    /// Bounds on the final weights; nil for plain raking. See `Weighting.rake` for how they are applied.
    public var trimming: WeightBounds?
    /// Margins whose grand totals differ by more than this share of the first margin's total are
    /// refused; smaller differences (rounded published figures) are scaled away and reported.
    public var marginTotalTolerance: Double

    public init(
        maxIterations: Int = 100,
        tolerance: Double = 1e-10,
        trimming: WeightBounds? = nil,
        marginTotalTolerance: Double = 1e-6
    ) {
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.trimming = trimming
        self.marginTotalTolerance = marginTotalTolerance
    }

    func validate() throws(StatisticsError) {
        guard maxIterations >= 1 else {
            throw .invalidArgument("raking needs at least one iteration; maxIterations is \(maxIterations)")
        }
        guard tolerance >= 0, tolerance.isFinite else {
            throw .invalidArgument("raking tolerance \(tolerance) must be a non-negative number")
        }
        guard marginTotalTolerance >= 0, marginTotalTolerance.isFinite else {
            throw .invalidArgument("margin total tolerance \(marginTotalTolerance) must be a non-negative number")
        }
        try trimming?.validate()
    }
}
