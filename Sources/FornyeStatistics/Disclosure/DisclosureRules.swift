/// What a published table must respect: minimum counts for confidentiality, the NCHS
/// presentation standards for reliability, and whether hidden cells are protected from
/// being recomputed. See `DisclosureControl` and docs/DISCLOSURE.md.
///
/// ```swift
/// var rules = DisclosureRules()
/// rules.minimumCellCount = 3
/// let published = DisclosureControl.apply(rules, to: table)
/// ```
public struct DisclosureRules: Sendable, Codable, Hashable {
    /// Primary suppression: a cell counting between 1 and `minimumCellCount − 1` respondents is
    /// hidden. Zero cells are published (see docs/DISCLOSURE.md for why).
    public var minimumCellCount: Int = 5
    /// A domain with between 1 and `minimumBaseCount − 1` respondents is hidden whole, base
    /// included. Below 10 every respondent moves a share by more than ten points and the
    /// shares give away the unweighted counts.
    public var minimumBaseCount: Int = 10
    /// Flag and hide unreliable estimates by the NCHS presentation standards for proportions
    /// (Parker et al. 2017), and flag means and totals by the 30 % relative standard error rule.
    public var applyNCHSStandards: Bool = true
    /// Hide further cells so that no hidden count can be recomputed from the published cells
    /// and margins.
    public var secondarySuppression: Bool = true

    public init(
        minimumCellCount: Int = 5, minimumBaseCount: Int = 10, applyNCHSStandards: Bool = true,
        secondarySuppression: Bool = true
    ) {
        self.minimumCellCount = minimumCellCount
        self.minimumBaseCount = minimumBaseCount
        self.applyNCHSStandards = applyNCHSStandards
        self.secondarySuppression = secondarySuppression
    }

    enum CodingKeys: String, CodingKey {
        case minimumCellCount, minimumBaseCount, applyNCHSStandards, secondarySuppression
    }

    /// Reads rules written by hand: every key is optional and falls back to its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = DisclosureRules()
        minimumCellCount =
            try container.decodeIfPresent(Int.self, forKey: .minimumCellCount) ?? defaults.minimumCellCount
        minimumBaseCount =
            try container.decodeIfPresent(Int.self, forKey: .minimumBaseCount) ?? defaults.minimumBaseCount
        applyNCHSStandards =
            try container.decodeIfPresent(Bool.self, forKey: .applyNCHSStandards) ?? defaults.applyNCHSStandards
        secondarySuppression =
            try container.decodeIfPresent(Bool.self, forKey: .secondarySuppression)
            ?? defaults.secondarySuppression
    }

    /// True when a count of `count` respondents out of `base` may not be published.
    ///
    /// For the share of respondents who chose one option of a multiple-response set, the
    /// respondents who did not choose it are an implicit cell of `base − count`; a small
    /// complement is as revealing as a small count.
    func isSmall(count: Int, base: Int, kind: EstimateKind) -> Bool {
        if 0 < count && count < minimumCellCount { return true }
        if kind == .shareOfRespondents {
            let complement = base - count
            return 0 < complement && complement < minimumCellCount
        }
        return false
    }

    /// True when a domain of `base` respondents is too small to publish anything about.
    func isSmallBase(_ base: Int) -> Bool {
        0 < base && base < minimumBaseCount
    }
}
