import Foundation

/// A baseline characteristic of a municipality that the evaluation balances on, derived from the
/// kommunenummer alone (the register gives it for every municipality; the stored waves need not
/// carry it). Numeric, so that a comparison group of a dozen municipalities can still be
/// calibrated to the participants' means (one constraint per covariate, not one per category).
public struct ProgrammeCovariate: Sendable, Hashable, Codable {
    /// The column name in the pooled data.
    public var name: String
    /// Bokmål with English beside it.
    public var label: String
    public var labelEnglish: String
    private var attribute: Attribute

    enum Attribute: String, Sendable, Hashable, Codable { case centrality, logPopulation }

    /// SSB's centrality class 1 (most central) to 6, as a number.
    public static let centrality = ProgrammeCovariate(
        name: "sentralitet", label: "Sentralitet (SSBs klasse 1–6)",
        labelEnglish: "Centrality (Statistics Norway's class 1–6)", attribute: .centrality)
    /// log10 of the population, so that a few large municipalities do not dominate the mean.
    public static let logPopulation = ProgrammeCovariate(
        name: "log_folketall", label: "Folketall (log10)", labelEnglish: "Population (log10)",
        attribute: .logPopulation)
    public static let all = [centrality, logPopulation]

    /// The covariate's value for a municipality; nil when the register lacks it (a population
    /// for an area that changed).
    public func value(_ municipality: Municipality) -> Double? {
        switch attribute {
        case .centrality: Double(municipality.centrality)
        case .logPopulation: municipality.population.flatMap { $0 > 0 ? log10(Double($0)) : nil }
        }
    }
}
