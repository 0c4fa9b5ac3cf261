/// The 2018 report's three success factors (ch. 5.2: "Forankring", "Motiverte og kompetente
/// medarbeidere", "Finansielle ressurser") and which self-test factors they speak to, so a gap
/// on a factor can point to what the report found.
public enum ReportSuccessFactor: String, Sendable, CaseIterable {
    case anchoring, motivatedStaff, financialResources

    public var bokmål: (title: String, text: String) {
        switch self {
        case .anchoring:
            (
                "Forankring",
                "En godt forankret prosess, der prosjektet får et klart mandat fra ledelsen, et felles virkelighetsbilde, en prosjektplan og et tydelig handlingsrom, trekkes frem som det viktigste for å lykkes."
            )
        case .motivatedStaff:
            (
                "Motiverte og kompetente medarbeidere",
                "Medarbeiderne er en avgjørende drivkraft i alle fasene av et innovasjonsprosjekt; 660 av 1204 svarte at medarbeidernes medvirkning fremmet innovasjonen i stor grad."
            )
        case .financialResources:
            (
                "Finansielle ressurser",
                "Tilstrekkelige finansielle ressurser går igjen i prosjektene kommunene lykkes med; over 60 prosent av de intervjuede trakk det frem."
            )
        }
    }

    public var english: (title: String, text: String) {
        switch self {
        case .anchoring:
            (
                "Anchoring",
                "A well-anchored process, where the project gets a clear mandate from management, a shared picture of the problem, a project plan and clear room to act, is named as the most important condition for success."
            )
        case .motivatedStaff:
            (
                "Motivated and competent employees",
                "Employees are a decisive driving force in every phase of an innovation project; 660 of 1,204 said employee participation promoted the innovation to a large extent."
            )
        case .financialResources:
            (
                "Financial resources",
                "Sufficient financial resources recur in the projects municipalities succeed with; over 60 per cent of those interviewed named them."
            )
        }
    }

    /// The success factors a self-test factor speaks to (empty: the report names none for it).
    public static func forFactor(_ question: String) -> [ReportSuccessFactor] {
        switch question {
        case "factor_leadership", "factor_politics": [.anchoring]
        case "factor_employee_participation", "factor_competence", "factor_internal_collaboration": [.motivatedStaff]
        case "factor_financial_resources", "factor_time": [.financialResources]
        default: []
        }
    }
}
