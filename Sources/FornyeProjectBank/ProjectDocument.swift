import Foundation

/// Everything a project record says, as one value. Stored as JSON beside the columns that
/// search and facets need (`ProjectRecord`), so the record can grow without a migration per field
/// while every field the bank filters or sorts on is a real, indexed column.
///
/// Unknown values are nil or empty and show as "unknown" (ukjent), never as a guess.
public struct ProjectDocument: Codable, Sendable, Equatable {
    public var title: String = ""
    public var summary: String = ""
    /// Problem or need, and the target group.
    public var problem: String = ""
    public var targetGroup: String = ""
    public var solution: String = ""
    /// What is new, and compared with what.
    public var novelty: String = ""
    /// MEPIN novelty (``ReportClassifications/novelty``), 1–4.
    public var noveltyLevel: Int?
    /// MEPIN inspiration (``ReportClassifications/inspiration``), 1–3.
    public var inspiration: Int?
    /// KS' four innovation types (``ReportClassifications/innovationType``), 1–4.
    public var innovationTypes: [Int] = []
    /// ``ReportClassifications/sector``; nil for other service areas.
    public var sector: Int?
    /// ``ReportClassifications/unitType``.
    public var unitType: Int?
    /// The service area in words, for areas outside the barometer's two sectors.
    public var serviceArea: String = ""
    /// Kommunenummer of the owner municipality; nil for county, state and foreign owners.
    public var ownerMunicipality: String?
    /// The owning organisation's name when it is not a Norwegian municipality (imported cases).
    public var ownerName: String = ""
    /// Country (ISO 3166-1 alpha-2), "NO" for Norwegian projects.
    public var country: String = "NO"
    public var partners: [Partner] = []
    public var research: ResearchInvolvement = .init()
    /// Seeks a research partner: the bank suggests institutions with matching competence.
    public var seeksResearchPartner: Bool = false
    public var startMode: StartMode?
    public var initiative: Initiative?
    /// Where the project is organised (e.g. "sentralt i administrasjonen", "egen innovasjonsenhet").
    public var organisation: String = ""
    public var stage: ProjectStage = .idea
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    public var startDate: String?
    public var endDate: String?
    public var financing: [Financing] = []
    public var results: [ProjectResult] = []
    /// Whether the effects were evaluated; nil when nobody said (shown «Ukjent», never a guessed «Nei»).
    public var evaluated: Bool?
    public var evidenceLevel: EvidenceLevel?
    public var evaluationText: String = ""
    public var challenges: String = ""
    public var lessons: String = ""
    /// Conditions for success and what another municipality needs to reuse it.
    public var reuseConditions: String = ""
    public var contacts: [Contact] = []
    public var links: [Link] = []
    /// The project this one reuses or builds on (its slug).
    public var basedOn: String?
    /// Licence of the content (SPDX identifier, e.g. CC-BY-4.0, EUPL-1.2).
    public var licence: String = "CC-BY-4.0"
    /// For imported records: where the record came from.
    public var source: Source?
    /// Generated for demonstrations or benchmarks; always labelled.
    public var synthetic: Bool = false
    /// Language of the free text ("nb", "nn" or "en"): picks the search configuration.
    public var language: String = "nb"

    public init() {}

    public struct Partner: Codable, Sendable, Equatable {
        public var name: String
        public var role: PartnerRole
        /// Kommunenummer when the partner is a municipality.
        public var municipality: String?
        public init(name: String, role: PartnerRole, municipality: String? = nil) {
            self.name = name
            self.role = role
            self.municipality = municipality
        }
    }

    /// The report's three dimensions, each 0 (none) … 3 (high); nil when unknown.
    public struct ResearchInvolvement: Codable, Sendable, Equatable {
        /// Forskningsgrad: how much research took part.
        public var degree: Int?
        /// Prosjektkvalitet: research-based project method.
        public var projectQuality: Int?
        /// Kunnskapsbidrag: new knowledge produced.
        public var knowledgeContribution: Int?
        public init(degree: Int? = nil, projectQuality: Int? = nil, knowledgeContribution: Int? = nil) {
            self.degree = degree
            self.projectQuality = projectQuality
            self.knowledgeContribution = knowledgeContribution
        }
        /// The facet: the highest known level, nil when all are unknown.
        public var level: Int? { [degree, projectQuality, knowledgeContribution].compactMap { $0 }.max() }
    }

    public struct Financing: Codable, Sendable, Equatable {
        public var source: FinancingSource
        /// Amount in NOK; nil when not known.
        public var amount: Double?
        public var applicationStatus: ApplicationStatus?
        public var note: String = ""
        public init(
            source: FinancingSource, amount: Double? = nil, applicationStatus: ApplicationStatus? = nil,
            note: String = ""
        ) {
            self.source = source
            self.amount = amount
            self.applicationStatus = applicationStatus
            self.note = note
        }
    }

    public struct ProjectResult: Codable, Sendable, Equatable {
        public var impact: ImpactType
        public var description: String
        public var indicators: [Indicator]
        public init(impact: ImpactType, description: String, indicators: [Indicator] = []) {
            self.impact = impact
            self.description = description
            self.indicators = indicators
        }
    }

    public struct Indicator: Codable, Sendable, Equatable {
        public var metric: String
        public var baseline: Double?
        public var value: Double?
        public var unit: String
        public var method: String
        /// `YYYY-MM-DD`.
        public var date: String?
        public init(
            metric: String, baseline: Double? = nil, value: Double? = nil, unit: String = "", method: String = "",
            date: String? = nil
        ) {
            self.metric = metric
            self.baseline = baseline
            self.value = value
            self.unit = unit
            self.method = method
            self.date = date
        }
    }

    public struct Contact: Codable, Sendable, Equatable {
        public var name: String
        public var email: String
        public var role: String
        /// Shown to the public only with this consent; otherwise only editors and admins see it.
        public var publishConsent: Bool
        public init(name: String, email: String, role: String = "", publishConsent: Bool) {
            self.name = name
            self.email = email
            self.role = role
            self.publishConsent = publishConsent
        }
    }

    public struct Link: Codable, Sendable, Equatable {
        public var title: String
        public var url: String
        public init(title: String, url: String) {
            self.title = title
            self.url = url
        }
    }

    /// Where an imported record came from, named on every such record.
    public struct Source: Codable, Sendable, Equatable {
        public var name: String
        public var identifier: String
        public var url: String?
        public var licence: String
        public init(name: String, identifier: String, url: String?, licence: String) {
            self.name = name
            self.identifier = identifier
            self.url = url
            self.licence = licence
        }
    }
}

/// A stable code and its bokmål and English labels, for the enums below.
public protocol ProjectCode: RawRepresentable, CaseIterable, Codable, Sendable, Hashable where RawValue == String {
    var labels: (nb: String, en: String) { get }
}

public enum ProjectStage: String, ProjectCode {
    case idea, development, pilot, implemented, spread, discontinued
    /// Not known (e.g. a project named in a report that does not say).
    case unknown
    public var labels: (nb: String, en: String) {
        switch self {
        case .unknown: ("Ukjent", "Unknown")
        case .idea: ("Idé", "Idea")
        case .development: ("Utvikling", "Development")
        case .pilot: ("Pilot", "Pilot")
        case .implemented: ("Implementert", "Implemented")
        case .spread: ("Spredt", "Spread")
        case .discontinued: ("Avsluttet uten videreføring", "Discontinued")
        }
    }
}

public enum PartnerRole: String, ProjectCode {
    case otherUnit = "other_unit"
    case otherMunicipality = "other_municipality"
    case county, state, citizens
    case civilSociety = "civil_society"
    case business
    case research
    public var labels: (nb: String, en: String) {
        switch self {
        case .otherUnit: ("Annen enhet i kommunen", "Other unit in the municipality")
        case .otherMunicipality: ("Annen kommune", "Other municipality")
        case .county: ("Fylkeskommune", "County")
        case .state: ("Statlig aktør", "State body")
        case .citizens: ("Innbyggere/brukere", "Citizens/users")
        case .civilSociety: ("Sivilsamfunn/frivillige", "Civil society")
        case .business: ("Næringsliv", "Business")
        case .research: ("Forsknings- og utdanningsinstitusjon", "Research or education institution")
        }
    }
}

/// How the project started: driven by a result (a need or a goal) or by a process (co-creation).
public enum StartMode: String, ProjectCode {
    case resultOriented = "result_oriented"
    case processOriented = "process_oriented"
    public var labels: (nb: String, en: String) {
        switch self {
        case .resultOriented: ("Resultatdrevet", "Result-oriented")
        case .processOriented: ("Prosessdrevet", "Process-oriented")
        }
    }
}

public enum Initiative: String, ProjectCode {
    case bottomUp = "bottom_up"
    case topDown = "top_down"
    public var labels: (nb: String, en: String) {
        switch self {
        case .bottomUp: ("Nedenfra (ansatte)", "Bottom-up")
        case .topDown: ("Ovenfra (ledelse)", "Top-down")
        }
    }
}

public enum FinancingSource: String, ProjectCode {
    case ownBudget = "own_budget"
    case regional, state
    case researchCouncil = "research_council"
    case eu, other
    public var labels: (nb: String, en: String) {
        switch self {
        case .ownBudget: ("Eget budsjett", "Own budget")
        case .regional: ("Regionale midler", "Regional funds")
        case .state: ("Statlige midler", "State funds")
        case .researchCouncil: ("Forskningsrådet (FORKOMMUNE)", "Research Council (FORKOMMUNE)")
        case .eu: ("EU", "EU")
        case .other: ("Annet", "Other")
        }
    }
}

public enum ApplicationStatus: String, ProjectCode {
    case planned, applied, granted, rejected
    public var labels: (nb: String, en: String) {
        switch self {
        case .planned: ("Planlagt søknad", "Application planned")
        case .applied: ("Søkt", "Applied")
        case .granted: ("Innvilget", "Granted")
        case .rejected: ("Avslått", "Rejected")
        }
    }
}

/// The report's four impact types.
public enum ImpactType: String, ProjectCode {
    case quality, efficiency
    case employeeSatisfaction = "employee_satisfaction"
    case citizenInfluence = "citizen_influence"
    public var labels: (nb: String, en: String) {
        switch self {
        case .quality: ("Bedre kvalitet", "Better quality")
        case .efficiency: ("Mer effektiv ressursbruk", "Efficiency")
        case .employeeSatisfaction: ("Økt medarbeidertilfredshet", "Employee satisfaction")
        case .citizenInfluence: ("Innbyggernes innsikt og innflytelse", "Citizens' insight and influence")
        }
    }
}

/// How strong the evidence of effect is, from none to a controlled comparison.
public enum EvidenceLevel: String, ProjectCode {
    case none, anecdotal
    case measuredBeforeAfter = "before_after"
    case comparison
    case randomised
    public var labels: (nb: String, en: String) {
        switch self {
        case .none: ("Ikke dokumentert", "Not documented")
        case .anecdotal: ("Erfaringer/tilbakemeldinger", "Experience and feedback")
        case .measuredBeforeAfter: ("Målt før og etter", "Measured before and after")
        case .comparison: ("Sammenlignet med kontrollgruppe", "Compared with a control group")
        case .randomised: ("Randomisert forsøk", "Randomised trial")
        }
    }
}
