public import FornyeStatistics

/// The report's respondent attributes derived from the kommunenummer: `county`, `landsdel`,
/// `centrality` and `population_size`, coded as in ``ReportClassifications``.
///
/// ```swift
/// let register = try MunicipalityRegister.bundled()
/// let wave = try RespondentAttributes.adding(to: dataset, register: register, on: CalendarDay("2018-06-01")!)
/// try wave.codes(of: "centrality")
/// ```
public enum RespondentAttributes {
    /// The derived variables, in the order they are added.
    public static let variableNames = ["county", "landsdel", "centrality", "population_size"]

    /// The text variable the attributes are derived from.
    public static let sourceVariable = "kommunenummer"

    /// The codebook definitions of the derived variables; `county` is labelled with `counties`
    /// (fylkesnummer and name), since the counties change with the municipal structure.
    public static func variables(counties: [(number: Int, name: String)]) -> [Variable] {
        func coded(_ name: String, _ label: String, _ english: String, _ list: CodeList) -> Variable {
            Variable(
                name: name, label: label, labelEnglish: english, kind: .singleChoice,
                valueLabels: list.entries.map {
                    ValueLabel(code: $0.code, label: $0.label, labelEnglish: $0.labelEnglish)
                })
        }
        return [
            Variable(
                name: "county", label: "Fylke", labelEnglish: "County", kind: .singleChoice,
                valueLabels: counties.map { ValueLabel(code: $0.number, label: $0.name) }),
            coded("landsdel", "Landsdel", "Region", ReportClassifications.landsdel),
            coded(
                "centrality", "Sentralitet (SSB)", "Centrality (Statistics Norway)", ReportClassifications.centrality),
            coded(
                "population_size", "Kommunens befolkningsstørrelse", "Municipal population",
                ReportClassifications.populationSize),
        ]
    }

    /// The dataset with the four derived variables appended to its codebook and columns, looked up
    /// in the structure valid on `day`.
    ///
    /// A blank kommunenummer gives empty (system missing) cells, and so does a population the
    /// register lacks (the 2018 and 2019 areas of the municipalities changed in 2020) for
    /// `population_size`. A dataset that already has all four variables is returned unchanged;
    /// one with only some of them is refused, since mixing given and derived values would hide
    /// which ones the report used.
    ///
    /// - Throws: ``ReferenceDataError/inRow(_:_:)`` with the 1-based data row for the first
    ///   malformed, unknown or not-valid-on-`day` kommunenummer; ``ReferenceDataError`` for a `day`
    ///   outside the register; `StatisticsError` if `kommunenummer` is missing or not a text variable,
    ///   or only some derived variables are present.
    /// Whether the attributes can be derived here: the data have kommunenummer and none of the four.
    public static func canDerive(for codebook: Codebook) -> Bool {
        codebook.variable(named: sourceVariable) != nil
            && variableNames.allSatisfy { codebook.variable(named: $0) == nil }
    }

    /// As ``adding(to:register:on:)``, but a number that is not a municipality on `day` gets no
    /// attributes (system missing) instead of failing the whole dataset: for stored waves, whose
    /// pages must open although one imported answer names an unknown municipality.
    public static func addingWhereKnown(to dataset: Dataset, register: MunicipalityRegister, on day: CalendarDay)
        throws -> Dataset
    {
        try adding(to: dataset, register: register, on: day, unknownIsMissing: true)
    }

    public static func adding(
        to dataset: Dataset, register: MunicipalityRegister, on day: CalendarDay, unknownIsMissing: Bool = false
    ) throws -> Dataset {
        let present = variableNames.filter { dataset.codebook.variable(named: $0) != nil }
        if present.count == variableNames.count { return dataset }
        guard present.isEmpty else {
            throw StatisticsError.invalidArgument(
                "the data have \(present.joined(separator: ", ")) but not all of \(variableNames.joined(separator: ", ")); "
                    + "give all four or none, to derive them from \(sourceVariable)")
        }
        guard case .texts(let numbers) = try dataset.column(named: sourceVariable) else {
            throw StatisticsError.wrongKind(
                variable: sourceVariable, expected: "a text variable",
                actual: try dataset.variable(named: sourceVariable).kind)
        }
        let trimmed = numbers.map { $0?.trimmingWhitespace() }
        // Each number is looked up once; leniently, an unknown one gets no attributes.
        let found: [Municipality?] =
            unknownIsMissing
            ? trimmed.map { number in number.flatMap { try? register.municipality(number: $0, on: day) } }
            : try register.municipalities(kommunenummer: trimmed, on: day)
        var counties: [Int: String] = [:]
        for municipality in try register.municipalities(on: day) {
            counties[municipality.countyCode] = municipality.countyName
        }
        func codes(_ value: (Municipality) -> Int?) -> Column {
            .codes(found.map { $0.flatMap(value).map(Int32.init) ?? Column.systemMissing })
        }
        let derived: [String: Column] = [
            "county": codes(\.countyCode),
            "landsdel": codes(\.landsdel),
            "centrality": codes(\.centrality),
            "population_size": codes(\.populationSizeClass),
        ]
        var codebook = dataset.codebook
        codebook.variables += variables(counties: counties.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        var columns = derived
        for variable in dataset.codebook.variables {
            columns[variable.name] = try dataset.column(named: variable.name)
        }
        return try Dataset(codebook: codebook, columns: columns)
    }
}
