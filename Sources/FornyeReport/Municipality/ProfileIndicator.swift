public import FornyeBarometer

/// An indicator the municipality profile shows: the three hypotheses (`ProgrammeIndicator`'s,
/// so the profile, the report and `fornye evaluate` measure the same), two results and two
/// partners of the newest innovation. Each is a 0/1 outcome per response with the report's base.
public struct ProfileIndicator: Sendable, Hashable {
    public enum Group: String, Sendable, Hashable, CaseIterable {
        case hypothesis, result, partner
    }

    public var indicator: ProgrammeIndicator
    public var group: Group
    public var nameEnglish: String
    public var measureEnglish: String

    public var id: String { indicator.id }

    public static let all: [ProfileIndicator] = [
        ProfileIndicator(
            indicator: .innovates, group: .hypothesis, nameEnglish: "H1 Innovates",
            measureEnglish: "Share of units that adopted at least one innovation in the last two years"),
        ProfileIndicator(
            indicator: .spreads, group: .hypothesis, nameEnglish: "H2 Spreads",
            measureEnglish: "Share of innovators that did something active to spread their newest innovation"),
        ProfileIndicator(
            indicator: .researches, group: .hypothesis, nameEnglish: "H3 Researches",
            measureEnglish: "Share of innovators that collaborated with education or research institutions"),
        item(
            "R1", "R1 Bedre kvalitet", "R1 Better quality", "results_1", .result,
            "Andel av innovatørene der den nyeste innovasjonen forbedret kvaliteten",
            "Share of innovators whose newest innovation improved quality"),
        item(
            "R2", "R2 Mer effektiv", "R2 More efficient", "results_2", .result,
            "Andel av innovatørene der den nyeste innovasjonen økte effektiviteten",
            "Share of innovators whose newest innovation increased efficiency"),
        item(
            "P1", "P1 Andre kommuner", "P1 Other municipalities", "partners_2", .partner,
            "Andel av innovatørene som samarbeidet med andre kommuner eller fylkeskommuner",
            "Share of innovators that collaborated with other municipalities or counties"),
        item(
            "P2", "P2 Innbyggere", "P2 Citizens", "partners_6", .partner,
            "Andel av innovatørene som samarbeidet med innbyggere eller brukere",
            "Share of innovators that collaborated with citizens or users"),
    ]

    private static func item(
        _ id: String, _ name: String, _ nameEnglish: String, _ variable: String, _ group: Group, _ measure: String,
        _ measureEnglish: String
    ) -> ProfileIndicator {
        ProfileIndicator(
            indicator: ProgrammeIndicator(
                id: id, name: name, measure: measure, variable: variable, isMultipleResponseItem: true),
            group: group, nameEnglish: nameEnglish, measureEnglish: measureEnglish)
    }

    public static func named(_ id: String) -> ProfileIndicator? { all.first { $0.id == id } }
}
