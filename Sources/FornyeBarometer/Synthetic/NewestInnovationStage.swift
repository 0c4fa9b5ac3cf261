import Foundation

/// Collaboration partners (Fig 4-7), novelty and inspiration (MEPIN), triggers (Tab 4-1) and
/// financing (Fig 4-5) of the newest innovation.
struct NewestInnovationStage {
    let targets: WaveTargets

    func run(_ rows: inout WaveRows, routing: Routing, seed: UInt64) throws(SyntheticDataError) {
        var random = SeededRandom(seed: seed, stream: "newest")
        try partners(&rows, routing: routing, random: &random)
        mepin(&rows, routing: routing, random: &random)
        try trigger(&rows, routing: routing, random: &random)
        try financing(&rows, routing: routing, random: &random)
    }

    /// "None" excludes every other option. Research collaboration happens only among those who
    /// also answered results, so that Fig 4-8 sees every research collaboration.
    private func partners(_ rows: inout WaveRows, routing: Routing, random: inout SeededRandom)
        throws(SyntheticDataError)
    {
        let spec = targets.partners
        let base = routing.partners
        let snapshot = rows
        let noneRows = Set(
            random.sample(spec.none.resolved(in: base.count), of: base) { exp(-0.9 * snapshot.openness[$0]) })
        let active = base.filter { !noneRows.contains($0) }
        let inResults = Set(routing.results)
        let options = spec.ticks.keys.sorted()
        let counts = spec.ticks.mapValues { $0.resolved(in: base.count) }
        let researchLean: [Int: Double] = [3: 0.5, 6: 0.6, 1: 0.1]
        var table = TickTable(rows: active, options: options, random: &random) { row, option -> Double in
            let share = Double(counts[option]!) / Double(active.count)
            let openness = snapshot.openness[row]
            guard option == spec.researchCode else { return share * exp(0.3 * openness) }
            guard inResults.contains(row) else { return 0 }
            let lean: Double = researchLean[snapshot.unitType[row]] ?? 0
            let exponent: Double = 0.5 * openness + 0.3 * snapshot.drive[row] + lean
            return share * exp(exponent)
        }
        table.ensureNonEmpty(allowed: options.filter { $0 != spec.researchCode })
        let everyone = Array(active.indices)
        let askedResults = everyone.filter { inResults.contains(active[$0]) }
        let notAskedResults = everyone.filter { !inResults.contains(active[$0]) }
        let others = options.filter { $0 != spec.researchCode }
        try table.adjust(spec.researchCode, to: 0, among: notAskedResults, fallback: others)
        try table.adjust(spec.researchCode, to: counts[spec.researchCode]!, among: askedResults, fallback: others)
        try Self.calibrate(&table, counts: counts, options: others, among: everyone)
        table.write(into: &rows, set: "partners")
        rows.assign("partners_\(spec.noneCode)", rows: active, code: 0)
        rows.assign("partners_\(spec.noneCode)", rows: noneRows, code: 1)
        for option in options { rows.assign("partners_\(option)", rows: noneRows, code: 0) }
        for (position, row) in active.enumerated() where table.isTicked(spec.researchCode, at: position) {
            rows.research[row] = true
        }
    }

    /// Novelty and inspiration: research collaboration and a good innovation climate go with
    /// innovations that are new beyond the region and developed in-house.
    private func mepin(_ rows: inout WaveRows, routing: Routing, random: inout SeededRandom) {
        let snapshot = rows
        let novelty = CategoryAssignment.assign(
            routing.novelty, shares: targets.novelty, order: [4, 3, 8, 2, 1], random: &random
        ) { row, code in
            if code == 8 { return exp(-0.7 * snapshot.diligence[row]) }
            let research = snapshot.research[row] ? 0.9 : 0
            return exp(0.6 * snapshot.drive[row] + research)
        }
        rows.assign("novelty", novelty)
        for (row, code) in novelty { rows.novelty[row] = code }
        let afterNovelty = rows
        let inspiration = CategoryAssignment.assign(
            routing.inspiration, shares: targets.inspiration, order: [1, 3, 8, 2], random: &random
        ) { row, code in
            switch code {
            case 8: return exp(-0.7 * afterNovelty.diligence[row])
            case 3: return exp(-0.5 * afterNovelty.drive[row])
            default:
                return exp(0.5 * afterNovelty.drive[row] + (afterNovelty.isNovel(row) ? 0.9 : 0))
            }
        }
        rows.assign("inspiration", inspiration)
    }

    /// Triggers; the report's five counts are met exactly, every other option at its share.
    private func trigger(_ rows: inout WaveRows, routing: Routing, random: inout SeededRandom)
        throws(SyntheticDataError)
    {
        let base = routing.trigger
        let counts = targets.trigger.mapValues { $0.resolved(in: base.count) }
        let options = counts.keys.sorted()
        let snapshot = rows
        var table = TickTable(rows: base, options: options, random: &random) { row, option in
            let share = Double(counts[option]!) / Double(base.count)
            let employee = snapshot.role[row] == 2
            let lean: Double =
                switch option {
                case 1: employee ? 0.85 : 1.05
                case 2: employee ? 1.4 : 0.95
                case 5: snapshot.hasType(row, 1) ? 1.4 : 0.9
                case 11: snapshot.hasType(row, 2) || snapshot.hasType(row, 4) ? 1.5 : 0.85
                case 12: exp(0.4 * snapshot.drive[row])
                case 10: snapshot.research[row] ? 4 : 0.6
                case 7: snapshot.unitType[row] <= 3 ? 1.3 : 0.8
                default: 1
                }
            return share * lean
        }
        table.ensureNonEmpty()
        let everyone = Array(base.indices)
        try Self.calibrate(&table, counts: counts, options: options, among: everyone)
        table.write(into: &rows, set: "trigger")
    }

    /// Financing: the own-budget-only respondents are chosen first (the outward-looking less
    /// often), the rest get external sources; research collaboration goes with Research Council
    /// money.
    private func financing(_ rows: inout WaveRows, routing: Routing, random: inout SeededRandom)
        throws(SyntheticDataError)
    {
        let spec = targets.financing
        let base = routing.financing
        let ownCode = 1
        let snapshot = rows
        let ownOnly = spec.ownBudgetOnly.resolved(in: base.count)
        let external = random.sample(base.count - ownOnly, of: base) {
            exp(0.6 * snapshot.openness[$0] + 0.3 * snapshot.drive[$0])
        }
        let counts = spec.ticks.mapValues { $0.resolved(in: base.count) }
        let externalOptions = counts.keys.sorted().filter { $0 != ownCode }
        var table = TickTable(rows: external, options: externalOptions, random: &random) { row, option in
            let share = Double(counts[option]!) / Double(external.count)
            switch option {
            case 4: return share * (snapshot.research[row] ? 5 : 0.5)
            case 6: return share * exp(0.4 * snapshot.openness[row])
            default: return share
            }
        }
        table.ensureNonEmpty()
        let everyone = Array(external.indices)
        try Self.calibrate(&table, counts: counts, options: externalOptions, among: everyone)
        let externalSet = Set(external)
        let ownWithExternal = Set(random.sample(counts[ownCode]! - ownOnly, of: external) { _ in 1 })
        table.write(into: &rows, set: "financing")
        let onlyOwn = base.filter { !externalSet.contains($0) }
        rows.assign("financing_\(ownCode)", rows: onlyOwn, code: 1)
        rows.assign("financing_\(ownCode)", rows: external, code: 0)
        rows.assign("financing_\(ownCode)", rows: ownWithExternal, code: 1)
        for option in externalOptions { rows.assign("financing_\(option)", rows: onlyOwn, code: 0) }
        for row in onlyOwn { rows.ownBudgetOnly[row] = true }
    }

    /// Brings every option to its count. A row whose only tick must go gets the option it leans
    /// to most among the others instead, which may put that option over its count again, so the
    /// options are passed over until all counts hold.
    static func calibrate(_ table: inout TickTable, counts: [Int: Int], options: [Int], among positions: [Int])
        throws(SyntheticDataError)
    {
        for _ in 0..<4 {
            for option in options {
                try table.adjust(
                    option, to: counts[option]!, among: positions, fallback: options.filter { $0 != option })
            }
            if options.allSatisfy({ table.count($0, among: positions) == counts[$0]! }) { return }
        }
        throw .inconsistentTargets("the options' counts cannot all be met at once")
    }
}
