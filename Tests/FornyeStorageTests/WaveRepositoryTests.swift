import FluentKit
import FornyeBarometer
import FornyeStatistics
import FornyeTestSupport
import Testing

@testable import FornyeStorage

@Suite struct WaveRepositoryTests {
    @Test(arguments: TestDatabase.all)
    func demoWavesRoundTripThroughTheDatabase(database: TestDatabase) async throws {
        try await database.withRuntime { runtime in
            let seeded = try await DemoContent.seedIfEmpty(runtime.database)
            #expect(seeded == [DemoContent.baselineSlug, DemoContent.followUpSlug])
            #expect(try await DemoContent.seedIfEmpty(runtime.database).isEmpty)

            let original = try SyntheticBarometer.baseline2018()
            let stored = try await WaveRepository(database: runtime.database).load(slug: DemoContent.baselineSlug)
            #expect(stored.synthetic)
            #expect(stored.title.contains("SYNTETISKE DATA"))
            #expect(stored.subtitle == SyntheticBarometer.baselineSubtitle)
            #expect(stored.dataset.rowCount == original.dataset.rowCount)
            // Rows come back in id order, not insertion order (ids are random so that row order
            // cannot reveal when an anonymous response came in); compare rows as a multiset.
            #expect(
                try rowSignatures(stored.dataset, stored.weights)
                    == rowSignatures(original.dataset, original.design.weights))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDuplicateWaveIsRefusedAndChangesNothing(database: TestDatabase) async throws {
        try await database.withRuntime { runtime in
            try await DemoContent.seedIfEmpty(runtime.database)
            let repository = WaveRepository(database: runtime.database)
            let before = try await ResponseRecord.query(on: runtime.database).count()
            let stored = try await repository.load(slug: DemoContent.baselineSlug)
            await #expect(throws: StorageError.duplicateWave(DemoContent.baselineSlug)) {
                try await repository.insert(stored, status: .published)
            }
            #expect(try await ResponseRecord.query(on: runtime.database).count() == before)
        }
    }
}

/// Migration 0072 gives the demo baseline seeded before it the sentence it used to show, and
/// leaves every other wave without one (they show the general sentence).
@Suite struct WaveSubtitleMigrationTests {
    @Test(arguments: TestDatabase.all)
    func theDemoBaselineKeepsItsSentenceAndOtherWavesGetNone(database: TestDatabase) async throws {
        try await database.withRuntime { runtime in
            try await DemoContent.seedIfEmpty(runtime.database)
            let repository = WaveRepository(database: runtime.database)
            // As a database seeded before the migration: no wave has a subtitle. (SQLite cannot
            // drop the column, so the test runs the migration's data step, not its revert.)
            try await WaveRecord.query(on: runtime.database).set(\.$subtitle, to: nil).update()
            try await M0072AddWaveSubtitle.keepTheDemoBaselineSentence(on: runtime.database)
            let baseline = try #require(try await repository.record(slug: DemoContent.baselineSlug))
            #expect(baseline.subtitle == M0072AddWaveSubtitle.demoBaselineSubtitle)
            #expect(try await repository.record(slug: DemoContent.followUpSlug)?.subtitle == nil)
        }
    }
}

private func rowSignatures(_ dataset: Dataset, _ weights: [Double]) throws -> [String] {
    let columns = try dataset.codebook.variables.map { try dataset.column(named: $0.name) }
    return (0..<dataset.rowCount).map { row in
        columns.map { column -> String in
            switch column {
            case .codes(let codes): return String(codes[row])
            case .numbers(let values): return values[row].isNaN ? "NaN" : String(values[row])
            case .texts(let texts): return texts[row] ?? "<nil>"
            }
        }.joined(separator: "|") + "|w=\(weights[row])"
    }.sorted()
}
