public import FornyeStatistics

/// One wave of the Innovasjonsbarometer as the report reads it: the responses and the design
/// to estimate with, calibrated to the population margins before the report sees it
/// (`CalibratedDesign`, which the weighting section documents).
///
/// The dataset's codebook comes from the barometer instrument (see `BarometerSchema` for the
/// variable names the report looks for); the derived regional variables (`county`, `landsdel`,
/// `centrality`, `population_size`) are expected to be present already.
///
/// ```swift
/// let weighting = try CalibratedDesign(
///     raking: try SurveyDesign(rowCount: dataset.rowCount, weights: weights), data: dataset, to: margins)
/// let wave = Wave(title: "Innovasjonsbarometeret 2018", dataset: dataset, weighting: weighting)
/// ```
public struct Wave: Sendable {
    /// The wave's name as the report's title shows it.
    public var title: String
    /// A short name for the wave in comparisons, e.g. "2018"; the title when nil.
    public var shortTitle: String?
    /// The first day of the municipal structure the respondents' kommunenummer belong to
    /// (`YYYY-MM-DD`), which lets a comparison carry municipalities across mergers.
    public var structureDate: String?
    public var dataset: Dataset
    /// The design the report estimates with, and how it was calibrated.
    public var weighting: CalibratedDesign
    /// Where the weights come from, in a sentence (shown in the weighting section).
    public var weightSource: String?
    /// The sentence under the title; ``generalSubtitle`` when nil. A wave says what it is in its
    /// own words, so a collected wave does not borrow the 2018 baseline's.
    public var subtitle: String?

    /// The subtitle of a wave that gives none (the synthetic baseline gives
    /// `SyntheticBarometer.baselineSubtitle`).
    public static let generalSubtitle =
        "Innovasjon i kommunale tjenesteenheter: vektede andeler med usikkerhet, tester og justerte sammenhenger."
    /// ``generalSubtitle`` in English.
    public static let generalSubtitleEnglish =
        "Innovation in municipal service units: weighted shares with uncertainty, tests and adjusted relationships."

    public init(
        title: String, dataset: Dataset, weighting: CalibratedDesign, weightSource: String? = nil,
        shortTitle: String? = nil, structureDate: String? = nil, subtitle: String? = nil
    ) {
        self.title = title
        self.subtitle = subtitle
        self.shortTitle = shortTitle
        self.structureDate = structureDate
        self.dataset = dataset
        self.weighting = weighting
        self.weightSource = weightSource
    }

    /// A wave whose design's weights are used as they are (no population margins).
    public init(
        title: String, dataset: Dataset, design: SurveyDesign, weightSource: String? = nil, shortTitle: String? = nil,
        structureDate: String? = nil
    ) {
        self.init(
            title: title, dataset: dataset, weighting: CalibratedDesign(asGiven: design), weightSource: weightSource,
            shortTitle: shortTitle, structureDate: structureDate)
    }

    /// The design the report estimates with.
    public var design: SurveyDesign { weighting.design }
    /// The population margins the design is raked to; empty when the weights are used as given.
    public var populationMargins: [PopulationMargin] { weighting.margins }

    /// True when the codebook marks the data as generated.
    public var synthetic: Bool { dataset.codebook.synthetic }
}

/// Choices for one rendering of the report.
public struct ReportOptions: Sendable {
    public var confidenceLevel: Double
    /// Interval method for shares (means always get the t interval).
    public var intervalMethod: IntervalMethod
    /// The variable names to look for.
    public var schema: BarometerSchema
    /// The significance level at which the report calls a difference "statistically significant".
    public var significanceLevel: Double
    /// Small-cell suppression and reliability rules for every published table; nil shows every
    /// cell (for analysts, never for publication: the report then says so).
    public var disclosure: DisclosureRules?
    /// Estimate within this domain (e.g. one county) instead of the whole wave. The weights are
    /// calibrated on the whole wave first, and the full design is kept, so intervals are
    /// domain intervals (`DomainFilter`); the weighting section still describes the whole wave.
    public var domain: DomainFilter?
    /// The language of the figures' titles, tables and charts (bokmål unless an English page asks).
    public var language: ReportLanguage

    public init(
        confidenceLevel: Double = 0.95, intervalMethod: IntervalMethod = .logit, schema: BarometerSchema = .init(),
        significanceLevel: Double = 0.05, disclosure: DisclosureRules? = DisclosureRules(), domain: DomainFilter? = nil,
        language: ReportLanguage = .nb
    ) {
        self.domain = domain
        self.language = language
        self.confidenceLevel = confidenceLevel
        self.intervalMethod = intervalMethod
        self.schema = schema
        self.significanceLevel = significanceLevel
        self.disclosure = disclosure
    }
}
