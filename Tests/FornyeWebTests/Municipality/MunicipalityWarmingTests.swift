import FornyeBarometer
import FornyeStorage
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

/// Issue 17: the profile's numbers are computed once per data version. The server computes them
/// at start and again, in the background, after a write that changes a wave, so the first
/// visitor after a new wave does not wait for them.
@Suite struct MunicipalityWarmingTests {
    @Test func aNewlyPublishedWaveIsComputedBeforeTheFirstVisitorAsks() async throws {
        try await withTestApp { app in
            let store = app.municipalityStore
            store.warmAtStartAndAfterWrites(app)
            await store.warmed()
            let builds = store.buildCount
            #expect(builds == 1, "the start did not warm")

            // A third wave, stored closed (the public does not see it), then published by an analyst.
            let followUp = try await WaveRepository(database: app.db).load(slug: DemoContent.followUpSlug)
            let wave = StoredWave(
                slug: "2022-varm-syntetisk", title: "Oppvarming (\(SyntheticLabel.marker))", shortTitle: "2022",
                structureDate: followUp.structureDate, dataset: followUp.dataset, weights: followUp.weights)
            let record = try await WaveRepository(database: app.db).insert(wave, status: .closed)
            let published = try await setStatusAsAnalyst(app, record, slug: wave.slug, "published")
            #expect(published.status == .seeOther)
            // The request returned before the numbers were made; they are made without anyone asking.
            await store.warmed()
            #expect(store.buildCount == builds + 1, "publishing the wave did not warm the estimates")
            let catalog = try await app.barometerStore.catalog(app.db)
            #expect(store.isComputed(dataVersion: catalog.dataVersion))

            // The first visitor computes nothing and sees the new wave.
            let oslo = try await MunicipalityPageTests.profile(app, "0301")
            #expect(store.buildCount == builds + 1, "the first profile after the new wave computed it")
            #expect(oslo.waves.map(\.slug).contains(wave.slug))
            #expect(oslo.indicators.allSatisfy { $0.points.contains { $0.wave == wave.slug } })

            // A write that leaves every wave as it was computes nothing.
            store.warmAfterWrite(app)
            await store.warmed()
            #expect(store.buildCount == builds + 1)
        }
    }

    @Test func withoutTheServerWritesDoNotWarm() async throws {
        try await withTestApp { app in
            let store = app.municipalityStore
            let record = try #require(try await WaveRepository(database: app.db).record(slug: DemoContent.followUpSlug))
            let closed = try await setStatusAsAnalyst(app, record, slug: DemoContent.followUpSlug, "closed")
            #expect(closed.status == .seeOther)
            await store.warmed()
            #expect(store.buildCount == 0)
        }
    }

    /// Sets a wave's status through the analysts' form, as an analyst would; the wave is first
    /// marked as collected, so the analysts' wave pages (and the status form) know it.
    func setStatusAsAnalyst(_ app: Application, _ record: WaveRecord, slug: String, _ status: String)
        async throws -> TestingHTTPResponse
    {
        record.instrumentVersion = "2026-1"
        try await record.save(on: app.db)
        let analyst = try await signIn(app, as: .analyst)
        return try await postForm(app, Paths.waveStatus(slug: slug), [("status", status)], headers: analyst)
    }
}
