import FornyeBarometer
import Testing

@Suite struct ProgrammeCarryingTests {
    let register = try! MunicipalityRegister.bundled()

    func applicant(_ number: String?, county: String? = nil, on date: String, to year: Int) -> CarriedApplicant {
        ProgrammeApplication(
            municipalityNumber: number, countyNumber: county, call: "c", applicationDate: CalendarDay(date)!,
            status: .notApplied
        ).applicant(inStructureOf: year, register: register)
    }

    @Test func aMunicipalityFollowsItsRenumberingsAndMergers() {
        #expect(applicant("0806", on: "2018-04-01", to: 2020) == .municipality("3807"))
        #expect(applicant("0806", on: "2018-04-01", to: 2024) == .municipality("4003"))
        #expect(applicant("0806", on: "2018-04-01", to: 2018) == .municipality("0806"))
        // Fjell merged into Øygarden (4626) in 2020.
        #expect(applicant("1246", on: "2018-04-01", to: 2024) == .municipality("4626"))
    }

    @Test func aSplitMunicipalityIsFlaggedNotGuessed() {
        // Tysfjord was divided between Narvik and Hamarøy on 1 January 2020.
        guard case .split(let numbers) = applicant("1850", on: "2018-04-01", to: 2020) else {
            Issue.record("Tysfjord should be split")
            return
        }
        #expect(numbers == ["1806", "1875"])
        #expect(applicant("1850", on: "2018-04-01", to: 2020).number == nil)
    }

    @Test func aCountyFollowsItsMunicipalities() {
        #expect(applicant(nil, county: "01", on: "2018-04-01", to: 2020) == .county("30"))
        // Rømskog (Østfold) joined Aurskog-Høland (Akershus) in 2020, so Østfold's area lies in two 2024 counties.
        #expect(applicant(nil, county: "01", on: "2018-04-01", to: 2024) == .split(["31", "32"]))
        #expect(applicant(nil, county: "08", on: "2018-04-01", to: 2024) == .county("40"))
        #expect(applicant(nil, county: "30", on: "2020-04-01", to: 2024) == .split(["31", "32", "33"]))
        #expect(applicant(nil, county: "50", on: "2018-04-01", to: 2024) == .county("50"))
    }

    @Test func nothingIsCarriedBackwardsAcrossAChange() {
        #expect(applicant("4003", on: "2024-04-01", to: 2020).number == nil)
        #expect(applicant("0301", on: "2024-04-01", to: 2020) == .municipality("0301"))
        #expect(applicant("3807", on: "2020-06-01", to: 2020) == .municipality("3807"))
    }
}
