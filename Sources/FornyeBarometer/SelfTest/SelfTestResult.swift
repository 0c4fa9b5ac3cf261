public import FornyeStatistics

/// A share with its 95 % interval as the result page shows it; nil fields when disclosure control
/// withholds the cell.
public struct SelfTestShare: Sendable, Hashable {
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    /// Unweighted respondents in the base.
    public var base: Int

    init?(_ cell: EstimateCell?) {
        guard let cell, !cell.isSuppressed, cell.estimate.isFinite else { return nil }
        estimate = cell.estimate
        lower = cell.lower
        upper = cell.upper
        base = cell.baseCount
    }
}

/// One option of one question: whether the unit chose it, and how often its peers and the nation do.
public struct SelfTestOptionRow: Sendable, Hashable {
    public var question: String
    public var questionLabel: LocalizedText
    public var code: Int
    public var optionLabel: LocalizedText
    public var chosen: Bool
    /// nil when withheld (too few peers answered) or not estimable.
    public var peers: SelfTestShare?
    public var national: SelfTestShare?
}

/// Where the unit's answer on one promoting/hindering factor falls among its peers' answers.
public struct SelfTestFactorPosition: Sendable, Hashable {
    public var question: String
    public var label: LocalizedText
    /// The unit's answer on the 1–5 scale.
    public var answer: Int
    /// The percentile rank among peers (0…1, mid-distribution), nil when withheld.
    public var percentileRank: Double?
    /// The peers' quartiles (0.25, 0.5, 0.75) with Woodruff intervals; empty when withheld.
    public var quartiles: [QuantileEstimate]
    /// Peers who answered the factor on the scale.
    public var peerCount: Int
}

/// Everything the result page shows, computed at once from the wave and the answers.
public struct SelfTestResult: Sendable {
    public var profile: SelfTestProfile
    public var requestedScope: PeerScope
    public var scope: PeerScope
    public var peerCount: Int
    /// Scopes passed over on the way to `scope` (nil count: the profile cannot form it).
    public var passedOver: [(scope: PeerScope, count: Int?)]
    public var minimumCount: Int
    public var waveTitle: String
    public var synthetic: Bool
    /// One row per option of every answered choice question, in questionnaire order.
    public var options: [SelfTestOptionRow]
    public var factors: [SelfTestFactorPosition]

    /// Options the unit chose that fewer than `rareShare` of its peers choose.
    public func chosenRarely(rareShare: Double = 0.25) -> [SelfTestOptionRow] {
        options.filter { $0.chosen && ($0.peers?.estimate ?? 1) < rareShare }
    }

    /// Options most peers choose (at least `commonShare`) that the unit did not.
    public func notChosenCommonly(commonShare: Double = 0.6) -> [SelfTestOptionRow] {
        options.filter { !$0.chosen && ($0.peers?.estimate ?? 0) >= commonShare }
    }

    /// Factors where the unit sits in the lowest quarter of its peers: the gaps to read about.
    public var gaps: [SelfTestFactorPosition] {
        factors.filter { ($0.percentileRank ?? 1) < 0.25 }
    }
}
