import Foundation

/// Results of the newest innovation (Fig 4-6, 4-8, Tab 4-2 and the centrality comparison).
///
/// The report states results in overlapping ways: overall, by research collaboration, by type
/// and by centrality (the last two as shares of answers). They are met in an order in which
/// every step flips only rows and options the earlier steps no longer need:
/// 1. improved quality, exactly, in the three research groups (this fixes Fig 4-6's quality);
/// 2. by type, the options other than quality in the rows of the two named types;
/// 3. by centrality, efficiency and satisfaction of the central and rural rows outside step 2;
/// 4. the overall efficiency and satisfaction counts on the rows no step touched.
struct ResultsStage {
    let targets: WaveTargets
    let frame: SyntheticFrame

    static let quality = 1
    static let efficiency = 2
    static let satisfaction = 3
    static let insight = 4
    static let influence = 5
    static let other = 6

    func run(_ rows: inout WaveRows, routing: Routing, seed: UInt64) throws(SyntheticDataError) {
        var random = SeededRandom(seed: seed, stream: "results")
        let spec = targets.results
        let base = routing.results
        let inPartners = Set(routing.partners)
        let snapshot = rows
        let research = base.map { snapshot.research[$0] }
        let group = base.indices.map { position -> Int in
            inPartners.contains(base[position]) ? (research[position] ? 0 : 1) : 2
        }
        let centrality = base.map { row -> Int? in
            snapshot.municipality[row] < 0 ? nil : frame.municipalities[snapshot.municipality[row]].centrality
        }
        let qualityStart = [
            spec.qualityWithResearch, spec.qualityWithoutResearch, spec.qualityResultsOnly,
        ]
        let groupSizes = (0..<3).map { g in group.filter { $0 == g }.count }
        let n = Double(base.count)
        let efficiencyShare = Double(spec.efficiency.resolved(in: base.count)) / n
        let satisfactionShare = Double(spec.satisfaction.resolved(in: base.count)) / n
        let positionOfRow = Dictionary(uniqueKeysWithValues: base.enumerated().map { ($1, $0) })
        var table = TickTable(rows: base, options: Array(1...6), random: &random) { row, option in
            let position = positionOfRow[row]!
            let product = snapshot.hasType(row, 2)
            let communication = snapshot.hasType(row, 4)
            let level = Double((centrality[position] ?? 4) - 1)
            switch option {
            case Self.quality:
                let g = group[position]
                let share = Double(qualityStart[g].resolved(in: groupSizes[g])) / Double(max(groupSizes[g], 1))
                return share * (product ? 1.04 : 1) * (communication ? 0.97 : 1)
            case Self.efficiency:
                return efficiencyShare * (research[position] ? 0.8 : 1.04) * (1.22 - 0.09 * level)
            case Self.satisfaction:
                return satisfactionShare * (research[position] ? 1.18 : 0.97) * (0.86 + 0.05 * level)
            case Self.insight:
                return product ? 0.08 : communication ? 0.55 : spec.insight
            case Self.influence:
                return product ? 0.04 : communication ? 0.22 : spec.influence
            default:
                return spec.other
            }
        }
        table.ensureNonEmpty()
        try calibrateQuality(&table, group: group)
        let typeRows = try calibrateTypes(&table, rows: snapshot)
        let centralRows = try calibrateCentrality(&table, centrality: centrality, excluding: typeRows)
        let free = base.indices.filter { !typeRows.contains($0) && !centralRows.contains($0) }
        let everyone = Array(base.indices)
        try table.adjust(
            Self.efficiency, to: spec.efficiency.resolved(in: base.count), in: everyone, flipping: free,
            fallback: [Self.other])
        try table.adjust(
            Self.satisfaction, to: spec.satisfaction.resolved(in: base.count), in: everyone, flipping: free,
            fallback: [Self.other])
        table.write(into: &rows, set: "results")
    }

    private func calibrateQuality(_ table: inout TickTable, group: [Int]) throws(SyntheticDataError) {
        let spec = targets.results
        for (g, amount) in [spec.qualityWithResearch, spec.qualityWithoutResearch, spec.qualityResultsOnly].enumerated()
        {
            let positions = group.indices.filter { group[$0] == g }
            try table.adjust(Self.quality, to: amount.resolved(in: positions.count), among: positions)
        }
    }

    /// Tab 4-2: within the rows whose newest innovation had a named type, quality and insight as
    /// shares of all answers. Quality is already fixed, so the total of answers is set through
    /// insight, then influence, other, satisfaction and efficiency. A later type flips only rows
    /// an earlier type's domain does not hold, so the types do not disturb each other.
    /// - Returns: the positions of every row with a named type.
    private func calibrateTypes(_ table: inout TickTable, rows: WaveRows) throws(SyntheticDataError) -> Set<Int> {
        let spec = targets.results
        let named = spec.qualityShareOfAnswersByType.keys.sorted()
        let typesOfPosition = table.rows.map { row in Set(named.filter { rows.hasType(row, $0) }) }
        var touched = Set<Int>()
        for type in named {
            let domain = table.rows.indices.filter { typesOfPosition[$0].contains(type) }
            let adjustable = domain.filter { !touched.contains($0) }
            touched.formUnion(domain)
            let quality = table.count(Self.quality, among: domain)
            let total = Int((Double(quality) / spec.qualityShareOfAnswersByType[type]!).rounded())
            if let insightShare = spec.insightShareOfAnswersByType[type] {
                let insight = Int((insightShare * Double(total)).rounded())
                try table.adjust(
                    Self.insight, to: insight, in: domain, flipping: adjustable, fallback: [Self.influence, Self.other])
            }
            try setTotal(
                &table, to: total, in: domain, flipping: adjustable,
                options: [Self.influence, Self.other, Self.satisfaction, Self.efficiency])
        }
        return touched
    }

    /// Efficiency and satisfaction as shares of answers in the most central and least central
    /// class; the other options there are left as they are.
    private func calibrateCentrality(_ table: inout TickTable, centrality: [Int?], excluding fixed: Set<Int>)
        throws(SyntheticDataError) -> Set<Int>
    {
        let spec = targets.results
        var touched = Set<Int>()
        for level in spec.efficiencyShareOfAnswersByCentrality.keys.sorted() {
            let domain = table.rows.indices.filter { centrality[$0] == level }
            let adjustable = domain.filter { !fixed.contains($0) }
            touched.formUnion(adjustable)
            let efficiencyShare = spec.efficiencyShareOfAnswersByCentrality[level]!
            let satisfactionShare = spec.satisfactionShareOfAnswersByCentrality[level] ?? 0
            // Removing a row's last tick puts "other" in its place, which changes the total, so
            // the targets are worked out again until they hold.
            for _ in 0..<4 {
                let others = [Self.quality, Self.insight, Self.influence, Self.other].reduce(0) {
                    $0 + table.count($1, among: domain)
                }
                let total = Double(others) / (1 - efficiencyShare - satisfactionShare)
                let efficiency = Int((efficiencyShare * total).rounded())
                let satisfaction = Int((satisfactionShare * total).rounded())
                if table.count(Self.efficiency, among: domain) == efficiency
                    && table.count(Self.satisfaction, among: domain) == satisfaction
                {
                    break
                }
                try table.adjust(
                    Self.efficiency, to: efficiency, in: domain, flipping: adjustable, fallback: [Self.other])
                try table.adjust(
                    Self.satisfaction, to: satisfaction, in: domain, flipping: adjustable, fallback: [Self.other])
            }
        }
        return touched
    }

    /// Brings the number of answers in `domain` to `total` through the given options, in order.
    private func setTotal(
        _ table: inout TickTable, to total: Int, in domain: [Int], flipping adjustable: [Int], options: [Int]
    ) throws(SyntheticDataError) {
        for option in options {
            let missing = total - table.totalTicks(among: domain)
            if missing == 0 { return }
            table.shift(option, by: missing, among: adjustable)
        }
        let left = total - table.totalTicks(among: domain)
        guard left == 0 else {
            throw .inconsistentTargets("results: \(left) answers short of \(total) in a type's domain")
        }
    }
}
