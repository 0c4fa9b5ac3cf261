/// How much of its units' background an anonymous wave stores with each response.
///
/// An anonymous response must not lead back to its unit. Asking for the municipality, sector and
/// unit type would undo that in any small wave: those answers repeat the sample frame, and one
/// combination often fits one unit. So an anonymous wave asks for none of them; it stores the
/// frame's values with each response, coarsened by global recoding until every combination that
/// can be stored is shared by at least ``minimumGroup`` units of the frame (k-anonymity), and
/// coarsened again over the units that answered when the wave closes
/// (``choose(for:minimumGroup:within:)``).
///
/// ```swift
/// let release = BackgroundRelease.choose(for: frame, minimumGroup: 5)   // nil: too few units
/// release?.variableNames   // e.g. ["landsdel", "sector"]
/// release?.values(of: frame[0])   // ["landsdel": 3, "sector": 2]
/// ```
public struct BackgroundRelease: Codable, Sendable, Hashable {
    /// Geography, from the municipality's register attributes; each level's variables are a
    /// subset of the finer levels', so coarsening stored rows only removes variables.
    public enum Geography: String, Codable, Sendable, CaseIterable {
        /// County, landsdel, SSB centrality class and population size class.
        case countyAndClasses
        /// County and landsdel.
        case county
        /// Landsdel, centrality and population size, without the county.
        case classes
        case landsdel
        case none

        public var variables: [String] {
            switch self {
            case .countyAndClasses: ["county", "landsdel", "centrality", "population_size"]
            case .county: ["county", "landsdel"]
            case .classes: ["landsdel", "centrality", "population_size"]
            case .landsdel: ["landsdel"]
            case .none: []
            }
        }
    }

    /// The unit's kind, from the frame's sector and unit type.
    public enum UnitDetail: String, Codable, Sendable, CaseIterable {
        case sectorAndUnitType
        case sector
        case none

        public var variables: [String] {
            switch self {
            case .sectorAndUnitType: ["sector", "unit_type"]
            case .sector: ["sector"]
            case .none: []
            }
        }
    }

    public var geography: Geography
    public var unit: UnitDetail
    /// The smallest number of units any stored combination may describe.
    public var minimumGroup: Int

    public init(geography: Geography, unit: UnitDetail, minimumGroup: Int) {
        self.geography = geography
        self.unit = unit
        self.minimumGroup = minimumGroup
    }

    /// The threshold used unless a wave says otherwise: the same as the smallest published cell
    /// (`DisclosureRules.minimumCellCount`).
    public static let defaultMinimumGroup = 5

    /// Every variable a release can hold, in codebook order.
    public static let allVariables = ["county", "landsdel", "centrality", "population_size", "sector", "unit_type"]

    /// The variables this release stores, in codebook order.
    public var variableNames: [String] {
        let kept = Set(geography.variables + unit.variables)
        return Self.allVariables.filter(kept.contains)
    }

    /// Levels from most to least informative. The report's breakdowns come first: county and
    /// centrality (figures 4-3 and 4-4), then sector; a level drops as little as it can.
    public static let preference: [(Geography, UnitDetail)] = [
        (.countyAndClasses, .sectorAndUnitType), (.countyAndClasses, .sector), (.county, .sectorAndUnitType),
        (.classes, .sectorAndUnitType), (.county, .sector), (.classes, .sector), (.landsdel, .sectorAndUnitType),
        (.landsdel, .sector), (.countyAndClasses, .none), (.county, .none), (.classes, .none),
        (.none, .sectorAndUnitType), (.landsdel, .none), (.none, .sector), (.none, .none),
    ]

    /// Whether every variable of `self` is also in `other`: rows stored under `other` can be
    /// brought to `self` by dropping variables.
    public func isCoarser(orEqualTo other: BackgroundRelease) -> Bool {
        Set(variableNames).isSubset(of: Set(other.variableNames))
    }

    /// The stored values for one unit; unknown values (no municipality, no population figure)
    /// are left out, as missing.
    public func values(of unit: FrameBackground) -> [String: Int] {
        var values: [String: Int] = [:]
        for name in variableNames {
            if let value = unit.value(of: name) { values[name] = value }
        }
        return values
    }

    /// The most informative level at which every combination stored for `units` is shared by at
    /// least `minimumGroup` of them; with `within`, only levels no finer than it (closing a wave
    /// coarsens, it never refines). Nil when `units` has fewer than `minimumGroup` members: then
    /// not even an empty background keeps a response from being one of very few.
    public static func choose(
        for units: [FrameBackground], minimumGroup: Int = defaultMinimumGroup, within: BackgroundRelease? = nil
    ) -> BackgroundRelease? {
        guard minimumGroup >= 1, units.count >= minimumGroup else { return nil }
        for (geography, unit) in preference {
            let candidate = BackgroundRelease(geography: geography, unit: unit, minimumGroup: minimumGroup)
            if let within, !candidate.isCoarser(orEqualTo: within) { continue }
            if candidate.smallestGroup(in: units) >= minimumGroup { return candidate }
        }
        return nil
    }

    /// The size of the smallest group of units that share one stored combination.
    public func smallestGroup(in units: [FrameBackground]) -> Int {
        var counts: [[String: Int]: Int] = [:]
        for unit in units { counts[values(of: unit), default: 0] += 1 }
        return counts.values.min() ?? 0
    }
}

extension BackgroundRelease {
    /// How respondents are told what a released variable is: bokmål and English.
    public static func label(of variable: String) -> (nb: String, en: String) {
        switch variable {
        case "county": ("fylke", "county")
        case "landsdel": ("landsdel", "region")
        case "centrality": ("sentralitet (SSBs klasse)", "centrality (Statistics Norway's class)")
        case "population_size": ("kommunens innbyggertall i grupper", "the municipality's population, grouped")
        case "sector": ("sektor", "sector")
        case "unit_type": ("type arbeidsplass", "kind of workplace")
        default: (variable, variable)
        }
    }
}
