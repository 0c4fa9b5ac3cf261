/// What is estimated in a table.
public enum EstimateKind: String, Sendable, Codable, CaseIterable {
    /// Share of respondents in each category of a single-choice or ordinal variable.
    case share
    /// Share of respondents who chose each option of a multiple-response set.
    case shareOfRespondents
    /// Share of all choices that went to each option of a multiple-response set.
    case shareOfResponses
    /// Mean of a numeric or ordinal variable (for Likert items: the mean score).
    case mean
    /// Estimated population total of a numeric variable.
    case total
}

/// One value of a breakdown variable that defines a domain.
public struct DomainValue: Sendable, Codable, Hashable {
    public var variable: String
    public var code: Int
    public var label: String

    public init(variable: String, code: Int, label: String) {
        self.variable = variable
        self.code = code
        self.label = label
    }
}

/// The category a share refers to: a code of the variable, an option of a
/// multiple-response set (identified by its item variable), or a missing kind shown as a category.
public struct Category: Sendable, Codable, Hashable {
    public var code: Int?
    public var item: String?
    public var label: String

    public init(code: Int? = nil, item: String? = nil, label: String) {
        self.code = code
        self.item = item
        self.label = label
    }
}

/// Conditions attached to a published cell.
public enum CellFlag: String, Sendable, Codable, CaseIterable, Hashable {
    /// Hidden because the unweighted count is below the publishing minimum.
    case suppressedPrimary
    /// Hidden so that a primary-suppressed cell cannot be recovered from its margins.
    case suppressedSecondary
    /// Unreliable: fails the NCHS presentation standards for proportions, or a mean or total
    /// with a relative standard error above 30 %. Shown unless `suppressedUnreliable` is set too.
    case unreliable
    /// The interval is wide relative to the complementary share 1 − p (NCHS: relative width of
    /// the complement above 130 %): the share is shown, with a note that its complement is unreliable.
    case reviewWidth
    /// Hidden because the estimate fails the NCHS presentation standards (or a mean or total
    /// rests on fewer than 30 respondents). Only the estimate, SE and interval are hidden:
    /// reliability is no secret, so the counts stay published.
    case suppressedUnreliable
    /// Fewer than 8 design degrees of freedom: the NCHS standards ask for a statistical review.
    case reviewDegreesOfFreedom
    /// An estimate of exactly 0 % or 100 %: the NCHS standards ask for a statistical review.
    case reviewZeroOrOne
    /// Nobody in the domain: no estimate exists.
    case emptyDomain
    /// The variance could not be estimated (for example a single PSU in the domain).
    case noVariance
}

/// One estimate with everything needed to publish it responsibly.
public struct EstimateCell: Sendable, Codable, Hashable {
    /// The domain: one value per breakdown variable, empty for the whole population.
    public var domain: [DomainValue]
    /// The category of a share; nil for means and totals.
    public var category: Category?
    /// Unweighted number of respondents in the base of the domain; −1 when disclosure control
    /// withholds the whole domain.
    public var baseCount: Int
    /// Unweighted number of respondents counted in the cell (in the category, for shares;
    /// the base count for means and totals); −1 when disclosure control withholds the cell.
    public var cellCount: Int
    /// Weighted size of the base; NaN when disclosure control withholds the whole domain.
    public var weightedBase: Double
    public var estimate: Double
    public var standardError: Double
    public var lower: Double
    public var upper: Double
    /// Design effect: the variance over the variance under simple random sampling of the same
    /// size, with the table's `designEffectReference`.
    public var designEffect: Double?
    /// Degrees of freedom used for the interval; −1 when disclosure control withholds the
    /// whole domain (under simple random sampling they would give away its size).
    public var degreesOfFreedom: Int
    public var flags: Set<CellFlag>

    public init(
        domain: [DomainValue], category: Category?, baseCount: Int, cellCount: Int, weightedBase: Double,
        estimate: Double, standardError: Double, lower: Double, upper: Double, designEffect: Double?,
        degreesOfFreedom: Int, flags: Set<CellFlag> = []
    ) {
        self.domain = domain
        self.category = category
        self.baseCount = baseCount
        self.cellCount = cellCount
        self.weightedBase = weightedBase
        self.estimate = estimate
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
        self.designEffect = designEffect
        self.degreesOfFreedom = degreesOfFreedom
        self.flags = flags
    }

    /// Effective sample size of a share, `p(1 − p) / SE²`, as NCHS and R's Korn–Graubard interval use.
    public var effectiveSampleSize: Double? {
        guard standardError > 0 else { return nil }
        return estimate * (1 - estimate) / (standardError * standardError)
    }

    /// True when the estimate is hidden, for confidentiality or for unreliability.
    public var isSuppressed: Bool {
        flags.contains(.suppressedPrimary) || flags.contains(.suppressedSecondary)
            || flags.contains(.suppressedUnreliable)
    }
}

/// The estimates of one variable (or multiple-response set) by zero, one or two breakdowns.
public struct EstimateTable: Sendable, Codable {
    public var kind: EstimateKind
    /// The variable or multiple-response set estimated.
    public var variable: String
    public var label: String
    public var breakdowns: [String]
    public var confidenceLevel: Double
    public var intervalMethod: IntervalMethod
    /// The simple random sample the design effects compare with; nil in tables made before
    /// the reference was recorded.
    public var designEffectReference: DesignEffectReference?
    /// How the standard errors were made; nil in tables made before the method was recorded.
    public var varianceMethod: VarianceMethod?
    /// True when the data are synthetic; every rendering must say so.
    public var synthetic: Bool
    public var cells: [EstimateCell]

    public init(
        kind: EstimateKind, variable: String, label: String, breakdowns: [String], confidenceLevel: Double,
        intervalMethod: IntervalMethod, synthetic: Bool, cells: [EstimateCell],
        designEffectReference: DesignEffectReference? = nil, varianceMethod: VarianceMethod? = nil
    ) {
        self.kind = kind
        self.variable = variable
        self.label = label
        self.breakdowns = breakdowns
        self.confidenceLevel = confidenceLevel
        self.intervalMethod = intervalMethod
        self.designEffectReference = designEffectReference
        self.varianceMethod = varianceMethod
        self.synthetic = synthetic
        self.cells = cells
    }
}
