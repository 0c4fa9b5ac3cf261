import FornyeBarometer
import Testing

@Suite("Municipal register: agreement with the sources")
struct ReferenceDataConsistencyTests {
    @Test("populations of the 2018 and 2019 structures add up to SSB's national totals")
    func nationalTotals() throws {
        let register = try bundledRegister()
        // SSB, table 07459: residents of Norway on 1 January 2018 and 2019.
        #expect(try register.municipalities(on: day("2018-06-01")).reduce(0) { $0 + $1.population } == 5_295_619)
        #expect(try register.municipalities(on: day("2019-06-01")).reduce(0) { $0 + $1.population } == 5_328_212)
    }

    @Test("the 2018/2019 extract agrees with SSB's 2024-border series for every merger of 2020")
    func extractMatchesSeries() throws {
        let register = try bundledRegister()
        var series: [String: Int] = [:]
        for row in try referenceTable("derived_no_befolkning_kommuner2024_2018_2026_ssb07459.csv")
        where row["aar"] == "2019" {
            series[row["kom2024"]!] = Int(row["befolkning"]!)
        }
        var parts: [String: [Municipality]] = [:]
        var partial: Set<String> = []
        for municipality in try register.municipalities(on: day("2019-06-01")) {
            let successors = try register.successors(
                number: municipality.number, from: day("2019-06-01"), to: day("2024-06-01"))
            // Areas that received part of a split municipality have no 2019 figure in SSB's series.
            if successors.count > 1 { partial.formUnion(successors) }
            for successor in successors { parts[successor, default: []].append(municipality) }
        }
        let mergers = parts.filter { $0.value.count > 1 && !partial.contains($0.key) }
        for (number, members) in mergers {
            #expect(members.reduce(0) { $0 + $1.population } == series[number], "\(number)")
        }
        #expect(mergers.count == 38)
    }

    @Test("2020 and 2022 populations match Bergens Tidende's independent copy of SSB's figures")
    func populations2020() throws {
        let register = try bundledRegister()
        let rows = try referenceTable("derived_no_kommuner2020_befolkning.csv")
        #expect(rows.count == 356)
        for row in rows {
            let number = row["kommunenummer"]!
            #expect(
                try register.municipality(number: number, on: day("2020-06-01")).population
                    == Int(row["befolkning_2020_01_01"]!), "\(number)")
            #expect(
                try register.municipality(number: number, on: day("2022-06-01")).population
                    == Int(row["befolkning_2022_01_01"]!), "\(number)")
        }
    }

    @Test("2024 municipalities carry SSB's class and index and the size class of the source file")
    func centrality2024() throws {
        let register = try bundledRegister()
        let rows = try referenceTable("derived_no_kommuner2024_sentralitet_befolkning.csv")
        let labels = ["under 3000": 1, "3000-9999": 2, "10000-19999": 3, "20000-49999": 4, "50000+": 5]
        var classCounts: [Int: Int] = [:]
        for row in rows {
            let municipality = try register.municipality(number: row["kommunenummer"]!, on: day("2024-06-01"))
            #expect(municipality.centrality == Int(row["sentralitet_klasse"]!))
            #expect(municipality.centralityIndex == Int(row["sentralitet_indeks"]!))
            #expect(municipality.centralityBasis == .sameArea(municipality.number))
            #expect(municipality.population == Int(row["befolkning_2024_01_01"]!))
            #expect(municipality.populationSizeClass == labels[row["storrelsesklasse_2024"]!])
            classCounts[municipality.centrality, default: 0] += 1
        }
        #expect(classCounts == [1: 5, 2: 21, 3: 54, 4: 65, 5: 104, 6: 108])
    }

    @Test("a municipality keeps its landsdel through the 2019, 2020 and 2024 changes, except Hornindal")
    func landsdelIsStable() throws {
        let register = try bundledRegister()
        var moves: [String] = []
        for (from, to) in [("2018-06-01", "2019-06-01"), ("2019-06-01", "2020-06-01"), ("2020-06-01", "2024-06-01")] {
            for municipality in try register.municipalities(on: day(from)) {
                for successor in try register.successors(number: municipality.number, from: day(from), to: day(to))
                where try register.municipality(number: successor, on: day(to)).landsdel != municipality.landsdel {
                    moves.append("\(municipality.number)→\(successor)")
                }
            }
        }
        // Hornindal (Sogn og Fjordane) joined Volda in Møre og Romsdal in 2020.
        #expect(moves == ["1444→1577"])
    }

    @Test("Tab V-0-2's respondent shares lie between each landsdel's share of municipalities and of population")
    func landsdelTotalsArePlausible() throws {
        let municipalities = try bundledRegister().municipalities(on: day("2018-06-01"))
        let respondents = [1: 818, 2: 479, 3: 279, 4: 210]
        let totalPopulation = Double(municipalities.reduce(0) { $0 + $1.population })
        for (landsdel, count) in respondents {
            let members = municipalities.filter { $0.landsdel == landsdel }
            let municipalityShare = Double(members.count) / Double(municipalities.count)
            let populationShare = Double(members.reduce(0) { $0 + $1.population }) / totalPopulation
            let respondentShare = Double(count) / 1786
            #expect(min(municipalityShare, populationShare) <= respondentShare, "landsdel \(landsdel)")
            #expect(respondentShare <= max(municipalityShare, populationShare), "landsdel \(landsdel)")
        }
        #expect(Set(municipalities.map(\.landsdel)) == [1, 2, 3, 4])
    }

    @Test("the whole register loads in well under a second")
    func loadsFast() throws {
        let directory = try #require(MunicipalityRegister.bundledDirectory)
        let clock = ContinuousClock()
        let elapsed = try clock.measure { _ = try MunicipalityRegister(directory: directory) }
        #expect(elapsed < .milliseconds(500), "\(elapsed)")
    }
}
