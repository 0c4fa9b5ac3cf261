/// A number the generator must produce: an exact count where the report states one, otherwise a
/// share of the base it applies to (rounded to the nearest respondent).
enum Amount: Sendable, Hashable {
    case count(Int)
    case share(Double)

    func resolved(in base: Int) -> Int {
        switch self {
        case .count(let count): count
        case .share(let share): Int((share * Double(base)).rounded())
        }
    }

    /// Counts for categories that partition `total`: exact counts as given, shares by largest
    /// remainders so that they add up.
    static func partition(_ amounts: [Amount], total: Int) -> [Int] {
        let shares = amounts.map { amount -> Double? in
            if case .share(let share) = amount { share } else { nil }
        }
        guard shares.allSatisfy({ $0 != nil }) else { return amounts.map { $0.resolved(in: total) } }
        return Apportionment.largestRemainder(total, weights: shares.map { $0! })
    }
}

/// Everything one synthetic wave is calibrated to. The numbers of the baseline live in
/// `WaveTargets.baseline2018` (with the FIGURES.md row each comes from), those of the follow-up
/// in `WaveTargets.followUp2020`.
struct WaveTargets: Sendable {
    /// The first day of the municipal structure the respondents' kommunenummer belong to.
    var structureDate: CalendarDay
    var respondents: Int
    /// Respondents by unit type, codes 1–6 of `ReportClassifications.unitType`.
    var unitTypes: [Amount]
    /// Respondents by landsdel, codes 1–4.
    var landsdel: [Amount]
    /// Respondents whose municipality is unknown (only their county is).
    var withoutMunicipality: Int
    /// How many of those answered for an upper secondary school (run by the county).
    var upperSecondaryWithoutMunicipality: Int
    /// Respondents with a known municipality by population size class, codes 1–5.
    var sizeClasses: [Amount]
    /// Shares of the roles 1 leder, 2 medarbeider, 3 annet.
    var roles: [Double]

    /// Respondents who took at least one innovation into use.
    var innovators: Int
    /// Share of innovators in counties the report names, by fylkesnummer of the wave's structure.
    var countyInnovation: [Int: Double]
    /// A starting share for every other county; all of them are shifted together so that the
    /// total comes out at `innovators`, and kept within `otherCountyRange`.
    var otherCountyInnovation: [Int: Double]
    var otherCountyRange: ClosedRange<Double>
    /// Share of innovators by centrality class 1–6.
    var centralityInnovation: [Double]

    /// How many innovators answered each block (item nonresponse makes the bases differ).
    var bases: Bases

    /// The newest innovation's type(s), codes 1–4 (Fig 4-2).
    var newestType: [Amount]
    /// MEPIN novelty 1–4 and "vet ikke" (8), shares of those who answered.
    var novelty: [Int: Double]
    /// MEPIN inspiration 1–3 and "vet ikke" (8).
    var inspiration: [Int: Double]
    /// Triggers by option code (Tab 4-1).
    var trigger: [Int: Amount]
    var financing: Financing
    var partners: Partners
    var results: Results
    /// Spread answers 1 Ja, 2 Nei, 3 Ikke relevant (Fig 4-10).
    var spread: [Amount]
    /// The factor grid (Fig 5-1): answer distribution of each factor, by variable name.
    var factors: [String: FactorProfile]
    /// Distribution of a factor the targets do not name.
    var defaultFactor: FactorProfile
    /// Development under way among non-innovators: 1 Ja, 2 Nei, 8 Vet ikke.
    var developmentUnderway: [Int: Double]

    struct Bases: Sendable {
        var newestType: Int
        var novelty: Int
        var inspiration: Int
        var trigger: Int
        var financing: Int
        var results: Int
        var partners: Int
        /// Innovators who answered both results and partners (the base of Fig 4-8).
        var resultsAndPartners: Int
        var spread: Int
        var factors: Int
    }

    struct Financing: Sendable {
        /// Respondents whose only source is their own budget.
        var ownBudgetOnly: Amount
        /// Ticks by option code 1–7 (1 = own budget).
        var ticks: [Int: Amount]
    }

    struct Partners: Sendable {
        /// Option code of "none" (exclusive) and of education/research institutions.
        var noneCode: Int
        var researchCode: Int
        var none: Amount
        /// Ticks by option code, except "none".
        var ticks: [Int: Amount]
    }

    struct Results: Sendable {
        /// Improved quality among those with research collaboration, among those without, and
        /// among those who answered results but not partners (Fig 4-6, 4-8).
        var qualityWithResearch: Amount
        var qualityWithoutResearch: Amount
        var qualityResultsOnly: Amount
        var efficiency: Amount
        var satisfaction: Amount
        /// Tab 4-2, shares of answers within the respondents whose newest innovation had the type.
        var qualityShareOfAnswersByType: [Int: Double]
        var insightShareOfAnswersByType: [Int: Double]
        /// Shares of answers by centrality class (text after Tab 4-2).
        var efficiencyShareOfAnswersByCentrality: [Int: Double]
        var satisfactionShareOfAnswersByCentrality: [Int: Double]
        /// Starting probabilities of the items the report gives no number for.
        var insight: Double
        var influence: Double
        var other: Double
    }

    /// Shares of the answer codes 1–5, 8 and 9 of one factor, or exact counts.
    struct FactorProfile: Sendable {
        var codes: [Int: Amount]
    }
}
