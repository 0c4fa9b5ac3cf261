import FornyeBarometer
import Testing

@Suite("Municipal register: bad input")
struct ReferenceDataErrorTests {
    /// The register's error from `body`, or `nil` (recorded as an issue) if it threw none or another.
    private func error(_ body: () throws -> Void) -> ReferenceDataError? {
        do { try body() } catch let error as ReferenceDataError { return error } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
        return nil
    }

    @Test(
        "a kommunenummer that is not four digits is malformed",
        arguments: ["301", "03011", "03a1", "", " 0301", "٠٣٠١"])
    func malformed(number: String) throws {
        let register = try bundledRegister()
        let error = error { _ = try register.municipality(number: number, on: day("2018-03-01")) }
        #expect(error == .malformedNumber(number))
        #expect(error?.description.contains("four digits") == true)
    }

    @Test("four digits that were never a municipality are unknown", arguments: ["9999", "0000", "1300"])
    func unknown(number: String) throws {
        let register = try bundledRegister()
        let error = error { _ = try register.municipality(number: number, on: day("2018-03-01")) }
        #expect(error == .unknownNumber(number))
        #expect(
            error?.description
                == "kommunenummer \(number) is unknown: no municipality had this number between 2018 and 2026")
    }

    @Test("Bergen 1201 in 2024: replaced by 4601 on 2020-01-01")
    func replaced() throws {
        let register = try bundledRegister()
        let error = error { _ = try register.municipality(number: "1201", on: day("2024-03-01")) }
        #expect(
            error?.description
                == "kommunenummer 1201 (Bergen) is not valid on 2024-03-01: it was replaced by 4601 (Bergen) on 2020-01-01"
        )
        guard case .notValidOnDate(_, _, _, _, let until, let replacedBy, _, let valid) = error else {
            Issue.record("expected notValidOnDate, got \(String(describing: error))")
            return
        }
        #expect(until == day("2020-01-01"))
        #expect(replacedBy == [NamedNumber(number: "4601", name: "Bergen")])
        #expect(valid == replacedBy)
    }

    @Test("Skien 0806 in 2024: replaced by 3807 in 2020, and the number to use is 4003")
    func replacedTwice() throws {
        let register = try bundledRegister()
        let error = error { _ = try register.municipality(number: "0806", on: day("2024-03-01")) }
        #expect(
            error?.description
                == "kommunenummer 0806 (Skien) is not valid on 2024-03-01: it was replaced by 3807 (Skien) on 2020-01-01; on 2024-03-01 use 4003 (Skien)"
        )
    }

    @Test("a number used before it existed names what it replaced")
    func notYetValid() throws {
        let register = try bundledRegister()
        let bergen = error { _ = try register.municipality(number: "4601", on: day("2018-03-01")) }
        #expect(
            bergen?.description
                == "kommunenummer 4601 (Bergen) is not valid on 2018-03-01: it came into use on 2020-01-01, replacing 1201 (Bergen)"
        )
        let skien = error { _ = try register.municipality(number: "4003", on: day("2019-03-01")) }
        #expect(skien?.description.hasSuffix("replacing 3807 (Skien); on 2019-03-01 use 0806 (Skien)") == true)
    }

    @Test("a merged municipality names its successor and its date")
    func merged() throws {
        let register = try bundledRegister()
        let error = error { _ = try register.municipality(number: "1141", on: day("2020-06-01")) }
        #expect(error?.description.contains("replaced by 1103 (Stavanger) on 2020-01-01") == true)
    }

    @Test("dates outside 2018–2026 are refused", arguments: ["2017-12-31", "2027-01-01"])
    func outsideCoverage(date: String) throws {
        let register = try bundledRegister()
        let error = error { _ = try register.municipality(number: "0301", on: day(date)) }
        #expect(error == .dateOutsideCoverage(day(date), start: day("2018-01-01"), end: day("2027-01-01")))
        #expect(throws: ReferenceDataError.self) { try register.municipalities(on: day(date)) }
    }

    @Test("mapping backwards in time is refused")
    func backwards() throws {
        let register = try bundledRegister()
        let error = error {
            _ = try register.mapToStructure(number: "4601", from: day("2020-06-01"), to: day("2019-06-01"))
        }
        #expect(error == .backwardMapping(from: day("2020-06-01"), to: day("2019-06-01")))
    }

    @Test("mapping a number not valid on the start date is refused with the reason")
    func mappingInvalidStart() throws {
        let register = try bundledRegister()
        let error = error {
            _ = try register.mapToStructure(number: "4601", from: day("2019-06-01"), to: day("2020-06-01"))
        }
        guard case .notValidOnDate(let number, _, _, _, _, _, _, _) = error else {
            Issue.record("expected notValidOnDate, got \(String(describing: error))")
            return
        }
        #expect(number == "4601")
    }

    @Test("a batch of respondents locates the bad row and leaves blanks unknown")
    func batch() throws {
        let register = try bundledRegister()
        let found = try register.municipalities(kommunenummer: ["0301", nil, "", "1201"], on: day("2018-03-01"))
        #expect(found.map { $0?.number } == ["0301", nil, nil, "1201"])
        let error = error {
            _ = try register.municipalities(kommunenummer: ["0301", "1201", "4601"], on: day("2018-03-01"))
        }
        guard case .inRow(let row, let inner) = error else {
            Issue.record("expected inRow, got \(String(describing: error))")
            return
        }
        #expect(row == 3)
        #expect(error?.description.hasPrefix("row 3: kommunenummer 4601 (Bergen) is not valid on 2018-03-01") == true)
        if case .notValidOnDate = inner {} else { Issue.record("inner error \(inner)") }
    }
}
