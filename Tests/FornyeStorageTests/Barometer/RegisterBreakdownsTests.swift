import FornyeStatistics
import FornyeTestSupport
import Testing

@testable import FornyeStorage

@Suite("An identified wave's breakdowns come from the register")
struct RegisterBreakdownsTests {
    @Test(arguments: TestDatabase.all)
    func countyAndCentralityAreDerivedOnLoad(database: TestDatabase) async throws {
        try await database.withRuntime { runtime in
            let codebook = Codebook(
                variables: [
                    Variable(name: "kommunenummer", label: "Kommunenummer", kind: .text),
                    Variable(
                        name: "innovated", label: "Innovert?", kind: .singleChoice,
                        valueLabels: [ValueLabel(code: 1, label: "Ja"), ValueLabel(code: 2, label: "Nei")]),
                ])
            // Oslo, Bergen, Trondheim, and a number that is no municipality in 2024.
            let dataset = try Dataset(
                codebook: codebook,
                columns: [
                    "kommunenummer": .texts(["0301", "4601", "5001", "9999"]), "innovated": .codes([1, 2, 1, 1]),
                ])
            let wave = StoredWave(
                slug: "identifisert", title: "Identifisert", shortTitle: "Id", structureDate: "2024-01-01",
                dataset: dataset, weights: [1, 1, 1, 1])
            let repository = WaveRepository(database: runtime.database)
            _ = try await repository.insert(wave, status: .closed)
            let loaded = try await repository.load(slug: "identifisert").dataset
            // Rows come back in the order of their random ids, so compare by municipality.
            guard case .texts(let numbers) = try loaded.column(named: "kommunenummer") else {
                Issue.record("kommunenummer is not text")
                return
            }
            let county = try loaded.codes(of: "county")
            let centrality = try loaded.codes(of: "centrality")
            let size = try loaded.codes(of: "population_size")
            var derived: [String: [Int32]] = [:]
            for row in numbers.indices { derived[numbers[row] ?? ""] = [county[row], centrality[row], size[row]] }
            let none = Column.systemMissing
            #expect(
                derived == ["0301": [3, 1, 5], "4601": [46, 2, 5], "5001": [50, 2, 5], "9999": [none, none, none]])
            #expect(loaded.codebook.variable(named: "county")?.label(of: 46) == "Vestland")
        }
    }
}
