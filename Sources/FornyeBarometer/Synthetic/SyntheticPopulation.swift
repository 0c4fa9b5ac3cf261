public import FornyeStatistics

/// The population of municipal service units a synthetic wave's weights are calibrated to.
///
/// **These counts are made up (SYNTETISKE DATA)**: plausible orders of magnitude for the
/// municipal and county units of the two sectors the barometer covers, not statistics of any
/// register. They exist so that the weights of a synthetic wave mean something (each respondent
/// stands for a number of units of its type and region) and can be documented and tested.
public struct SyntheticPopulation: Sendable, Hashable {
    /// Units by `unit_type` code (1–6, `ReportClassifications.unitType`).
    public var unitTypes: [Int: Double]
    /// Units by `landsdel` code (1–4); the same grand total as `unitTypes`.
    public var landsdel: [Int: Double]

    public init(unitTypes: [Int: Double], landsdel: [Int: Double]) {
        self.unitTypes = unitTypes
        self.landsdel = landsdel
    }

    /// The raking margins: unit type and landsdel.
    public var margins: [PopulationMargin] {
        [
            PopulationMargin(variable: "unit_type", totals: unitTypes),
            PopulationMargin(variable: "landsdel", totals: landsdel),
        ]
    }

    /// Made-up unit counts for 2018 (8,680 units).
    public static let units2018 = SyntheticPopulation(
        unitTypes: [1: 930, 2: 1650, 3: 610, 4: 2750, 5: 2330, 6: 410],
        landsdel: [1: 3820, 2: 2390, 3: 1250, 4: 1220])

    /// Made-up unit counts for 2020 (8,560 units: a few schools and kindergartens fewer after
    /// mergers and falling birth rates, more residential care).
    public static let units2020 = SyntheticPopulation(
        unitTypes: [1: 910, 2: 1700, 3: 600, 4: 2660, 5: 2290, 6: 400],
        landsdel: [1: 3790, 2: 2350, 3: 1230, 4: 1190])
}
