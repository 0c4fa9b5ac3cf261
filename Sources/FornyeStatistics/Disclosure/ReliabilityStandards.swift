/// Reliability flags: the NCHS Data Presentation Standards for Proportions (Parker JD, Talih M,
/// Malec DJ, et al. Vital Health Stat 2(175), 2017) for shares, and the classic 30/30 rule
/// for means and totals.
///
/// The share rules follow NCHS's own SAS macro `calculate_KornGraubard_CIs` (v2.0): the
/// effective sample size `p(1 − p)/SE²` is capped at the sample size; the 95 % Korn–Graubard
/// interval uses the effective sample size adjusted by `(t_{n−1}/t_df)²` and capped again;
/// 0 % and 100 % use the exact interval on the sample size. Widths are compared unrounded.
enum ReliabilityStandards {
    /// The level the width thresholds were calibrated for, whatever level the table shows.
    static let level = 0.95
    static let minimumEffectiveSampleSize = 30.0
    static let suppressedWidth = 0.30
    static let presentableWidth = 0.05
    static let maximumRelativeWidth = 1.30
    static let minimumDegreesOfFreedom = 8
    /// Means and totals: fewer respondents than this are hidden, a larger relative standard
    /// error is flagged.
    static let minimumSampleSize = 30
    static let maximumRelativeStandardError = 0.30

    /// The flags one published estimate earns.
    static func flags(for cell: EstimateCell, in table: EstimateTable) -> Set<CellFlag> {
        guard cell.baseCount > 0, cell.estimate.isFinite else { return [] }
        switch table.kind {
        case .share, .shareOfRespondents, .shareOfResponses: return proportionFlags(for: cell, in: table)
        case .mean, .total: return meanOrTotalFlags(for: cell)
        }
    }

    /// Suppress when the effective sample size is below 30, the interval is 30 points wide or
    /// more, or wider than 5 points and 130 % of the share; otherwise ask for review at 0 %,
    /// 100 % or under 8 degrees of freedom; otherwise note a complement whose relative width
    /// exceeds 130 %.
    static func proportionFlags(for cell: EstimateCell, in table: EstimateTable) -> Set<CellFlag> {
        let unreliable: Set<CellFlag> = [.unreliable, .suppressedUnreliable]
        let p = cell.estimate
        let n = cell.baseCount
        let isBoundary =
            p <= 0 || p >= 1 || cell.cellCount == 0 || (table.kind != .shareOfResponses && cell.cellCount == n)
        let width: Double
        let effectiveSampleSize: Double
        if isBoundary {
            let interval = KornGraubard.boundaryInterval(proportion: p < 0.5 ? 0 : 1, sampleSize: n, level: level)
            width = interval.upper - interval.lower
            effectiveSampleSize = Double(n)
        } else {
            guard cell.standardError.isFinite, cell.degreesOfFreedom >= 1 else { return unreliable }
            let interval = KornGraubard.interval(
                proportion: p, standardError: cell.standardError, sampleSize: n,
                degreesOfFreedom: cell.degreesOfFreedom, level: level)
            let ownInterval = table.intervalMethod == .kornGraubard && abs(table.confidenceLevel - level) < 1e-9
            width =
                ownInterval && cell.lower.isFinite && cell.upper.isFinite
                ? cell.upper - cell.lower : interval.upper - interval.lower
            effectiveSampleSize = interval.effectiveSampleSize
        }
        let share = isBoundary ? (p < 0.5 ? 0 : 1) : p
        if effectiveSampleSize < minimumEffectiveSampleSize || width >= suppressedWidth
            || (width > presentableWidth && share > 0 && width / share > maximumRelativeWidth)
        {
            return unreliable
        }
        var flags: Set<CellFlag> = []
        if isBoundary { flags.insert(.reviewZeroOrOne) }
        if cell.degreesOfFreedom < minimumDegreesOfFreedom { flags.insert(.reviewDegreesOfFreedom) }
        if flags.isEmpty && width > presentableWidth && share < 1 && width / (1 - share) > maximumRelativeWidth {
            flags.insert(.reviewWidth)
        }
        return flags
    }

    /// Hidden below 30 respondents; flagged unreliable when the relative standard error
    /// exceeds 30 % or cannot be computed.
    static func meanOrTotalFlags(for cell: EstimateCell) -> Set<CellFlag> {
        if cell.baseCount < minimumSampleSize { return [.unreliable, .suppressedUnreliable] }
        let relativeError = cell.standardError / abs(cell.estimate)
        return relativeError <= maximumRelativeStandardError ? [] : [.unreliable]
    }
}
