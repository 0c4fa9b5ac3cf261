import FornyeReport
import Foundation

/// How the profile pages write shares, intervals, methods and reasons, in both languages.
enum ProfileText {
    static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return "\(Int((value * 100).rounded())) %"
    }

    static func interval(_ lower: Double?, _ upper: Double?) -> String {
        guard let lower, let upper, lower.isFinite, upper.isFinite else { return "–" }
        return "\(Int((lower * 100).rounded()))–\(Int((upper * 100).rounded()))"
    }

    /// Percentage points with sign, "+4" / "−3" (a real minus sign).
    static func points(_ value: Double) -> String {
        let rounded = Int((value * 100).rounded())
        return rounded > 0 ? "+\(rounded)" : rounded < 0 ? "−\(-rounded)" : "0"
    }

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
        return "\(n)"
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
