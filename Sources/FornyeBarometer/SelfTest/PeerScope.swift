/// How wide the peer group is. Every scope but `national` keeps the unit's sector and unit type;
/// `similar` (the default) adds the municipality's centrality and population size class.
public enum PeerScope: String, Sendable, Codable, CaseIterable, Hashable {
    case similar
    case county
    case landsdel
    case unitType = "unit-type"
    case national

    /// The background variables the scope holds fixed at the unit's own codes.
    public var variables: [String] {
        switch self {
        case .similar: ["sector", "unit_type", "centrality", "population_size"]
        case .county: ["sector", "unit_type", "county"]
        case .landsdel: ["sector", "unit_type", "landsdel"]
        case .unitType: ["sector", "unit_type"]
        case .national: []
        }
    }

    /// The next wider scopes, in the order automatic widening tries them.
    public var wider: [PeerScope] {
        switch self {
        case .similar: [.unitType, .national]
        case .county: [.landsdel, .unitType, .national]
        case .landsdel: [.unitType, .national]
        case .unitType: [.national]
        case .national: []
        }
    }

    /// The scope's conditions for `profile`, or nil when the profile lacks one of its variables
    /// (no municipality given: only `unitType` and `national` are possible).
    public func conditions(for profile: SelfTestProfile) -> [String: Int]? {
        var conditions: [String: Int] = [:]
        let codes = profile.codes
        for variable in variables {
            guard let code = codes[variable] else { return nil }
            conditions[variable] = code
        }
        return conditions
    }

    public var bokmål: String {
        switch self {
        case .similar: "Enheter som ligner din (samme type, sektor, sentralitet og kommunestørrelse)"
        case .county: "Samme enhetstype i ditt fylke"
        case .landsdel: "Samme enhetstype i din landsdel"
        case .unitType: "Samme enhetstype i hele landet"
        case .national: "Alle enheter i landet"
        }
    }

    public var english: String {
        switch self {
        case .similar: "Units like yours (same type, sector, centrality and municipal size)"
        case .county: "The same unit type in your county"
        case .landsdel: "The same unit type in your region"
        case .unitType: "The same unit type nationwide"
        case .national: "All units nationwide"
        }
    }
}
