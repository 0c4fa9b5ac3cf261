/// A survey design calibrated to known population margins, with what the calibration did: the
/// one value every analysis of a wave starts from. The results pages, the `fornye report` page
/// and the estimates all take their design from here, so a wave is raked in one place.
///
/// ```swift
/// let weighting = try CalibratedDesign(raking: design, data: dataset, to: margins)
/// let table = try Estimator(dataset: dataset, design: weighting.design).shares(of: "innovated")
/// if let raking = weighting.raking { print(raking.converged, raking.kishDesignEffectAfter) }
/// ```
public struct CalibratedDesign: Sendable {
    /// The design to estimate with: raked to `margins`, or as given when there are none.
    public let design: SurveyDesign
    /// The population margins the design is raked to; empty when the weights are used as given.
    public let margins: [PopulationMargin]
    /// What raking did (iterations, margin errors, Kish's design effect before and after); nil
    /// when there are no margins.
    public let raking: RakingReport?
    /// The design before raking, when it was raked here, so its weights can be shown beside the
    /// raked ones; nil without margins or when the design came raked already (then `raking` is
    /// all that is known of the weights before).
    public var beforeRaking: SurveyDesign?

    /// Rakes `design` to `margins` (`Weighting.rake`), or keeps it as it is when there are none.
    ///
    /// - Parameters:
    ///   - design: The sampling design, one row per row of `data`.
    ///   - data: The dataset holding the margin variables.
    ///   - margins: One coded variable with its population totals per margin; may be empty.
    ///   - options: Iterations, tolerance and trimming of the raking.
    /// - Throws: What `Weighting.rake` throws for a margin the data do not fit.
    public init(
        raking design: SurveyDesign, data: Dataset, to margins: [PopulationMargin],
        options: RakingOptions = RakingOptions()
    ) throws(StatisticsError) {
        self.margins = margins
        if margins.isEmpty {
            self.design = design
            raking = nil
            beforeRaking = nil
        } else {
            let (raked, report) = try Weighting.rake(design, data: data, to: margins, options: options)
            self.design = raked
            raking = report
            beforeRaking = design
        }
    }

    /// A design raked to `margins` before it came here (as the synthetic waves are generated), with
    /// the report of that raking.
    public init(raked design: SurveyDesign, margins: [PopulationMargin], report: RakingReport) {
        self.design = design
        self.margins = margins
        raking = report
        beforeRaking = nil
    }

    /// A design whose weights are used as they are, with no population margins.
    public init(asGiven design: SurveyDesign) {
        self.design = design
        margins = []
        raking = nil
        beforeRaking = nil
    }
}
