import FornyeBarometer
import Testing

@Suite("Report classifications")
struct ReportClassificationsTests {
    @Test("unit types split into the report's two sectors: 865 + 921 respondents (Tab V-0-1, V-0-3)")
    func unitTypesMatchSectors() {
        let respondentsByUnitType = [1: 267, 2: 467, 3: 131, 4: 425, 5: 367, 6: 129]
        var bySector: [Int: Int] = [:]
        for (unitType, count) in respondentsByUnitType {
            bySector[ReportClassifications.sector(ofUnitType: unitType)!, default: 0] += count
        }
        #expect(bySector == [1: 865, 2: 921])
    }

    @Test(
        "population size classes have the report's bounds",
        arguments: [
            (2999, 1), (3000, 2), (9999, 2), (10_000, 3), (19_999, 3), (20_000, 4), (49_999, 4), (50_000, 5),
        ])
    func sizeClasses(population: Int, expected: Int) {
        #expect(ReportClassifications.populationSizeClass(of: population) == expected)
    }

    @Test("list ids are unique and codes unique within each list")
    func uniqueCodes() {
        #expect(Set(ReportClassifications.all.map(\.id)).count == ReportClassifications.all.count)
        for list in ReportClassifications.all {
            #expect(Set(list.entries.map(\.code)).count == list.entries.count, "\(list.id)")
        }
    }
}
