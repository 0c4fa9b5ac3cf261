import FornyeBarometer
import Testing

@Suite("Municipal register: agreement with the sources")
struct ReferenceDataConsistencyTests {
    @Test("before 2020 only the municipalities merged or split on 2020-01-01 lack a population")
    func populationGaps() throws {
        let register = try bundledRegister()
        for date in ["2018-06-01", "2019-06-01"] {
            let municipalities = try register.municipalities(on: day(date))
            var successorsOf: [String: [String]] = [:]
            var predecessorCount: [String: Int] = [:]
            for municipality in municipalities {
                let successors = try register.successors(
                    number: municipality.number, from: day(date), to: day("2020-06-01"))
                successorsOf[municipality.number] = successors
                for successor in successors { predecessorCount[successor, default: 0] += 1 }
            }
            for municipality in municipalities {
                let successors = successorsOf[municipality.number]!
                // Haram (1534) joined Ålesund in 2020 but became Haram (1580) again in 2024 with its
                // old area, so SSB's 2024-border series gives its own figure.
                let changed =
                    (successors.count > 1 || predecessorCount[successors[0]]! > 1) && municipality.number != "1534"
                #expect((municipality.population == nil) == changed, "\(municipality.number) \(municipality.name)")
            }
            // 109 municipalities of 2019 were merged or split on 1 January 2020 (Kartverket's list); Haram's
            // own figure survives, the other 108 are unknown.
            #expect(municipalities.count { $0.population == nil } == 108, "\(date)")
        }
        #expect(try register.municipalities(on: day("2020-06-01")).allSatisfy { $0.population != nil })
        #expect(try register.municipalities(on: day("2024-06-01")).allSatisfy { $0.population != nil })
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
        let register = try bundledRegister()
        let municipalities = try register.municipalities(on: day("2018-06-01"))
        // Population shares from the 2020 structure, where every population is known; only
        // Hornindal changed landsdel in 2020.
        let populated = try register.municipalities(on: day("2020-06-01"))
        let respondents = [1: 818, 2: 479, 3: 279, 4: 210]
        let totalPopulation = Double(populated.reduce(0) { $0 + ($1.population ?? 0) })
        for (landsdel, count) in respondents {
            let members = municipalities.filter { $0.landsdel == landsdel }
            let municipalityShare = Double(members.count) / Double(municipalities.count)
            let populationShare =
                Double(populated.filter { $0.landsdel == landsdel }.reduce(0) { $0 + ($1.population ?? 0) })
                / totalPopulation
            let respondentShare = Double(count) / 1786
            #expect(min(municipalityShare, populationShare) <= respondentShare, "landsdel \(landsdel)")
            #expect(respondentShare <= max(municipalityShare, populationShare), "landsdel \(landsdel)")
        }
        #expect(Set(municipalities.map(\.landsdel)) == [1, 2, 3, 4])
    }
}
