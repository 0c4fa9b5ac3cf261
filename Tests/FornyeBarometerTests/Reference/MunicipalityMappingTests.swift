import FornyeBarometer
import Testing

@Suite("Municipal register: carrying 2019 numbers into the 2020 structure")
struct MunicipalityMappingTests {
    @Test(
        "merged municipalities map to the new number",
        arguments: [
            ("1141", "1103"), ("1142", "1103"), ("0104", "3002"), ("0136", "3002"), ("1228", "4618"), ("1534", "1507"),
            ("5004", "5006"), ("2017", "5406"), ("0301", "0301"),
        ])
    func merged(old: String, new: String) throws {
        #expect(
            try bundledRegister().mapToStructure(number: old, from: day("2019-06-01"), to: day("2020-06-01")) == new)
    }

    @Test("every 2019 municipality but the two split ones has one 2020 successor, and together they cover 2020")
    func coverage() throws {
        let register = try bundledRegister()
        var images: Set<String> = []
        var split: [String] = []
        for municipality in try register.municipalities(on: day("2019-06-01")) {
            let successors = try register.successors(
                number: municipality.number, from: day("2019-06-01"), to: day("2020-06-01"))
            if successors.count > 1 { split.append(municipality.number) }
            images.formUnion(successors)
        }
        #expect(split == ["1850", "5012"])
        #expect(images == Set(try register.municipalities(on: day("2020-06-01")).map(\.number)))
    }

    @Test("a split municipality is reported as ambiguous, with its successors")
    func splitIsAmbiguous() throws {
        let register = try bundledRegister()
        let error = #expect(throws: ReferenceDataError.self) {
            try register.mapToStructure(number: "1850", from: day("2019-06-01"), to: day("2020-06-01"))
        }
        guard case .ambiguousSuccession(let number, _, _, let candidates) = error else {
            Issue.record("expected ambiguousSuccession, got \(String(describing: error))")
            return
        }
        #expect(number == "1850")
        #expect(candidates.map(\.number) == ["1806", "1875"])
        #expect(error?.description.contains("1806 (Narvik)") == true)
        #expect(throws: ReferenceDataError.self) {
            try register.mapToStructure(number: "1507", from: day("2022-06-01"), to: day("2024-06-01"))
        }
    }

    @Test("Haram goes back to its own area in 2024, not to the Ålesund it joined in 2020")
    func haram() throws {
        let register = try bundledRegister()
        #expect(try register.mapToStructure(number: "1534", from: day("2019-06-01"), to: day("2024-06-01")) == "1580")
        #expect(try register.mapToStructure(number: "1504", from: day("2019-06-01"), to: day("2024-06-01")) == "1508")
    }

    @Test("a number maps to itself within a structure")
    func identity() throws {
        #expect(
            try bundledRegister().mapToStructure(number: "4601", from: day("2020-03-01"), to: day("2023-03-01"))
                == "4601")
    }
}
