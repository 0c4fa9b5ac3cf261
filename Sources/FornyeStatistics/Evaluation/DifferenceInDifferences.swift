/// The difference-in-differences of one outcome between a wave before and a wave after a
/// programme: (after − before) among participants minus (after − before) in the comparison group.
///
/// The four domain means are linearised together in the panel's pooled design (see
/// `EvaluationPanel`), so the standard error includes the covariance of municipalities that
/// answered both waves; unlinked panels treat the waves as independent. The estimate is the
/// interaction coefficient of R's `svyglm(y ~ factor(wave) * group, design)` on the two waves'
/// rows, and its standard error is that model's sandwich SE (`svycontrast` gives the same). The
/// t test and interval use svyglm's residual degrees of freedom, `degf(rows used) + 1 − 4`, as
/// `summary.svyglm` and `confint.svyglm` (Wald) do.
///
/// The estimate is the programme's effect under parallel trends: without the programme, the
/// participants' outcome would have changed as the comparison group's did (see docs/EVALUATION.md).
public struct DifferenceInDifferences: Sendable, Codable, Hashable {
    public var before: Int
    public var after: Int
    /// Participants before and after, then the comparison group before and after.
    public var participantBefore: PanelCell
    public var participantAfter: PanelCell
    public var comparisonBefore: PanelCell
    public var comparisonAfter: PanelCell
    /// after − before among participants.
    public var participantChange: PanelContrast
    /// after − before in the comparison group.
    public var comparisonChange: PanelContrast
    /// The difference-in-differences with its test and interval.
    public var effect: PanelContrast
    public var confidenceLevel: Double
    /// Whether rows were linked across waves through their municipality. When false the waves
    /// were treated as independent samples.
    public var linked: Bool
    /// Municipalities with rows in both waves (0 when not linked).
    public var sharedClusters: Int

    /// Estimates the difference-in-differences of a share or mean.
    ///
    /// - Parameters:
    ///   - quantity: The share of a category of a coded outcome, or the mean of a numeric,
    ///     ordinal or 0/1 outcome.
    ///   - variable: The outcome.
    ///   - panel: The pooled rows with their waves, groups and clusters.
    ///   - before: The wave before the programme (the baseline).
    ///   - after: The wave after.
    ///   - design: The design to use, for example with reweighted comparison rows
    ///     (`Balance.entropyBalanced`); by default the panel's own.
    ///   - missing: Which missing codes are in the base of a share.
    ///   - level: Confidence level.
    /// - Throws: `.emptyBase` when a group has no row in a wave, `.lonelyPSU` for a stratum with one
    ///   municipality (choose a rule in `panel.design(lonelyPSU:)`), `.invalidArgument` for equal waves.
    public static func estimate(
        _ quantity: Comparison.Quantity, of variable: String, panel: EvaluationPanel, before: Int, after: Int,
        design: SurveyDesign? = nil, missing: MissingPolicy = .substantiveOnly, level: Double = 0.95
    ) throws(StatisticsError) -> DifferenceInDifferences {
        try TInterval.check(level: level)
        let values = try Comparison.analysisValues(quantity, of: variable, dataset: panel.dataset, missing: missing)
        let cells = try PanelCells(
            outcome: values, panel: panel, design: panel.design(or: design), waves: [before, after],
            what: "difference-in-differences of \(variable)")
        let participant = try PanelContrast(
            cells, [-1, 0, 1, 0], level: level, what: "change among participants")
        let comparison = try PanelContrast(
            cells, [0, -1, 0, 1], level: level, what: "change in the comparison group")
        let effect = try PanelContrast(
            cells, cells.didCoefficients(wave: 1, reference: 0), level: level,
            what: "difference-in-differences of \(variable)")
        return DifferenceInDifferences(
            before: before, after: after, participantBefore: cells.cells[0], participantAfter: cells.cells[2],
            comparisonBefore: cells.cells[1], comparisonAfter: cells.cells[3], participantChange: participant,
            comparisonChange: comparison, effect: effect, confidenceLevel: level, linked: panel.linked,
            sharedClusters: panel.linked ? cells.sharedClusters : 0)
    }
}
