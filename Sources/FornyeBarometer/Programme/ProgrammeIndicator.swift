public import FornyeStatistics

/// The evaluation's three hypotheses as 0/1 outcomes per response, so that a programme
/// evaluation measures what the report's «De tre hypotesene som indikatorer» shows: H1 innovates,
/// H2 spreads, H3 collaborates with research. The variable names are the instrument's (the
/// defaults of the report's `BarometerSchema`); the bases are the report's: H1 and H2 every answer
/// including «vet ikke» and «ikke relevant», H3 every respondent with the research-partner item
/// ticked or unticked (the report's table needs the whole set answered; they differ only for a
/// partly answered set).
public struct ProgrammeIndicator: Sendable, Hashable, Codable {
    /// H1, H2 or H3.
    public var id: String
    /// The report's name, such as «H1 Innoverer».
    public var name: String
    public var measure: String
    /// The coded variable (answer 1 = yes), or the multiple-response item (ticked = 1).
    public var variable: String
    public var isMultipleResponseItem: Bool

    public init(id: String, name: String, measure: String, variable: String, isMultipleResponseItem: Bool) {
        self.id = id
        self.name = name
        self.measure = measure
        self.variable = variable
        self.isMultipleResponseItem = isMultipleResponseItem
    }

    public static let innovates = ProgrammeIndicator(
        id: "H1", name: "H1 Innoverer",
        measure: "Andel enheter som har tatt i bruk minst én innovasjon de siste to årene", variable: "innovated",
        isMultipleResponseItem: false)
    public static let spreads = ProgrammeIndicator(
        id: "H2", name: "H2 Sprer",
        measure: "Andel av innovatørene som gjorde noe aktivt for å spre den nyeste innovasjonen", variable: "spread",
        isMultipleResponseItem: false)
    public static let researches = ProgrammeIndicator(
        id: "H3", name: "H3 Forsker",
        measure: "Andel av innovatørene som samarbeidet med utdannings- eller forskningsinstitusjoner",
        variable: "partners_8", isMultipleResponseItem: true)
    public static let all = [innovates, spreads, researches]

    /// 1 for yes, 0 for another answer in the base, NaN outside the base (not asked, no answer).
    public func values(in dataset: Dataset) throws(StatisticsError) -> [Double] {
        let definition = try dataset.variable(named: variable)
        let codes = try dataset.codes(of: variable)
        return codes.map { code in
            if code == Column.systemMissing { return .nan }
            if code == 1 { return 1 }
            if isMultipleResponseItem { return code == 0 ? 0 : .nan }
            switch definition.missingCodes[Int(code)] {
            case nil, .dontKnow, .notApplicable: return 0
            case .system: return .nan
            }
        }
    }
}
