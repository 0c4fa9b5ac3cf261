public import FornyeStatistics

/// A wave's content as storage holds it: the dataset, each response's design values, and the
/// population margins the weights are calibrated to.
public struct StoredWave: Sendable {
    public var slug: String
    public var title: String
    public var shortTitle: String
    public var structureDate: String?
    public var dataset: Dataset
    /// One weight per row.
    public var weights: [Double]
    /// Stratum label per row, or nil for an unstratified design.
    public var strata: [String]?
    /// PSU label per row, or nil when every response is its own PSU.
    public var clusters: [String]?
    public var margins: [PopulationMargin]
    public var weightSource: String?
    /// The sentence under the title on the results page; the report's general one when nil.
    public var subtitle: String?

    public init(
        slug: String, title: String, shortTitle: String, structureDate: String?, dataset: Dataset, weights: [Double],
        strata: [String]? = nil, clusters: [String]? = nil, margins: [PopulationMargin] = [],
        weightSource: String? = nil, subtitle: String? = nil
    ) {
        self.slug = slug
        self.title = title
        self.shortTitle = shortTitle
        self.structureDate = structureDate
        self.dataset = dataset
        self.weights = weights
        self.strata = strata
        self.clusters = clusters
        self.margins = margins
        self.weightSource = weightSource
        self.subtitle = subtitle
    }

    public var synthetic: Bool { dataset.codebook.synthetic }

    /// The sampling design the stored values describe (before calibration to `margins`).
    public func design() throws(StatisticsError) -> SurveyDesign {
        try SurveyDesign(
            rowCount: dataset.rowCount, weights: weights, strata: strata, clusters: clusters, lonelyPSU: .adjust)
    }

    /// The stored design raked to the wave's margins (as given when it has none): what every
    /// analysis of the wave estimates with. `WaveRepository.load` then this is how a wave is
    /// loaded and calibrated.
    public func calibrated() throws(StatisticsError) -> CalibratedDesign {
        try CalibratedDesign(raking: try design(), data: dataset, to: margins)
    }
}
