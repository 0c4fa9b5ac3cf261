import FornyeBarometer
import Foundation
import Testing

@Suite("Municipal register: structures and known municipalities")
struct MunicipalityRegisterTests {
    @Test(
        "each structure has its number of municipalities",
        arguments: [
            ("2018-01-01", 422), ("2018-03-01", 422), ("2019-06-01", 422), ("2020-01-01", 356), ("2023-12-31", 356),
            ("2024-01-01", 357), ("2026-12-31", 357),
        ])
    func counts(date: String, expected: Int) throws {
        let all = try bundledRegister().municipalities(on: day(date))
        #expect(all.count == expected)
        #expect(Set(all.map(\.number)).count == expected)
    }

    @Test("the 2018 structure has 18 counties, 2020 has 11, 2024 has 15")
    func counties() throws {
        let register = try bundledRegister()
        for (date, expected) in [("2018-03-01", 18), ("2020-03-01", 11), ("2024-03-01", 15)] {
            #expect(Set(try register.municipalities(on: day(date)).map(\.countyNumber)).count == expected, "\(date)")
        }
    }

    @Test("Oslo 0301: the same number throughout; class 1, index 1000")
    func oslo() throws {
        let register = try bundledRegister()
        let early = try register.municipality(number: "0301", on: day("2018-03-01"))
        #expect(early.name == "Oslo")
        #expect(early.countyNumber == "03")
        #expect(early.landsdel == 1)
        #expect(early.landsdelName == "Østlandet")
        #expect(early.centrality == 1)
        #expect(early.centralityIndex == 1000)
        #expect(early.centralityBasis == .sameArea("0301"))
        #expect(early.population == 673_469)
        #expect(early.populationSizeClass == 5)
        #expect(try register.municipality(number: "0301", on: day("2024-06-01")).population == 717_710)
        #expect(early.validUntil == nil)
    }

    @Test("Bergen 1201 in Hordaland becomes 4601 in Vestland on 2020-01-01")
    func bergen() throws {
        let register = try bundledRegister()
        let old = try register.municipality(number: "1201", on: day("2018-03-01"))
        #expect(old.countyNumber == "12")
        #expect(old.countyName == "Hordaland")
        #expect(old.landsdel == 2)
        #expect(old.population == 279_792)
        #expect(old.centrality == 2)
        #expect(old.centralityBasis == .sameArea("4601"))
        #expect(old.validUntil == day("2020-01-01"))
        let new = try register.municipality(number: "4601", on: day("2020-03-01"))
        #expect(new.countyNumber == "46")
        #expect(new.countyName == "Vestland")
        #expect(new.population == 283_929)
        #expect(new.validFrom == day("2020-01-01"))
        #expect(try register.mapToStructure(number: "1201", from: day("2019-06-01"), to: day("2020-06-01")) == "4601")
    }

    @Test("Skien 0806 → 3807 (Vestfold og Telemark) → 4003 (Telemark)")
    func skien() throws {
        let register = try bundledRegister()
        let steps = [
            ("0806", "2018-06-01", "08", "Telemark"), ("3807", "2021-06-01", "38", "Vestfold og Telemark"),
            ("4003", "2024-06-01", "40", "Telemark"),
        ]
        for (number, date, county, countyName) in steps {
            let skien = try register.municipality(number: number, on: day(date))
            #expect(skien.name == "Skien")
            #expect(skien.countyNumber == county)
            #expect(skien.countyName == countyName)
            #expect(skien.landsdel == 1)
            #expect(skien.centrality == 3)
            #expect(skien.centralityIndex == 849)
        }
        #expect(try register.municipality(number: "0806", on: day("2018-06-01")).population == 54_510)
        #expect(try register.mapToStructure(number: "0806", from: day("2018-06-01"), to: day("2024-06-01")) == "4003")
    }

    @Test("Stavanger 1103 keeps its number but absorbs Finnøy and Rennesøy in 2020")
    func stavanger() throws {
        let register = try bundledRegister()
        let stavanger = try register.municipality(number: "1103", on: day("2018-03-01"))
        #expect(stavanger.landsdel == 2)
        // Stavanger's 2018 area is not a 2024 area, and shared/data has no figure for it.
        #expect(stavanger.population == nil)
        #expect(stavanger.centrality == 2)
        #expect(stavanger.centralityBasis == .mergedInto("1103"))
        let finnoy = try register.municipality(number: "1141", on: day("2018-03-01"))
        #expect(finnoy.population == nil)
        #expect(finnoy.populationSizeClass == nil)
        #expect(finnoy.centrality == stavanger.centrality)
        #expect(try register.municipality(number: "1103", on: day("2020-03-01")).population == 143_574)
    }

    @Test("Utsira 1151, the smallest municipality: class 6, under 3000")
    func utsira() throws {
        let register = try bundledRegister()
        let utsira = try register.municipality(number: "1151", on: day("2018-03-01"))
        #expect(utsira.population == 208)
        #expect(utsira.populationSizeClass == 1)
        #expect(utsira.centrality == 6)
        #expect(utsira.centralityIndex == 293)
        #expect(try register.municipality(number: "1151", on: day("2024-03-01")).population == 215)
    }

    @Test("Rindal moves from Møre og Romsdal (1567) to Trøndelag (5061) on 2019-01-01, staying in Midt-Norge")
    func rindal() throws {
        let register = try bundledRegister()
        let before = try register.municipality(number: "1567", on: day("2018-12-31"))
        let after = try register.municipality(number: "5061", on: day("2019-01-01"))
        #expect(before.countyNumber == "15")
        #expect(after.countyNumber == "50")
        #expect(before.landsdel == 3)
        #expect(after.landsdel == 3)
        #expect(before.population == 2039)
        #expect(try register.mapToStructure(number: "1567", from: day("2018-06-01"), to: day("2019-06-01")) == "5061")
    }

    @Test("centrality across splits: Haram, Ålesund, Tysfjord, Snillfjord")
    func splits() throws {
        let register = try bundledRegister()
        let haram = try register.municipality(number: "1534", on: day("2019-06-01"))
        #expect(haram.centralityBasis == .sameArea("1580"))
        #expect(haram.centrality == 5)
        #expect(haram.population == 9383)
        let alesund = try register.municipality(number: "1507", on: day("2021-06-01"))
        #expect(alesund.centralityBasis == .splitLargestPart("1508", successors: ["1508", "1580"]))
        #expect(alesund.centrality == 3)
        let tysfjord = try register.municipality(number: "1850", on: day("2018-06-01"))
        #expect(tysfjord.centralityBasis == .splitLeastCentral("1875", successors: ["1806", "1875"]))
        #expect(tysfjord.centrality == 6)
        let snillfjord = try register.municipality(number: "5012", on: day("2018-06-01"))
        #expect(snillfjord.centralityBasis == .splitLeastCentral("5056", successors: ["5055", "5056", "5059"]))
        #expect(snillfjord.population == nil)
    }

    @Test("a Date at midnight in Norway on 1 January belongs to the new structure")
    func norwegianMidnight() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Europe/Oslo"))
        let midnight = try #require(calendar.date(from: DateComponents(year: 2020, month: 1, day: 1)))
        let bergen = try bundledRegister().municipality(number: "4601", on: midnight)
        #expect(bergen.countyNumber == "46")
        #expect(CalendarDay(midnight) == day("2020-01-01"))
    }

    @Test("calendar days parse only valid ISO dates and order by time")
    func calendarDays() {
        #expect(CalendarDay("2020-02-29") != nil)
        #expect(CalendarDay("2019-02-29") == nil)
        #expect(CalendarDay("2019-13-01") == nil)
        #expect(CalendarDay("2019-1-01") == nil)
        #expect(CalendarDay("2019-01-01")?.description == "2019-01-01")
        #expect(day("2019-12-31") < day("2020-01-01"))
    }
}
