extension MunicipalityRegister {
    /// Works out, once, every municipality's landsdel, centrality and population per year.
    func buildRecords(
        series: [String: [Int: Int]], centrality: [String: (class: Int, index: Int)]
    ) throws(ReferenceDataError) -> [[String: Record]] {
        var records: [[String: Record]] = []
        for (index, snapshot) in snapshots.enumerated() {
            let file = Self.snapshotFiles[index].name
            var byNumber: [String: Record] = [:]
            for number in snapshot.order {
                let entry = snapshot.entries[number]!
                guard let landsdel = LandsdelMapping.landsdel(ofCounty: entry.countyNumber) else {
                    throw .corruptResource(
                        file: file, line: nil, message: "county \(entry.countyNumber) has no landsdel")
                }
                let successors = walk(number, from: index, to: snapshots.count - 1)
                let ownArea =
                    successors.count == 1 && walk(successors[0], from: snapshots.count - 1, to: index) == [number]
                let basis = centralityBasis(
                    number, snapshot: index, successors: successors, ownArea: ownArea, centrality: centrality,
                    series: series)
                guard let klass = centrality[basis.number] else {
                    throw .corruptResource(
                        file: "derived_no_kommuner2024_sentralitet_befolkning.csv", line: nil,
                        message: "no centrality for \(basis.number)")
                }
                var population: [Int: Int] = [:]
                for year in snapshot.years {
                    // SSB's series is on 2024 borders: before 2020 it cannot give the own area of a
                    // municipality merged or split on 2020-01-01, so that population stays unknown.
                    let knowable = index > Self.snapshot2019 || ownArea
                    guard knowable else { continue }
                    guard
                        let value = populationOf(
                            number, snapshot: index, year: year, successors: successors, series: series),
                        value > 0
                    else {
                        throw .corruptResource(
                            file: "derived_no_befolkning_kommuner2024_2018_2026_ssb07459.csv", line: nil,
                            message: "no population for \(number) (\(entry.name)) on 1.1.\(year)")
                    }
                    population[year] = value
                }
                byNumber[number] = Record(
                    entry: entry, landsdel: landsdel, centrality: klass.class, centralityIndex: klass.index,
                    centralityBasis: basis, populationByYear: population)
            }
            records.append(byNumber)
        }
        return records
    }

    /// `successors` are the 2024 numbers covering `number`'s area; `ownArea` says whether the single
    /// successor has exactly that area.
    private func centralityBasis(
        _ number: String, snapshot: Int, successors: [String], ownArea: Bool,
        centrality: [String: (class: Int, index: Int)], series: [String: [Int: Int]]
    ) -> CentralityBasis {
        let latest = snapshots.count - 1
        if successors.count == 1 { return ownArea ? .sameArea(successors[0]) : .mergedInto(successors[0]) }
        let pureSplit = successors.allSatisfy { walk($0, from: latest, to: snapshot) == [number] }
        if pureSplit {
            let year = snapshots[latest].start.year
            let largest = successors.max { (series[$0]?[year] ?? 0, $1) < (series[$1]?[year] ?? 0, $0) }!
            return .splitLargestPart(largest, successors: successors)
        }
        let least = successors.max { (centrality[$0]?.class ?? 0, $1) < (centrality[$1]?.class ?? 0, $0) }!
        return .splitLeastCentral(least, successors: successors)
    }

    /// Residents on 1.1.`year` of the area `number` had in `snapshot`.
    ///
    /// SSB's series is on 2024 borders, which for 2020–2023 numbers are the same areas (Ålesund 1507
    /// is 1508 + 1580, and the series counts Haram inside Ålesund in those years), and for 2018 and
    /// 2019 numbers with a 2024 successor of the same area.
    private func populationOf(
        _ number: String, snapshot: Int, year: Int, successors: [String], series: [String: [Int: Int]]
    ) -> Int? {
        if snapshot > Self.snapshot2019 {
            let parts = successors.map { series[$0]?[year] }
            return parts.contains(nil) ? nil : parts.reduce(0) { $0 + $1! }
        }
        return series[successors[0]]?[year]
    }
}
