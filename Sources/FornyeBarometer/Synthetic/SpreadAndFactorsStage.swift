import Foundation

/// Spreading the newest innovation (Fig 4-10) and the promoting/hindering factors (Fig 5-1).
struct SpreadAndFactorsStage {
    let targets: WaveTargets
    /// The factor items of the codebook, in codebook order.
    let factorNames: [String]

    /// The grid's answer codes: substantive 1 (hindered a lot) to 5 (promoted a lot), then
    /// 8 "vet ikke" and 9 "ikke relevant".
    static let scale = [1, 2, 3, 4, 5]
    static let missing = [8, 9]

    func run(_ rows: inout WaveRows, routing: Routing, seed: UInt64) throws(SyntheticDataError) {
        var random = SeededRandom(seed: seed, stream: "spread-factors")
        spread(&rows, routing: routing, random: &random)
        for name in factorNames {
            try factor(name, &rows, base: routing.factors, random: &random)
        }
    }

    /// Research collaboration, novel innovations and communication innovations are spread more
    /// often; organisational changes are more often "not relevant" to spread.
    private func spread(_ rows: inout WaveRows, routing: Routing, random: inout SeededRandom) {
        let snapshot = rows
        let counts = Amount.partition(targets.spread, total: routing.spread.count)
        let amounts = Dictionary(uniqueKeysWithValues: counts.enumerated().map { ($0 + 1, Amount.count($1)) })
        let answers = CategoryAssignment.assign(routing.spread, amounts: amounts, order: [1, 3, 2], random: &random) {
            row, code in
            let novel = snapshot.isNovel(row)
            if code == 1 {
                let research = snapshot.research[row] ? 0.9 : 0
                let communication = snapshot.hasType(row, 4) ? 0.3 : 0
                return exp(research + (novel ? 0.5 : 0) + 0.3 * snapshot.drive[row] + communication)
            }
            let organisational = snapshot.hasType(row, 3) ? 0.4 : 0
            return exp(organisational - 0.3 * snapshot.drive[row])
        }
        rows.assign("spread", answers)
    }

    /// One factor: "vet ikke" and "ikke relevant" first, then the scale in order of a latent
    /// judgement, so that a good innovation climate goes with promoting answers on every factor.
    private func factor(_ name: String, _ rows: inout WaveRows, base: [Int], random: inout SeededRandom)
        throws(SyntheticDataError)
    {
        let profile = targets.factors[name] ?? targets.defaultFactor
        let order = Self.scale + Self.missing
        let counts: [Int]
        if profile.codes.values.allSatisfy({ if case .count = $0 { true } else { false } }) {
            counts = order.map { profile.codes[$0]?.resolved(in: base.count) ?? 0 }
        } else {
            counts = Apportionment.largestRemainder(
                base.count,
                weights: order.map { code in
                    if case .share(let share) = profile.codes[code] { share } else { 0 }
                })
        }
        guard counts.reduce(0, +) == base.count else {
            throw .inconsistentTargets("\(name): answer counts add up to \(counts.reduce(0, +)), not \(base.count)")
        }
        let snapshot = rows
        let dontKnow = random.sample(counts[5], of: base) { exp(-0.7 * snapshot.diligence[$0]) }
        let afterDontKnow = Self.without(dontKnow, from: base)
        let notRelevant = random.sample(counts[6], of: afterDontKnow) { exp(-0.3 * snapshot.openness[$0]) }
        let judged = Self.without(notRelevant, from: afterDontKnow)
        var scores = [Double](repeating: 0, count: judged.count)
        for index in 0..<judged.count {
            let row = judged[index]
            scores[index] = 0.6 * snapshot.drive[row] + 0.25 * snapshot.openness[row] + random.normal()
            if name == "factor_financial_resources" && snapshot.ownBudgetOnly[row] { scores[index] -= 0.5 }
        }
        let ranking = Ordering.ascending(scores)
        var column = rows[name]
        var next = 0
        for (code, count) in zip(Self.scale, counts) {
            for index in next..<(next + count) { column[judged[ranking[index]]] = Int32(code) }
            next += count
        }
        for row in dontKnow { column[row] = 8 }
        for row in notRelevant { column[row] = 9 }
        rows[name] = column
    }

    /// `pool` without the rows of `removed` (both in ascending order).
    static func without(_ removed: [Int], from pool: [Int]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(pool.count)
        var next = 0
        for row in pool {
            while next < removed.count && removed[next] < row { next += 1 }
            if next < removed.count && removed[next] == row { continue }
            result.append(row)
        }
        return result
    }
}
