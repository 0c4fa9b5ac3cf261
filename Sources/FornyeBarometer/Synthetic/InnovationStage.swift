import Foundation

/// Who innovated (Fig 4-1, 4-3, 4-4): exact numbers of innovators in every county × centrality
/// cell, fitted so that each county and each centrality class has its stated share at once;
/// within a cell the workplaces with the better innovation climate innovate.
struct InnovationStage {
    let targets: WaveTargets
    let frame: SyntheticFrame

    func run(_ rows: inout WaveRows, seed: UInt64) throws(SyntheticDataError) {
        var random = SeededRandom(seed: seed, stream: "innovation")
        let counties = frame.counties.map(\.number)
        let countyIndex = Dictionary(uniqueKeysWithValues: counties.enumerated().map { ($1, $0) })
        let unknownColumn = 6
        var members = [[[Int]]](repeating: [[Int]](repeating: [], count: 7), count: counties.count)
        for row in 0..<rows.count {
            let municipality = rows.municipality[row]
            let column = municipality < 0 ? unknownColumn : frame.municipalities[municipality].centrality - 1
            members[countyIndex[rows.county[row]]!][column].append(row)
        }
        let sizes = members.map { line in line.map { Double($0.count) } }
        let countyTotals = try countyInnovators(sizes: sizes, counties: counties)
        let columnSizes = (0..<7).map { column in sizes.reduce(0) { $0 + $1[column] } }
        var columnTotals = (0..<6).map { Int((targets.centralityInnovation[$0] * columnSizes[$0]).rounded()) }
        columnTotals.append(targets.innovators - columnTotals.reduce(0, +))
        guard columnTotals[unknownColumn] >= 0, Double(columnTotals[unknownColumn]) <= columnSizes[unknownColumn] else {
            throw .inconsistentTargets(
                "the centrality shares leave \(columnTotals[unknownColumn]) innovators for "
                    + "\(Int(columnSizes[unknownColumn])) respondents without a municipality")
        }
        let probabilities = TwoWayFit.logistic(
            sizes: sizes, rowTargets: countyTotals.map(Double.init),
            columnTargets: columnTotals.prefix(6).map(Double.init) + [nil],
            rowStart: counties.indices.map { Double(countyTotals[$0]) / max(sizes[$0].reduce(0, +), 1) })
        let expected = sizes.indices.map { r in sizes[r].indices.map { sizes[r][$0] * probabilities[r][$0] } }
        guard
            let cellCounts = Apportionment.controlledRounding(
                expected, rowTotals: countyTotals, columnTotals: columnTotals,
                upper: sizes.map { line in line.map { Int($0) } })
        else {
            throw .inconsistentTargets("no county × centrality table of innovators meets both margins")
        }
        for county in members.indices {
            for column in 0..<7 {
                let chosen = random.sample(cellCounts[county][column], of: members[county][column]) {
                    exp(0.9 * rows.drive[$0] + Self.unitEffect(rows.unitType[$0]))
                }
                for row in chosen { rows.innovated[row] = true }
            }
        }
        let innovated = rows.innovated
        rows.assign("innovated") { innovated[$0] ? 1 : 2 }
    }

    /// Plausible differences by unit type where the report is silent: care homes and
    /// kindergartens a little more often, health stations and upper secondary schools less.
    static func unitEffect(_ unitType: Int) -> Double {
        switch unitType {
        case 1: 0.25
        case 4: 0.15
        case 3: -0.2
        case 6: -0.25
        default: 0
        }
    }

    /// Keeps the counties the report does not name strictly between the named ones it ranks: below
    /// every named county whose share is above `otherCountyRange`, above every one below it. Whole
    /// innovators are moved between unnamed counties until rounding no longer breaks the ranks.
    private func keepRanks(_ result: inout [Int], others: [Int], totals: [Double], counties: [Int])
        throws(SyntheticDataError)
    {
        var counts = result
        defer { result = counts }
        let named = counties.indices.filter { !others.contains($0) && totals[$0] > 0 }
        func share(_ index: Int) -> Double { Double(counts[index]) / totals[index] }
        let ceiling =
            named.filter { targets.countyInnovation[counties[$0]]! > targets.otherCountyRange.upperBound }
            .map { share($0) }.min() ?? 1
        let floor =
            named.filter { targets.countyInnovation[counties[$0]]! < targets.otherCountyRange.lowerBound }
            .map { share($0) }.max() ?? 0
        for _ in 0..<(others.count * 4) {
            guard
                let high = others.first(where: { share($0) >= ceiling }) ?? others.first(where: { share($0) <= floor })
            else { return }
            let down = share(high) >= ceiling
            let receiver = others.filter { $0 != high }.max { a, b in
                let roomA =
                    down ? ceiling - Double(counts[a] + 1) / totals[a] : Double(counts[a] - 1) / totals[a] - floor
                let roomB =
                    down ? ceiling - Double(counts[b] + 1) / totals[b] : Double(counts[b] - 1) / totals[b] - floor
                return roomA < roomB
            }
            guard let receiver else { break }
            counts[high] += down ? -1 : 1
            counts[receiver] += down ? 1 : -1
        }
        if others.contains(where: { share($0) >= ceiling || share($0) <= floor }) {
            throw .inconsistentTargets("the unnamed counties cannot all lie between the named ones")
        }
    }

    /// Innovators per county: the named counties at their stated shares, the others at their
    /// starting shares shifted together so that the total is met.
    private func countyInnovators(sizes: [[Double]], counties: [Int]) throws(SyntheticDataError) -> [Int] {
        let totals = sizes.map { $0.reduce(0, +) }
        var counts = [Int](repeating: 0, count: counties.count)
        var others: [Int] = []
        for (index, county) in counties.enumerated() {
            if let share = targets.countyInnovation[county] {
                counts[index] = Int((share * totals[index]).rounded())
            } else {
                others.append(index)
            }
        }
        let remaining = targets.innovators - counts.reduce(0, +)
        let start = others.map { targets.otherCountyInnovation[counties[$0]] ?? targets.otherCountyRange.lowerBound }
        let othersSize = others.reduce(0) { $0 + totals[$1] }
        let startTotal = zip(others, start).reduce(0) { $0 + totals[$1.0] * $1.1 }
        let shift = othersSize > 0 ? (Double(remaining) - startTotal) / othersSize : 0
        let shares = start.map { $0 + shift }
        for (index, share) in zip(others, shares) where !targets.otherCountyRange.contains(share) {
            throw .inconsistentTargets(
                "county \(counties[index]) would need \(Int((share * 100).rounded())) % innovators, outside "
                    + "\(targets.otherCountyRange)")
        }
        let split = Apportionment.largestRemainder(
            remaining, weights: zip(others, shares).map { totals[$0.0] * $0.1 })
        for (index, count) in zip(others, split) { counts[index] = count }
        try keepRanks(&counts, others: others, totals: totals, counties: counties)
        return counts
    }
}
