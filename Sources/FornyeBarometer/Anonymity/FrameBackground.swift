/// What a sample frame says about one unit, resolved against the municipal register: the
/// background an anonymous wave may store in coarsened form instead of asking for it.
public struct FrameBackground: Sendable, Hashable {
    /// Nil for units run by a county (no kommunenummer).
    public var municipality: Municipality?
    /// Code in the instrument's `sector` list.
    public var sector: Int
    /// Code in the instrument's `unit_type` list.
    public var unitType: Int

    public init(municipality: Municipality?, sector: Int, unitType: Int) {
        self.municipality = municipality
        self.sector = sector
        self.unitType = unitType
    }

    /// Looks `kommunenummer` up in the structure valid on `day`; blank means a county-run unit.
    public init(kommunenummer: String?, sector: Int, unitType: Int, register: MunicipalityRegister, on day: CalendarDay)
        throws(ReferenceDataError)
    {
        let number = kommunenummer?.trimmingWhitespace() ?? ""
        self.init(
            municipality: number.isEmpty ? nil : try register.municipality(number: number, on: day), sector: sector,
            unitType: unitType)
    }

    /// The value of a released variable (``BackgroundRelease/allVariables``), nil where unknown.
    public func value(of variable: String) -> Int? {
        switch variable {
        case "county": municipality?.countyCode
        case "landsdel": municipality?.landsdel
        case "centrality": municipality?.centrality
        case "population_size": municipality?.populationSizeClass
        case "sector": sector
        case "unit_type": unitType
        default: nil
        }
    }
}

/// The questions of the instrument that the sample frame answers: an invitation already knows
/// its unit's municipality, sector and unit type, so the questionnaire does not ask for them.
public enum SampleFrameQuestions {
    /// The question names, as in the bundled instrument and the sample frame's columns.
    public static let names: Set<String> = ["kommunenummer", "sector", "unit_type"]

    /// The frame's answers to those questions: the unit's own values, for identified waves and
    /// for routing while an anonymous respondent answers (never stored with the response).
    public static func answers(kommunenummer: String?, sector: Int, unitType: Int, in instrument: Instrument)
        -> AnswerSet
    {
        var answers = AnswerSet()
        if instrument.question(named: "kommunenummer") != nil, let number = kommunenummer, !number.isEmpty {
            answers["kommunenummer"] = .text(number)
        }
        if instrument.question(named: "sector") != nil { answers["sector"] = .code(sector) }
        if instrument.question(named: "unit_type") != nil { answers["unit_type"] = .code(unitType) }
        return answers
    }
}
