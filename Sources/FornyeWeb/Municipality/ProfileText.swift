import FornyeReport
import Foundation

/// How the profile pages write shares, intervals, methods and reasons, in both languages. The
/// numbers themselves are `NorwegianFormat`'s (thousands apart, "74 %" that never wraps).
enum ProfileText {
    static func percent(_ value: Double?) -> String {
        guard let value else { return "–" }
        return NorwegianFormat.percent(value)
    }

    static func interval(_ lower: Double?, _ upper: Double?) -> String {
        guard let lower, let upper else { return "–" }
        return NorwegianFormat.interval(lower, upper)
    }

    /// Percentage points with sign, "+4" / "−3" (a real minus sign).
    static func points(_ value: Double) -> String { NorwegianFormat.points(value) }

    static func method(_ estimate: AreaEstimate?, _ language: Language) -> String {
        switch estimate?.method {
        case .direct: language.pick("Direkte estimat", "Direct estimate")
        case .fayHerriot: language.pick("Modellestimat (Fay–Herriot)", "Model estimate (Fay–Herriot)")
        case .synthetic: language.pick("Modellestimat (regresjon)", "Model estimate (regression)")
        case .some(.none), nil: language.pick("Ikke publisert", "Not published")
        }
    }

    static func withheld(_ reason: AreaEstimate.Withheld?, _ language: Language) -> String? {
        switch reason {
        case .confidential:
            language.pick(
                "kommunens egen andel er skjult: for få svar til å vise den uten å røpe enkeltenheter",
                "the municipality's own share is hidden: too few responses to show it without revealing units")
        case .unreliable:
            language.pick(
                "kommunens egen andel er for usikker til å vises alene",
                "the municipality's own share is too uncertain to show alone")
        case .noRespondents: language.pick("ingen svar fra kommunen", "no responses from the municipality")
        case nil: nil
        }
    }

    static func respondents(_ estimate: AreaEstimate?, _ language: Language) -> String {
        guard let estimate else { return "–" }
        guard let n = estimate.respondents else { return language.pick("under 10", "under 10") }
        return NorwegianFormat.count(n)
    }

    static func group(_ group: PeerGroup, _ language: Language) -> String {
        switch group {
        case .centrality: language.pick("samme sentralitetsklasse", "same centrality class")
        case .sizeClass: language.pick("samme størrelsesklasse", "same size class")
        case .county: language.pick("samme fylke", "same county")
        case .nearest(let features, let count):
            language.pick("de \(count) nærmeste på ", "the \(count) nearest on ")
                + (features.isEmpty ? [PeerFeature.population, .centrality] : features).map {
                    language.pick($0.label.nb, $0.label.en)
                }.joined(separator: ", ")
        }
    }
}
