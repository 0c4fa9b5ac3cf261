/// What raking did: whether it met the margins, how far the weights moved, and what that costs
/// in precision (Kish's design effect of unequal weighting).
public struct RakingReport: Sendable, Hashable, Codable {
    /// How far the final weights miss one margin, measured against its totals as given (before
    /// a small grand-total discrepancy was scaled away).
    public struct MarginError: Sendable, Hashable, Codable {
        public var variable: String
        /// The largest |weighted total − population total| over the margin's groups.
        public var maxAbsoluteError: Double
        /// The largest such difference as a share of the group's population total.
        public var maxRelativeError: Double
    }

    /// Sweeps over all margins that were made.
    public var iterations: Int
    /// Whether every margin was met within the tolerance by the final (after trimming, the
    /// trimmed) weights. False when `maxIterations` ran out first, for instance because the
    /// margins contradict each other or the trimming bounds.
    public var converged: Bool
    /// One entry per margin, in the order given.
    public var marginErrors: [MarginError]
    /// The smallest and largest ratio of final to initial weight over rows with positive weight.
    public var weightRatioRange: ClosedRange<Double>
    public var kishDesignEffectBefore: Double
    public var kishDesignEffectAfter: Double
    public var effectiveSampleSizeBefore: Double
    public var effectiveSampleSizeAfter: Double
    /// Rows whose final weight sits at a trimming bound; 0 without trimming.
    public var trimmedCount: Int
    /// The largest relative difference between the grand total of a margin and that of the
    /// first margin, before the margins were scaled to agree; 0 when they agree exactly.
    public var marginTotalDiscrepancy: Double

    /// The largest error over every margin.
    public var maxAbsoluteError: Double {
        marginErrors.map(\.maxAbsoluteError).max() ?? 0
    }
}
