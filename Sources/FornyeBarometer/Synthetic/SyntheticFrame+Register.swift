extension SyntheticFrame {
    /// The frame of the municipal structure valid on `date`, from the municipal register.
    ///
    /// Only municipalities whose population the register knows are included, so that every
    /// respondent with a kommunenummer has a size class (Tab V-0-4). For 2018 this leaves out
    /// the areas merged or split on 1 January 2020, whose own populations the register lacks.
    ///
    /// - Throws: `ReferenceDataError.dateOutsideCoverage` for a date the register does not cover.
    public init(register: MunicipalityRegister, date: CalendarDay) throws(ReferenceDataError) {
        let all = try register.municipalities(on: date)
        var counties: [Int: County] = [:]
        var municipalities: [Municipality] = []
        for municipality in all {
            counties[municipality.countyCode] = County(
                number: municipality.countyCode, name: municipality.countyName, landsdel: municipality.landsdel)
            guard let population = municipality.population, let sizeClass = municipality.populationSizeClass else {
                continue
            }
            municipalities.append(
                Municipality(
                    number: municipality.number, county: municipality.countyCode, landsdel: municipality.landsdel,
                    centrality: municipality.centrality, sizeClass: sizeClass, population: population))
        }
        self.init(structureDate: date, municipalities: municipalities, counties: Array(counties.values))
    }
}
