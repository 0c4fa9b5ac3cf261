import Testing

@testable import FornyeStatistics

@Suite("Deriving variables from a checked dataset")
struct DatasetAddingTests {
    static func base() throws -> Dataset {
        try Dataset(
            codebook: Codebook(variables: [
                Variable(
                    name: "sector", label: "Sektor", kind: .singleChoice,
                    valueLabels: [.init(code: 1, label: "A"), .init(code: 2, label: "B")],
                    missingCodes: [99: .dontKnow])
            ]),
            columns: ["sector": .codes([1, 2, 99, Column.systemMissing])])
    }

    static let yesNo = Variable(
        name: "d_yes", label: "Ja/nei", kind: .singleChoice,
        valueLabels: [.init(code: 1, label: "Ja"), .init(code: 2, label: "Nei")], missingCodes: [-7: .dontKnow])

    @Test("new columns are added and checked; the old ones are kept as they are")
    func addsAndChecks() throws {
        let data = try Self.base()
        let derived = try data.adding([(Self.yesNo, .codes([1, 2, -7, Column.systemMissing]))])
        #expect(derived.codebook.variables.map(\.name) == ["sector", "d_yes"])
        #expect(try derived.codes(of: "d_yes") == [1, 2, -7, Column.systemMissing])
        #expect(try derived.codes(of: "sector") == data.codes(of: "sector"))
    }

    @Test("an unlabelled code, a code past the table's ends, a wrong length or a clashing name is refused")
    func refusesBadAdditions() throws {
        let data = try Self.base()
        for codes: [Int32] in [[1, 3, 2, 1], [1, 2, -8, 1], [1, 2, Int32.max, 1], [Int32.min + 1, 1, 1, 1]] {
            #expect(throws: StatisticsError.self) { try data.adding([(Self.yesNo, .codes(codes))]) }
        }
        #expect(throws: StatisticsError.self) { try data.adding([(Self.yesNo, .codes([1, 2]))]) }
        var clash = Self.yesNo
        clash.name = "sector"
        #expect(throws: StatisticsError.self) { try data.adding([(clash, .codes([1, 1, 1, 1]))]) }
        // Multiple-choice items take 0 and 1 (and their missing codes) only.
        let item = Variable(name: "d_item", label: "Valgt", kind: .multipleChoiceItem, missingCodes: [9: .dontKnow])
        #expect(throws: Never.self) { try data.adding([(item, .codes([0, 1, 9, Column.systemMissing]))]) }
        #expect(throws: StatisticsError.self) { try data.adding([(item, .codes([0, 2, 1, 1]))]) }
    }
}
