/// Which replicate weights to make from a design: the choice `fornye estimate --replicate-type`
/// and the estimates API's `replicates` parameter both ask for, so both make them the same way.
///
/// ```swift
/// let recipe = try ReplicateRecipe(kind: .bootstrap, count: 80, seed: 1)
/// let replicates = try recipe.make(from: design)
/// ```
public struct ReplicateRecipe: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Delete-one-PSU jackknife: JK1 without strata, JKn with them.
        case jackknife
        /// Rao–Wu rescaling bootstrap (R's `subbootstrap`).
        case bootstrap
        /// Balanced repeated replication; exactly two PSUs per stratum.
        case brr
        /// Fay's variant of BRR with `fayRho`.
        case fay
    }

    /// Bounds of the bootstrap's replicate count: R's default is 50; more than 1,000 buys little
    /// and costs memory (one weight per row and replicate).
    public static let counts = 2...1000
    public static let defaultCount = 50

    public let kind: Kind
    /// Bootstrap replicates; the jackknife and BRR have as many as the design gives.
    public let count: Int
    public let seed: UInt64
    public let fayRho: Double

    public init(kind: Kind, count: Int = defaultCount, seed: UInt64 = 1, fayRho: Double = 0.5)
        throws(StatisticsError)
    {
        guard Self.counts.contains(count) else {
            throw .invalidArgument(
                "the number of bootstrap replicates must be from \(Self.counts.lowerBound) to \(Self.counts.upperBound), not \(count)"
            )
        }
        guard fayRho > 0, fayRho < 1 else {
            throw .invalidArgument("Fay's rho must lie strictly between 0 and 1, not \(fayRho)")
        }
        self.kind = kind
        self.count = count
        self.seed = seed
        self.fayRho = fayRho
    }

    /// Replicate weights of an uncalibrated design.
    public func make(from design: SurveyDesign) throws(StatisticsError) -> ReplicateWeights {
        switch kind {
        case .jackknife: try ReplicateWeights.jackknife(design)
        case .bootstrap: try ReplicateWeights.bootstrap(design, replicates: count, seed: seed)
        case .brr: try ReplicateWeights.balancedHalfSamples(design)
        case .fay: try ReplicateWeights.balancedHalfSamples(design, fayRho: fayRho)
        }
    }

    /// The design to estimate with and its replicate weights: made from the design before raking
    /// and raked again one by one, as R's `rake` does on a replicate design, when it was raked
    /// here; made from the design itself when its weights are used as given.
    ///
    /// - Throws: `.invalidDesign` for a design that came raked without its weights before raking.
    public func make(for weighting: CalibratedDesign, data: Dataset, options: RakingOptions = RakingOptions())
        throws(StatisticsError) -> (design: SurveyDesign, replicates: ReplicateWeights)
    {
        guard !weighting.margins.isEmpty else { return (weighting.design, try make(from: weighting.design)) }
        guard let before = weighting.beforeRaking else {
            throw .invalidDesign(
                "the design came raked, without its weights before raking; replicate weights cannot be raked again")
        }
        let margins = weighting.margins
        return try make(from: before).calibrated(before) { (design) throws(StatisticsError) in
            try Weighting.rake(design, data: data, to: margins, options: options).design
        }
    }
}
