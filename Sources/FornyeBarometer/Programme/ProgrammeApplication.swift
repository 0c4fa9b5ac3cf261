/// One line of a programme register (issue 14): who applied to which call, when, and what came
/// of it. The applicant is a municipality, a county authority (fylkeskommune), or both when a
/// municipality applied through its county.
///
/// ```swift
/// let skien = ProgrammeApplication(
///     municipalityNumber: "0806", units: ["Helse og velferd"], call: "FORKOMMUNE forprosjekt 2018",
///     applicationDate: CalendarDay("2018-04-15")!, status: .granted, amountNOK: 500_000)
/// ```
public struct ProgrammeApplication: Sendable, Hashable {
    /// Kommunenummer valid on ``applicationDate``; nil for a county authority's own application.
    public var municipalityNumber: String?
    /// Fylkesnummer valid on ``applicationDate``: the applicant for a county authority, otherwise optional.
    public var countyNumber: String?
    /// The units behind the application (a school, a department); empty for the whole organisation.
    public var units: [String]
    /// The call (utlysning) applied to, or not applied to.
    public var call: String
    /// The day the application was sent; for ``ProgrammeStatus/notApplied`` the call's closing
    /// date, so that every line names the municipal structure its numbers belong to.
    public var applicationDate: CalendarDay
    public var status: ProgrammeStatus
    public var projectStart: CalendarDay?
    public var projectEnd: CalendarDay?
    /// Whole kroner: the amount granted, or for a rejected application the amount applied for.
    public var amountNOK: Int?
    /// The project's slug in Prosjektbanken (`/prosjekter/<slug>`), for granted projects.
    public var projectSlug: String?
    /// Separates units in one cell of a register file: `Skole A | Skole B`.
    public static let unitSeparator: Character = "|"

    /// Generated demo content (labelled ``SyntheticLabel/marker`` wherever shown).
    public var synthetic: Bool

    public init(
        municipalityNumber: String? = nil, countyNumber: String? = nil, units: [String] = [], call: String,
        applicationDate: CalendarDay, status: ProgrammeStatus, projectStart: CalendarDay? = nil,
        projectEnd: CalendarDay? = nil, amountNOK: Int? = nil, projectSlug: String? = nil, synthetic: Bool = false
    ) {
        self.municipalityNumber = municipalityNumber
        self.countyNumber = countyNumber
        self.units = units
        self.call = call
        self.applicationDate = applicationDate
        self.status = status
        self.projectStart = projectStart
        self.projectEnd = projectEnd
        self.amountNOK = amountNOK
        self.projectSlug = projectSlug
        self.synthetic = synthetic
    }
}

/// The fields of a register line, named as the register's files name their columns.
public enum ProgrammeField: String, Sendable, Hashable, CaseIterable, Codable {
    case municipality = "kommunenummer"
    case county = "fylkesnummer"
    case units = "enheter"
    case call = "utlysning"
    case applicationDate = "soknadsdato"
    case status = "status"
    case projectStart = "prosjektstart"
    case projectEnd = "prosjektslutt"
    case amount = "belop_nok"
    case projectSlug = "prosjektbanken"
    case synthetic = "syntetisk"
}

extension ProgrammeApplication: Codable {
    private enum CodingKeys: String, CodingKey {
        case municipalityNumber, countyNumber, units, call, applicationDate, status, projectStart, projectEnd,
            amountNOK, projectSlug, synthetic
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func day(_ key: CodingKeys) throws -> CalendarDay? {
            guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
            guard let day = CalendarDay(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "\"\(text)\" is not a date YYYY-MM-DD")
            }
            return day
        }
        guard let applicationDate = try day(.applicationDate) else {
            throw DecodingError.keyNotFound(
                CodingKeys.applicationDate, .init(codingPath: decoder.codingPath, debugDescription: "required"))
        }
        self.init(
            municipalityNumber: try container.decodeIfPresent(String.self, forKey: .municipalityNumber),
            countyNumber: try container.decodeIfPresent(String.self, forKey: .countyNumber),
            units: try container.decodeIfPresent([String].self, forKey: .units) ?? [],
            call: try container.decode(String.self, forKey: .call), applicationDate: applicationDate,
            status: try container.decode(ProgrammeStatus.self, forKey: .status), projectStart: try day(.projectStart),
            projectEnd: try day(.projectEnd), amountNOK: try container.decodeIfPresent(Int.self, forKey: .amountNOK),
            projectSlug: try container.decodeIfPresent(String.self, forKey: .projectSlug),
            synthetic: try container.decodeIfPresent(Bool.self, forKey: .synthetic) ?? false)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(municipalityNumber, forKey: .municipalityNumber)
        try container.encodeIfPresent(countyNumber, forKey: .countyNumber)
        try container.encode(units, forKey: .units)
        try container.encode(call, forKey: .call)
        try container.encode(applicationDate.description, forKey: .applicationDate)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(projectStart?.description, forKey: .projectStart)
        try container.encodeIfPresent(projectEnd?.description, forKey: .projectEnd)
        try container.encodeIfPresent(amountNOK, forKey: .amountNOK)
        try container.encodeIfPresent(projectSlug, forKey: .projectSlug)
        try container.encode(synthetic, forKey: .synthetic)
    }
}
