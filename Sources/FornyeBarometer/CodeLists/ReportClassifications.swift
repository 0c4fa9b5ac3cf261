/// The classifications of the 2018 baseline report (Menon Economics for the Research Council's
/// FORKOMMUNE programme, built on KS' Innovasjonsbarometer 2018), as code lists.
/// Sources are the report's chapters and appendix tables, named on each list.
public enum ReportClassifications {
    /// Sector of the responding unit (Tab V-0-1).
    public static let sector = CodeList(
        id: "sector",
        entries: [
            .init(1, "Helse og omsorg", "Health and care"),
            .init(2, "Utdanning og oppvekst", "Education and childhood"),
        ])

    /// Type of service unit (Tab V-0-3); the first three are health and care, the last three education.
    public static let unitType = CodeList(
        id: "unit_type",
        entries: [
            .init(1, "Alders- og sykehjem", "Nursing homes"),
            .init(2, "Bosenter og omsorgsinstitusjoner", "Residential and care institutions"),
            .init(3, "Helsestasjon og skolehelsetjeneste", "Health centres and school health service"),
            .init(4, "Barnehage", "Kindergarten"),
            .init(5, "Grunnskole", "Primary and lower secondary school"),
            .init(6, "Videregående skole", "Upper secondary school"),
        ])

    /// The sector each unit type belongs to.
    public static func sector(ofUnitType code: Int) -> Int? {
        switch code {
        case 1...3: 1
        case 4...6: 2
        default: nil
        }
    }

    /// The four regions (landsdeler) of Tab V-0-2.
    public static let landsdel = CodeList(
        id: "landsdel",
        entries: [
            .init(1, "Østlandet", "Eastern Norway"),
            .init(2, "Vestlandet", "Western Norway"),
            .init(3, "Midt-Norge", "Central Norway"),
            .init(4, "Nord-Norge", "Northern Norway"),
        ])

    /// Municipal population size classes (Tab V-0-4), with their lower bounds.
    public static let populationSize = CodeList(
        id: "population_size",
        entries: [
            .init(1, "Under 3000", "Under 3,000"),
            .init(2, "3000–9999", "3,000–9,999"),
            .init(3, "10 000–19 999", "10,000–19,999"),
            .init(4, "20 000–49 999", "20,000–49,999"),
            .init(5, "50 000 eller over", "50,000 or more"),
        ])

    /// The size class of a population count.
    public static func populationSizeClass(of population: Int) -> Int {
        switch population {
        case ..<3000: 1
        case ..<10_000: 2
        case ..<20_000: 3
        case ..<50_000: 4
        default: 5
        }
    }

    /// Statistics Norway's centrality index classes (1 most central, 6 least), as in Fig 4-4.
    public static let centrality = CodeList(
        id: "centrality",
        entries: [
            .init(1, "Mest sentrale kommuner", "Most central municipalities"),
            .init(2, "Nest mest sentrale kommuner", "Second most central"),
            .init(3, "Mellomsentrale kommuner (1)", "Intermediate central (1)"),
            .init(4, "Mellomsentrale kommuner (2)", "Intermediate central (2)"),
            .init(5, "Nest minst sentrale kommuner", "Second least central"),
            .init(6, "Minst sentrale kommuner", "Least central municipalities"),
        ])

    /// KS' four innovation types (Fig 4-2).
    public static let innovationType = CodeList(
        id: "innovation_type",
        entries: [
            .init(1, "Tjeneste", "Service"),
            .init(2, "Produkt", "Product"),
            .init(3, "Organisering/prosess", "Organisation/process"),
            .init(4, "Kommunikasjon", "Communication"),
        ])

    /// MEPIN novelty: how new the innovation is.
    public static let novelty = CodeList(
        id: "novelty",
        entries: [
            .init(1, "Ny for oss", "New to the organisation"),
            .init(2, "Ny regionalt/lokalt", "New in the region"),
            .init(3, "Ny nasjonalt", "New in the country"),
            .init(4, "Ny i verden", "New in the world"),
        ])

    /// MEPIN inspiration: where the innovation came from.
    public static let inspiration = CodeList(
        id: "inspiration",
        entries: [
            .init(1, "Utviklet selv", "Developed in-house"),
            .init(2, "Tilpasset fra andre", "Adapted from others"),
            .init(3, "Kopiert fra andre", "Copied from others"),
        ])

    /// The report's three dimensions of research-supported innovation.
    public static let researchDimension = CodeList(
        id: "research_dimension",
        entries: [
            .init(1, "Forskningsgrad", "Degree of research involvement"),
            .init(2, "Prosjektkvalitet", "Research-based project method"),
            .init(3, "Kunnskapsbidrag", "New knowledge produced"),
        ])

    /// Answer to "did you do anything active to spread it?" (Fig 4-10).
    public static let spread = CodeList(
        id: "spread",
        entries: [
            .init(1, "Ja", "Yes"),
            .init(2, "Nei", "No"),
            .init(3, "Ikke relevant", "Not relevant"),
        ])

    /// Every list, for lookup by id.
    public static let all: [CodeList] = [
        sector, unitType, landsdel, populationSize, centrality, innovationType, novelty, inspiration,
        researchDimension, spread,
    ]
}
