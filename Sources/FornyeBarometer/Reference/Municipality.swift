/// A municipality as it was on a given day: number, name and county of the structure valid that
/// day, with the report's derived attributes (landsdel, SSB centrality, population size class).
public struct Municipality: Sendable, Hashable {
    /// Kommunenummer, four digits.
    public let number: String
    /// Name as in SSB's classification (first official name only, e.g. "Guovdageaidnu" for Kautokeino).
    public let name: String
    /// Fylkesnummer of the county the municipality belonged to on the day.
    public let countyNumber: String
    public let countyName: String
    /// Code in ``ReportClassifications/landsdel`` (see ``LandsdelMapping``).
    public let landsdel: Int
    /// SSB centrality class 1 (most central) … 6, from the 2024 classification; see ``centralityBasis``.
    public let centrality: Int
    /// SSB centrality index (0–1000) of the 2024 municipality the class was taken from.
    public let centralityIndex: Int
    /// Which 2024 municipality the centrality class describes.
    public let centralityBasis: CentralityBasis
    /// Residents on 1 January of ``populationYear``, for the municipality's own area on that day;
    /// nil for the 2018 and 2019 areas of the municipalities merged or split on 1 January 2020,
    /// whose own figures are not in the project's reference data (see `SOURCES.md`).
    public let population: Int?
    /// The year of the wave's date (population on 1 January of that year).
    public let populationYear: Int
    /// First day the number was in use (SSB's "gyldig fra").
    public let validFrom: CalendarDay
    /// First day the number was no longer in use, or `nil` if still in use in 2026.
    public let validUntil: CalendarDay?

    /// Code in ``ReportClassifications/populationSize`` (Tab V-0-4), nil where the population is unknown.
    public var populationSizeClass: Int? { population.map(ReportClassifications.populationSizeClass(of:)) }

    /// The fylkesnummer as a number, the value of the `county` variable.
    public var countyCode: Int { Int(countyNumber) ?? 0 }

    /// Bokmål label of ``landsdel``.
    public var landsdelName: String { ReportClassifications.landsdel.entry(code: landsdel)?.label ?? "" }
}

/// Which municipality of the 2024 structure an SSB centrality class belongs to.
///
/// SSB's 2017 index (for the 2018 municipalities) and 2020 index (2020–2023) are not available as
/// data; every class comes from SSB's index for the 357 municipalities of 2024, carried to earlier
/// structures along the municipal changes.
public enum CentralityBasis: Sendable, Hashable {
    /// The 2024 municipality with the same area (possibly renumbered).
    case sameArea(String)
    /// This municipality was merged into the 2024 municipality; the class describes the merged whole.
    case mergedInto(String)
    /// Split into `successors` that absorbed nothing else; the class of the part with most inhabitants.
    case splitLargestPart(String, successors: [String])
    /// Split between `successors` that also absorbed other municipalities (Tysfjord, Snillfjord);
    /// the class of the least central successor, since the split-off parts were rural.
    case splitLeastCentral(String, successors: [String])

    /// The 2024 kommunenummer whose class is used.
    public var number: String {
        switch self {
        case .sameArea(let number), .mergedInto(let number), .splitLargestPart(let number, _),
            .splitLeastCentral(let number, _):
            number
        }
    }
}
