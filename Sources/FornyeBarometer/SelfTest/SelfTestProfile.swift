/// Who takes the self-test: the unit's sector and type, and what the municipality register says
/// of its municipality (county, landsdel, centrality class, population size class), coded as the
/// barometer's background variables so a peer group is a domain of the wave.
public struct SelfTestProfile: Sendable, Hashable, Codable {
    public var sector: Int
    public var unitType: Int
    /// The four-digit kommunenummer, when given.
    public var municipalityNumber: String?
    public var municipalityName: String?
    public var county: Int?
    public var landsdel: Int?
    public var centrality: Int?
    public var populationSize: Int?

    public init(sector: Int, unitType: Int, municipality: Municipality? = nil) {
        self.sector = sector
        self.unitType = unitType
        municipalityNumber = municipality?.number
        municipalityName = municipality?.name
        county = municipality?.countyCode
        landsdel = municipality?.landsdel
        centrality = municipality?.centrality
        populationSize = municipality?.populationSizeClass
    }

    /// The background codes the profile gives, by the wave's variable names.
    public var codes: [String: Int] {
        var codes = ["sector": sector, "unit_type": unitType]
        codes["county"] = county
        codes["landsdel"] = landsdel
        codes["centrality"] = centrality
        codes["population_size"] = populationSize
        return codes
    }
}
