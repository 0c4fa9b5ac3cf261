import Foundation

/// Which innovators answered which block of the newest-innovation section. Only innovators are
/// routed there; among them, item nonresponse (the less diligent skip more) makes every figure's
/// base N come out as the report states it.
struct Routing {
    var innovators: [Int]
    var newestType: [Int]
    var novelty: [Int]
    var inspiration: [Int]
    var trigger: [Int]
    var financing: [Int]
    var results: [Int]
    var partners: [Int]
    var spread: [Int]
    var factors: [Int]

    /// Draws the answering rows of each block.
    ///
    /// Two bases are tied: results are only analysed by type (Tab 4-2), so everyone who answered
    /// results also answered the type question; and the rows answering both results and partners
    /// (Fig 4-8) number `bases.resultsAndPartners`.
    init(rows: WaveRows, bases: WaveTargets.Bases, seed: UInt64) throws(SyntheticDataError) {
        var random = SeededRandom(seed: seed, stream: "routing")
        let innovators = (0..<rows.count).filter { rows.innovated[$0] }
        let skipWeight = { (row: Int) in exp(-0.8 * rows.diligence[row]) }
        func answering(_ base: Int, of pool: [Int], _ what: String) throws(SyntheticDataError) -> [Int] {
            guard (0...pool.count).contains(base) else {
                throw .inconsistentTargets("\(what) has base \(base) but only \(pool.count) respondents can answer it")
            }
            let skipping = Set(random.sample(pool.count - base, of: pool, weight: skipWeight))
            return pool.filter { !skipping.contains($0) }
        }
        self.innovators = innovators
        newestType = try answering(bases.newestType, of: innovators, "newest_type")
        novelty = try answering(bases.novelty, of: innovators, "novelty")
        inspiration = try answering(bases.inspiration, of: innovators, "inspiration")
        trigger = try answering(bases.trigger, of: innovators, "trigger")
        financing = try answering(bases.financing, of: innovators, "financing")
        results = try answering(bases.results, of: newestType, "results")
        let inResults = Set(results)
        let withoutResults = innovators.filter { !inResults.contains($0) }
        let partnersOutsideResults = bases.partners - bases.resultsAndPartners
        guard (0...withoutResults.count).contains(partnersOutsideResults) else {
            throw .inconsistentTargets(
                "partners (\(bases.partners)) and results ∩ partners (\(bases.resultsAndPartners)) need "
                    + "\(partnersOutsideResults) partner answers from \(withoutResults.count) innovators without results"
            )
        }
        let partnersInResults = try answering(bases.resultsAndPartners, of: results, "results ∩ partners")
        let partnersElsewhere = random.sample(partnersOutsideResults, of: withoutResults) {
            exp(0.8 * rows.diligence[$0])
        }
        partners = (partnersInResults + partnersElsewhere).sorted()
        spread = try answering(bases.spread, of: innovators, "spread")
        factors = try answering(bases.factors, of: innovators, "factors")
    }
}
