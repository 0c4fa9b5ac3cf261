public import FornyeBarometer

/// The names of the barometer's variables and multiple-response sets that the report reads.
///
/// The defaults are the names of the barometer instrument. Multiple-response items are named
/// `<set>_<n>`, numbered in the order of the questionnaire's options; the few items the report
/// singles out (own budget, improved quality, research collaboration, ...) are named here.
public struct BarometerSchema: Sendable, Hashable {
    public var innovated = "innovated"
    public var newestType = "newest_type"
    public var trigger = "trigger"
    public var financing = "financing"
    /// The financing item "own budget".
    public var financingOwnBudget = "financing_1"
    public var results = "results"
    /// The result items "improved quality" and "increased efficiency".
    public var resultsQuality = "results_1"
    public var resultsEfficiency = "results_2"
    public var partners = "partners"
    /// The partner item "education and research institutions".
    public var partnersResearch = "partners_8"
    public var spread = "spread"
    /// Every variable whose name starts with this is an item of the factors grid (Fig 5-1).
    public var factorPrefix = "factor_"
    /// Codes of the factors scale: hindered to a large / some extent, neither, promoted to some / a large extent.
    public var factorScale = FactorScale()

    public var sector = "sector"
    public var unitType = "unit_type"
    public var county = "county"
    public var landsdel = "landsdel"
    public var centrality = "centrality"
    public var populationSize = "population_size"

    public init() {}

    /// The background variable a name of this schema stands for, with its short names.
    public func backgroundVariable(_ name: String) -> BackgroundVariable? {
        let standard = [
            sector: "sector", unitType: "unit_type", county: "county", landsdel: "landsdel",
            centrality: "centrality", populationSize: "population_size",
        ]
        return standard[name].flatMap(BackgroundVariable.named)
    }

    public struct FactorScale: Sendable, Hashable {
        public var hinderLarge = 1
        public var hinderSome = 2
        public var neither = 3
        public var promoteSome = 4
        public var promoteLarge = 5

        public init() {}
    }
}
