/// The municipalities a synthetic wave samples its respondents from: every kommune valid on the
/// wave's structure date with the attributes the analysis derives from it.
public struct SyntheticFrame: Sendable {
    public struct Municipality: Sendable, Hashable {
        /// Kommunenummer, four digits.
        public var number: String
        /// Fylkesnummer of the county the municipality belonged to on the structure date.
        public var county: Int
        /// Code of `ReportClassifications.landsdel`.
        public var landsdel: Int
        /// SSB centrality class 1–6.
        public var centrality: Int
        /// Code of `ReportClassifications.populationSize`.
        public var sizeClass: Int
        /// Inhabitants; sampling favours larger municipalities (more service units), less than
        /// proportionally.
        public var population: Int

        public init(number: String, county: Int, landsdel: Int, centrality: Int, sizeClass: Int, population: Int) {
            self.number = number
            self.county = county
            self.landsdel = landsdel
            self.centrality = centrality
            self.sizeClass = sizeClass
            self.population = population
        }
    }

    public struct County: Sendable, Hashable {
        /// Fylkesnummer.
        public var number: Int
        public var name: String
        public var landsdel: Int

        public init(number: Int, name: String, landsdel: Int) {
            self.number = number
            self.name = name
            self.landsdel = landsdel
        }
    }

    /// The day whose municipal structure the frame holds (1 January of the structure's first year).
    public var structureDate: CalendarDay
    public var municipalities: [Municipality]
    /// Every county with at least one municipality, in fylkesnummer order.
    public var counties: [County]

    public init(structureDate: CalendarDay, municipalities: [Municipality], counties: [County]) {
        self.structureDate = structureDate
        self.municipalities = municipalities
        self.counties = counties.sorted { $0.number < $1.number }
    }
}
