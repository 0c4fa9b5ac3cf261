import FluentKit
import FluentSQL
import FornyeBarometer
import FornyeFormats
import FornyeStatistics
import FornyeTestSupport
import Foundation
import Synchronization
import Testing

@testable import FornyeStorage

/// Imported responses are stored whole or not at all; saved mappings; the wave status steps.
@Suite struct ResponseImportStorageTests {
    static let csv = """
        kommunenummer,sector,unit_type,role,innovated_service,innovated_product,innovated_organisation,innovated_communication
        0301,1,1,1,2,2,2,2
        1103,2,5,2,2,2,2,2
        5001,1,2,3,2,2,2,1
        """

    /// An empty anonymous wave to import into.
    static func importWave(_ database: any Database) async throws
        -> (Instrument, CollectionRepository, WaveRecord)
    {
        let instrument = try Instrument.innovasjonsbarometer2018
        let repository = CollectionRepository(database: database)
        let wave = try await repository.createWave(
            slug: "imp", title: "Import", instrument: instrument, mode: .anonymous,
            structureDate: CalendarDay("2026-03-01")!, units: [])
        return (instrument, repository, wave)
    }

    @Test(arguments: TestDatabase.all)
    func importedRowsAreStoredInOneTransactionAndLoadBack(backend: TestDatabase) async throws {
        try await backend.withRuntime { runtime in
            let database = runtime.database
            let (instrument, repository, wave) = try await Self.importWave(database)
            let table = try SourceReader.read(Data(Self.csv.utf8), file: "svar.csv", format: .csv)
            let imported = try ResponseImporter.run(table, mapping: ImportMapping(name: "auto"), instrument: instrument)
            let seen = Mutex<[Int]>([])
            let stored = try await repository.importResponses(
                waveID: wave.requireID(), dataset: imported.dataset,
                progress: { done in seen.withLock { $0.append(done) } })
            #expect(stored == 3)
            #expect(seen.withLock { $0 } == [3])
            let loaded = try await WaveRepository(database: database).load(slug: "imp")
            #expect(loaded.dataset.rowCount == 3)
            #expect(try loaded.dataset.codes(of: "unit_type").sorted() == [1, 2, 5])

            // A dataset with a variable the wave lacks is refused before anything is written.
            var foreign = imported.dataset.codebook
            foreign.variables[0].name = "not_in_wave"
            let stranger = try Dataset(
                codebook: foreign,
                columns: Dictionary(
                    uniqueKeysWithValues: try foreign.variables.enumerated().map { index, variable in
                        (
                            variable.name,
                            try imported.dataset.column(named: imported.dataset.codebook.variables[index].name)
                        )
                    }))
            await #expect(throws: StorageError.self) {
                try await repository.importResponses(waveID: wave.requireID(), dataset: stranger)
            }
            #expect(try await repository.responseCount(waveID: wave.requireID()) == 3)
        }
    }

    /// A statement SQLite refuses after earlier statements of the import went in (here the third
    /// of 500 rows, stopped by a trigger) rolls the whole import back.
    @Test func aFailureHalfwayStoresNothing() async throws {
        try await TestDatabase.sqlite.withRuntime { runtime in
            let database = runtime.database
            let (instrument, repository, wave) = try await Self.importWave(database)
            let line = Self.csv.split(separator: "\n")[1]
            let csv =
                Self.csv.split(separator: "\n")[0] + "\n" + Array(repeating: line, count: 1_200).joined(separator: "\n")
            let table = try SourceReader.read(Data(csv.utf8), file: "svar.csv", format: .csv)
            let imported = try ResponseImporter.run(table, mapping: ImportMapping(name: "auto"), instrument: instrument)
            let sql = try #require(database as? any SQLDatabase)
            try await sql.raw(
                """
                CREATE TRIGGER full BEFORE INSERT ON responses WHEN (SELECT count(*) FROM responses) >= 1000 \
                BEGIN SELECT RAISE(ABORT, 'full'); END
                """
            ).run()
            let seen = Mutex<[Int]>([])
            let refusal = await #expect(throws: (any Error).self) {
                try await repository.importResponses(
                    waveID: wave.requireID(), dataset: imported.dataset,
                    progress: { done in seen.withLock { $0.append(done) } })
            }
            // The trigger's own abort, not some other failure on the way.
            #expect(String(describing: refusal.map { $0 as Any } ?? "").contains("full"))
            #expect(try await repository.responseCount(waveID: wave.requireID()) == 0)
            #expect(seen.withLock { $0 }.isEmpty)
            try await sql.raw("DROP TRIGGER full").run()

            // Without the trigger everything goes in.
            let stored = try await repository.importResponses(waveID: wave.requireID(), dataset: imported.dataset)
            #expect(stored == 1_200)
            #expect(try await repository.responseCount(waveID: wave.requireID()) == 1_200)
        }
    }

    @Test(arguments: TestDatabase.all)
    func savedMappingsAreReplacedByName(backend: TestDatabase) async throws {
        try await backend.withRuntime { runtime in
            let store = ImportMappingStore(database: runtime.database)
            let first = try await store.save(name: "surveyxact", yaml: "name: surveyxact\n", by: nil)
            let second = try await store.save(name: "surveyxact", yaml: "name: surveyxact\nautomatic: false\n", by: nil)
            #expect(first.id == second.id)
            let all = try await store.list()
            #expect(all.count == 1)
            #expect(all.first?.yaml.contains("automatic: false") == true)
        }
    }

    @Test func statusStepsGoThroughClosed() {
        #expect(CollectionRepository.mayChangeStatus(from: .draft, to: .open))
        #expect(CollectionRepository.mayChangeStatus(from: .closed, to: .published))
        #expect(CollectionRepository.mayChangeStatus(from: .published, to: .closed))
        #expect(!CollectionRepository.mayChangeStatus(from: .open, to: .published))
        #expect(!CollectionRepository.mayChangeStatus(from: .published, to: .open))
        #expect(!CollectionRepository.mayChangeStatus(from: .draft, to: .published))
    }
}
