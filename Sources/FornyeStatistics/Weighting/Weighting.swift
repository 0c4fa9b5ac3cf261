/// Calibration of survey weights to known population totals: post-stratification and raking.
///
/// Both return a new design whose weights meet the population totals and which carries a
/// `Calibration` step, so that `Linearization` gives the variance R's `survey` package gives
/// for a `postStratify` or `rake` design. Margin variables are coded variables of a `Dataset`
/// whose rows are those of the design; every row needs a substantive code in every margin.
///
/// ```swift
/// let region = PopulationMargin(variable: "region", totals: [1: 2700, 2: 2250, 3: 2250, 4: 1800])
/// let size = PopulationMargin(variable: "size", totals: [1: 3600, 2: 3150, 3: 2250])
/// let (raked, report) = try Weighting.rake(design, data: dataset, to: [region, size])
/// ```
public enum Weighting {
    /// Post-stratifies a design, as R's `postStratify(design, ~variable, population)`: every
    /// weight in a group is multiplied by the group's population total over its weighted total,
    /// so the weighted count of each group equals its population count.
    ///
    /// - Parameters:
    ///   - design: The design to calibrate; any earlier calibration steps are kept.
    ///   - data: The dataset holding the grouping variable, one row per design row.
    ///   - margin: The coded grouping variable and the population total of every code.
    ///   - partial: Leave out population groups that have no sampled row with positive weight
    ///     instead of refusing them, as R's `partial = TRUE`. Their population is then not represented.
    /// - Throws: `StatisticsError.invalidValue` for a row without a substantive code or with a
    ///   code the population lacks (R: "Strata in sample absent from population");
    ///   `.invalidArgument` for a non-positive population total or an unreachable population group.
    public static func postStratify(
        _ design: SurveyDesign,
        data: Dataset,
        to margin: PopulationMargin,
        partial: Bool = false
    ) throws(StatisticsError) -> SurveyDesign {
        let groups = try WeightingGroups(data: data, margin: margin, weights: design.weights, partial: partial)
        return postStratify(design, groups: groups)
    }

    /// Rakes a design to several margins by iterative proportional fitting, as R's
    /// `rake(design, list(~a, ~b), list(popA, popB))`: each sweep post-stratifies on every
    /// margin in turn, until every margin is met within `options.tolerance`.
    ///
    /// R stops when the weighted cross-table of all margin variables changes by less than its
    /// epsilon between sweeps; this stops when the margins themselves are met. At tight
    /// tolerances both arrive at the same weights. Raking that does not converge within
    /// `options.maxIterations` is not an error: the report says so and the design carries the
    /// weights of the last sweep.
    ///
    /// With `options.trimming`, every sweep is followed by trimming: weights outside their bounds
    /// are set to the bound, and the amount removed (or added) is spread over the other rows in
    /// proportion to their weights, repeatedly, until no weight is outside (R's `trimWeights`
    /// with `strict = TRUE`, but with proportional rather than equal shares). The grand total is
    /// kept; the margins may then be met only approximately, and the report's `marginErrors`
    /// and `converged` tell how well. The variance treats the trimmed weights as raked.
    ///
    /// - Parameters:
    ///   - design: The design to calibrate; any earlier calibration steps are kept.
    ///   - data: The dataset holding the margin variables, one row per design row.
    ///   - margins: One coded variable with its population totals per margin, each variable once.
    ///     Their grand totals must agree (see `RakingOptions.marginTotalTolerance`).
    ///   - options: Iterations, tolerance and trimming.
    /// - Returns: The raked design and a report on convergence and the weights.
    public static func rake(
        _ design: SurveyDesign,
        data: Dataset,
        to margins: [PopulationMargin],
        options: RakingOptions = RakingOptions()
    ) throws(StatisticsError) -> (design: SurveyDesign, report: RakingReport) {
        var groups: [WeightingGroups] = []
        for margin in margins {
            groups.append(try WeightingGroups(data: data, margin: margin, weights: design.weights))
        }
        return try rake(design, groups: groups, options: options)
    }

    /// Post-stratification on group codes given per row rather than through a dataset.
    static func postStratify(
        _ design: SurveyDesign,
        codes: [Int32],
        to margin: PopulationMargin,
        partial: Bool = false
    ) throws(StatisticsError) -> SurveyDesign {
        let groups = try WeightingGroups(rowCodes: codes, margin: margin, weights: design.weights, partial: partial)
        return postStratify(design, groups: groups)
    }

    /// Raking on group codes given per row (one array per margin) rather than through a dataset.
    static func rake(
        _ design: SurveyDesign,
        codes: [[Int32]],
        to margins: [PopulationMargin],
        options: RakingOptions = RakingOptions()
    ) throws(StatisticsError) -> (design: SurveyDesign, report: RakingReport) {
        guard codes.count == margins.count else {
            throw .invalidArgument("\(codes.count) code columns for \(margins.count) margins")
        }
        var groups: [WeightingGroups] = []
        for (column, margin) in zip(codes, margins) {
            groups.append(try WeightingGroups(rowCodes: column, margin: margin, weights: design.weights))
        }
        return try rake(design, groups: groups, options: options)
    }

    static func postStratify(_ design: SurveyDesign, groups: WeightingGroups) -> SurveyDesign {
        let weights = groups.scaled(design.weights)
        let margin = groups.margin(before: design.weights, after: weights)
        return design.calibrated(to: weights, by: Calibration(.postStratification(margin)))
    }
}
