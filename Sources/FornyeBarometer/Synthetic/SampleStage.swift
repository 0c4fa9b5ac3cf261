import Foundation

/// Who answered: unit type, role, county and municipality of every respondent, with the report's
/// appendix counts (Tab V-0-2 to V-0-4) met exactly.
struct SampleStage {
    let targets: WaveTargets
    let frame: SyntheticFrame

    /// Relative number of service units in a municipality: grows with population, but less than
    /// proportionally (small municipalities run more schools and nursing homes per inhabitant).
    static func unitMeasure(_ municipality: SyntheticFrame.Municipality) -> Double {
        pow(Double(max(municipality.population, 1)), 0.8)
    }

    func run(_ rows: inout WaveRows, seed: UInt64) throws(SyntheticDataError) {
        var random = SeededRandom(seed: seed, stream: "sample")
        let n = rows.count
        let unitCounts = Amount.partition(targets.unitTypes, total: n)
        rows.unitType = try Self.exactList(
            codes: Array(1...unitCounts.count), counts: unitCounts, total: n, "unit types")
        random.shuffle(&rows.unitType)
        let roleCounts = Apportionment.largestRemainder(n, weights: targets.roles)
        rows.role = try Self.exactList(codes: [1, 2, 3], counts: roleCounts, total: n, "roles")
        random.shuffle(&rows.role)

        let countyCounts = try countyAllocation(n: n)
        rows.county = try Self.exactList(
            codes: frame.counties.map(\.number), counts: countyCounts, total: n, "counties")
        random.shuffle(&rows.county)
        let landsdelOfCounty = Dictionary(uniqueKeysWithValues: frame.counties.map { ($0.number, $0.landsdel) })
        rows.landsdel = rows.county.map { landsdelOfCounty[$0]! }

        let unknown = unknownMunicipalityRows(rows, random: &random)
        try assignMunicipalities(&rows, unknown: unknown, random: &random)
        for row in 0..<n {
            rows.drive[row] = random.normal()
            rows.diligence[row] = random.normal()
            rows.openness[row] = random.normal()
        }
    }

    /// Respondents per county: each landsdel's count split over its counties in proportion to
    /// their service units.
    private func countyAllocation(n: Int) throws(SyntheticDataError) -> [Int] {
        let landsdelCounts = Amount.partition(targets.landsdel, total: n)
        guard landsdelCounts.reduce(0, +) == n else {
            throw .inconsistentTargets("landsdel counts add up to \(landsdelCounts.reduce(0, +)), not \(n)")
        }
        var measure: [Int: Double] = [:]
        for municipality in frame.municipalities {
            measure[municipality.county, default: 0] += Self.unitMeasure(municipality)
        }
        var counts = [Int](repeating: 0, count: frame.counties.count)
        for (position, total) in landsdelCounts.enumerated() {
            let members = frame.counties.indices.filter { frame.counties[$0].landsdel == position + 1 }
            guard !members.isEmpty || total == 0 else {
                throw .inconsistentTargets("landsdel \(position + 1) has respondents but no county in the frame")
            }
            let split = Apportionment.largestRemainder(
                total, weights: members.map { measure[frame.counties[$0].number] ?? 0 })
            for (member, count) in zip(members, split) { counts[member] = count }
        }
        return counts
    }

    /// The respondents who did not give a municipality: mostly upper secondary schools, which
    /// the county runs, plus a few item nonrespondents.
    private func unknownMunicipalityRows(_ rows: WaveRows, random: inout SeededRandom) -> Set<Int> {
        let upperSecondary = (0..<rows.count).filter { rows.unitType[$0] == 6 }
        let others = (0..<rows.count).filter { rows.unitType[$0] != 6 }
        let fromSchools = min(targets.upperSecondaryWithoutMunicipality, upperSecondary.count)
        var chosen = Set(random.sample(fromSchools, of: upperSecondary) { _ in 1 })
        chosen.formUnion(random.sample(targets.withoutMunicipality - fromSchools, of: others) { _ in 1 })
        return chosen
    }

    /// Gives every other respondent a municipality in their county so that the size classes
    /// come out exactly: a county × size class table fitted to both margins, then municipalities
    /// drawn within each cell in proportion to their service units.
    private func assignMunicipalities(_ rows: inout WaveRows, unknown: Set<Int>, random: inout SeededRandom)
        throws(SyntheticDataError)
    {
        let counties = frame.counties.map(\.number)
        let classCount = targets.sizeClasses.count
        let known = rows.count - unknown.count
        let classTotals = Amount.partition(targets.sizeClasses, total: known)
        guard classTotals.reduce(0, +) == known else {
            throw .inconsistentTargets("size classes add up to \(classTotals.reduce(0, +)), not \(known)")
        }
        var members = [[[Int]]](repeating: [[Int]](repeating: [], count: classCount), count: counties.count)
        var seed = [[Double]](repeating: [Double](repeating: 0, count: classCount), count: counties.count)
        let countyIndex = Dictionary(uniqueKeysWithValues: counties.enumerated().map { ($1, $0) })
        for (index, municipality) in frame.municipalities.enumerated() {
            guard let county = countyIndex[municipality.county], (1...classCount).contains(municipality.sizeClass)
            else { continue }
            members[county][municipality.sizeClass - 1].append(index)
            seed[county][municipality.sizeClass - 1] += Self.unitMeasure(municipality)
        }
        var rowsOfCounty = [[Int]](repeating: [], count: counties.count)
        for row in 0..<rows.count where !unknown.contains(row) {
            rowsOfCounty[countyIndex[rows.county[row]]!].append(row)
        }
        let fitted = TwoWayFit.proportional(
            seed, rowTotals: rowsOfCounty.map { Double($0.count) }, columnTotals: classTotals.map(Double.init))
        let upper = seed.map { line in line.map { $0 > 0 ? Int.max / 4 : 0 } }
        guard
            let table = Apportionment.controlledRounding(
                fitted, rowTotals: rowsOfCounty.map(\.count), columnTotals: classTotals, upper: upper)
        else {
            throw .inconsistentTargets("no county × size class table meets both the county and size class counts")
        }
        for county in counties.indices {
            var pool = rowsOfCounty[county]
            random.shuffle(&pool)
            var next = 0
            for sizeClass in 0..<classCount {
                let candidates = members[county][sizeClass]
                let weights = candidates.map { Self.unitMeasure(frame.municipalities[$0]) }
                let total = weights.reduce(0, +)
                for _ in 0..<table[county][sizeClass] {
                    var draw = random.unit() * total
                    var chosen = candidates.last!
                    for (candidate, weight) in zip(candidates, weights) {
                        draw -= weight
                        if draw <= 0 {
                            chosen = candidate
                            break
                        }
                    }
                    rows.municipality[pool[next]] = chosen
                    next += 1
                }
            }
        }
    }

    /// `counts[i]` copies of `codes[i]`, checked to add up to `total`.
    static func exactList(codes: [Int], counts: [Int], total: Int, _ what: String) throws(SyntheticDataError) -> [Int] {
        guard counts.reduce(0, +) == total, codes.count == counts.count else {
            throw .inconsistentTargets("\(what) add up to \(counts.reduce(0, +)), not \(total)")
        }
        return zip(codes, counts).flatMap { code, count in [Int](repeating: code, count: count) }
    }
}
