import FornyeBarometer
import FornyeStorage
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

/// Issue 20: the programme evaluation took seconds on every request. It is computed once per
/// choice of waves and comparison group, shared by the page (both languages), its CSV and the
/// API, and computed again when a wave or the programme register changes.
@Suite struct EvaluationCacheTests {
    @Test func anEvaluationIsComputedOnceAndAgainAfterARegisterImportOrANewWave() async throws {
        try await withTestApp { app in
            let evaluations = app.barometerStore.evaluations
            let query = EvaluationPageTests.query(.rejected)
            let start = evaluations.computedCount
            #expect(try await app.get("/evaluering" + query).status == .ok)
            #expect(evaluations.computedCount == start + 1)
            for path in [
                "/evaluering" + query, "/evaluering" + query + "&lang=en", "/evaluering/evaluering.csv" + query,
                "/api/v1/evaluations" + query,
            ] {
                #expect(try await app.get(path).status == .ok, "\(path)")
            }
            #expect(evaluations.computedCount == start + 1, "the same choice was computed again")

            // Another comparison group is another evaluation.
            #expect(try await app.get("/evaluering" + EvaluationPageTests.query(.others)).status == .ok)
            #expect(evaluations.computedCount == start + 2)

            // A register import changes the numbers without changing any wave.
            let register = try MunicipalityRegister.bundled()
            let lines = try await ProgrammeRepository(database: app.db, register: register).list().map(\.application)
            try await EvaluationPageTests.importRegister(Array(lines.dropLast()), into: app)
            let afterImport = try await app.get("/api/v1/evaluations" + query)
            #expect(afterImport.status == .ok)
            #expect(evaluations.computedCount == start + 3, "a register import did not recompute")

            // A new wave: the catalogue notices it (after any write, as CacheInvalidationMiddleware
            // says), and the same choice is computed afresh from the new data version.
            let baseline = try await WaveRepository(database: app.db).load(slug: EvaluationPageTests.waves[0])
            let wave = StoredWave(
                slug: "2019-cache-syntetisk", title: "Cache (\(SyntheticLabel.marker))", shortTitle: "2019",
                structureDate: baseline.structureDate, dataset: baseline.dataset, weights: baseline.weights)
            _ = try await WaveRepository(database: app.db).insert(wave, status: .published)
            app.barometerStore.invalidateCatalog()
            #expect(try await app.get("/evaluering/evaluering.csv" + query).status == .ok)
            #expect(evaluations.computedCount == start + 4, "a new wave did not recompute")
            #expect(try await app.get("/evaluering" + query).status == .ok)
            #expect(evaluations.computedCount == start + 4)
        }
    }
}
