extension WaveTargets {
    /// A made-up second wave on the 2020 municipal structure (356 municipalities, 11 counties), for
    /// comparing waves. Nothing here comes from a report: the numbers are the baseline's with
    /// plausible changes, so that a wave comparison has something to find. Innovation is up
    /// (74 → 77 %), more innovations are digital communication, research collaboration grows
    /// (16 → 19 %), more innovations are spread actively (44 → 48 %), external financing is a
    /// little more common, and limited financial resources hinder slightly more often.
    static let followUp2020: WaveTargets = {
        var targets = WaveTargets.baseline2018
        targets.structureDate = .newYear(2020)
        targets.respondents = 1702
        targets.unitTypes = [.share(0.15), .share(0.26), .share(0.075), .share(0.235), .share(0.205), .share(0.075)]
        targets.landsdel = [.share(0.455), .share(0.27), .share(0.16), .share(0.115)]
        targets.withoutMunicipality = 85
        targets.upperSecondaryWithoutMunicipality = 70
        targets.sizeClasses = [.share(0.10), .share(0.21), .share(0.17), .share(0.19), .share(0.33)]
        targets.innovators = 1311  // 77 %
        targets.countyInnovation = [:]
        targets.otherCountyInnovation = [
            3: 0.71, 11: 0.75, 15: 0.79, 18: 0.78, 30: 0.77, 34: 0.82, 38: 0.78, 42: 0.81, 46: 0.71, 50: 0.77, 54: 0.72,
        ]
        targets.otherCountyRange = 0.65...0.86
        targets.centralityInnovation = [0.73, 0.74, 0.78, 0.81, 0.79, 0.76]
        targets.bases = Bases(
            newestType: 1294, novelty: 1282, inspiration: 1276, trigger: 1277, financing: 1296, results: 1246,
            partners: 1255, resultsAndPartners: 1200, spread: 1229, factors: 1293)
        targets.newestType = [.share(0.22), .share(0.13), .share(0.61), .share(0.31)]
        targets.novelty = [1: 0.48, 2: 0.29, 3: 0.14, 4: 0.03, 8: 0.06]
        targets.trigger = [
            1: .share(0.48), 2: .share(0.37), 5: .share(0.21), 11: .share(0.22), 12: .share(0.19),
            3: .share(0.15), 4: .share(0.06), 6: .share(0.10), 7: .share(0.12), 8: .share(0.04),
            9: .share(0.02), 10: .share(0.07), 13: .share(0.15), 14: .share(0.04),
        ]
        targets.financing = Financing(
            ownBudgetOnly: .share(0.60),
            ticks: [
                1: .share(0.745), 2: .share(0.23), 3: .share(0.21), 4: .share(0.025), 5: .share(0.006),
                6: .share(0.02), 7: .share(0.01),
            ])
        targets.partners = Partners(
            noneCode: 9, researchCode: 8, none: .share(0.10),
            ticks: [
                1: .share(0.60), 2: .share(0.20), 3: .share(0.10), 4: .share(0.17), 5: .share(0.18), 6: .share(0.18),
                7: .share(0.09), 8: .share(0.19),
            ])
        targets.results.qualityWithResearch = .share(0.89)
        targets.results.qualityWithoutResearch = .share(0.72)
        targets.results.qualityResultsOnly = .share(0.90)
        targets.results.efficiency = .share(0.42)
        targets.results.satisfaction = .share(0.44)
        targets.results.efficiencyShareOfAnswersByCentrality = [1: 0.24, 6: 0.16]
        targets.results.satisfactionShareOfAnswersByCentrality = [1: 0.18, 6: 0.22]
        targets.spread = [.share(0.48), .share(0.33), .share(0.19)]
        targets.factors["factor_employee_participation"] = .shares(0.015, 0.03, 0.07, 0.30, 0.50, dontKnow: 0.03)
        targets.factors["factor_financial_resources"] = .shares(0.13, 0.23, 0.24, 0.19, 0.08, dontKnow: 0.05)
        targets.developmentUnderway = [1: 0.47, 2: 0.42, 8: 0.11]
        return targets
    }()
}
