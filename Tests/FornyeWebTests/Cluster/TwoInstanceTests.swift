import FluentKit
import FluentSQL
import FornyeStorage
import FornyeTestSupport
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

/// Two app instances in one test process on one PostgreSQL schema (issue 18), the reduced and
/// CI-able version of scripts/cluster/run.sh: the sign-in limit counts across both, a write on one
/// is seen by the other's cache on its next request, and an import whose instance died is
/// finished by the other and stored once. Skipped without FORNYE_TEST_POSTGRES_URL.
@Suite(.requiresPostgres) struct TwoInstanceTests {
    /// A second instance on the database of `first`: no migrations, no seeding of its own. Two
    /// connections per event loop each: the server's connections are shared by parallel tests.
    func withTwoInstances(
        adjust: @escaping (inout WebSettings) -> Void = { _ in },
        _ body: (Application, Application) async throws -> Void
    ) async throws {
        let small: (inout WebSettings) -> Void = { settings in
            settings.storage.postgresConnectionsPerEventLoop = 2
            adjust(&settings)
        }
        try await withTestApp(database: .postgres, seedDemoContent: false, adjust: small) { first in
            var settings = first.fornyeSettings
            settings.migrateOnStart = false
            settings.seedDemoContent = false
            try await withTestApp(settings: settings) { second in try await body(first, second) }
        }
    }

    @Test func wrongPasswordsOnEitherInstanceCountAgainstOneLimit() async throws {
        try await withTwoInstances(adjust: { $0.loginAttemptsPerWindow = 4 }) { first, second in
            let email = "analytiker@example.no"
            try await createUser(first, email: email, role: .analyst)
            func attempt(_ app: Application) async throws -> HTTPStatus {
                let headers = try await publicHeaders(app)
                return try await app.testing().sendRequest(
                    .POST, "/logg-inn", headers: headers,
                    beforeRequest: { request in
                        try request.form(["email": email, "password": "feil passord"], headers: headers)
                    }
                ).status
            }
            var statuses: [HTTPStatus] = []
            for round in 0..<6 { statuses.append(try await attempt(round.isMultiple(of: 2) ? first : second)) }
            // Four refused passwords (two per instance), then both instances refuse the address.
            #expect(statuses.prefix(4).allSatisfy { $0 == .unauthorized })
            #expect(Array(statuses.suffix(2)) == [.tooManyRequests, .tooManyRequests])
            #expect(try await LoginAttemptRepository(database: first.db).count(from: "unknown") == 4)
        }
    }

    /// Four responses imported into the fixture's open wave on `app`, then the wave closed and
    /// published there (a wave is published only with responses).
    func publishWithResponses(_ app: Application, slug: String) async throws {
        let tests = ResponseImportTests()
        let user = ResponseImportTests.Signed(headers: try await signIn(app, as: .analyst))
        let uploaded = try await tests.upload(app, user, slug: slug, csv: ResponseImportTests.goodCSV)
        #expect(try await tests.post(app, user, tests.location(uploaded) + "/bekreft").status == .seeOther)
        let closed = try await tests.post(app, user, "/analyse/innsamling/\(slug)/status", [("status", "closed")])
        #expect(closed.status == .seeOther)
        let published = try await tests.post(
            app, user, "/analyse/innsamling/\(slug)/status", [("status", "published"), ("confirm_few", "1")])
        #expect(published.status == .seeOther, "\(published.body.string.prefix(600))")
    }

    @Test func aWriteOnOneInstanceIsSeenByTheOthersCacheAtOnce() async throws {
        try await withTwoInstances { first, second in
            let fixture = try await CollectionFixture.make(first, open: true)
            let slug = fixture.wave.slug
            let link = "href=\"/barometer/\(slug)\""
            func publicList(_ app: Application) async throws -> String { try await app.get("/barometer").body.string }
            // The second instance caches the public list without the unpublished wave.
            #expect(try await !publicList(second).contains(link))
            #expect(try await !publicList(second).contains(link))
            try await publishWithResponses(first, slug: slug)
            // Well inside the catalogue's 5-second lifetime: only the shared counter can tell.
            #expect(try await publicList(second).contains(link))
        }
    }

    @Test func aChangeOnlyToAWavesWeightsOnOneInstanceDropsTheOthersResults() async throws {
        try await withTwoInstances { first, second in
            let fixture = try await CollectionFixture.make(first, open: true)
            let slug = fixture.wave.slug
            let waveID = try fixture.wave.requireID()
            try await publishWithResponses(first, slug: slug)
            let before = try await second.barometerStore.catalog(second.db)
            #expect(before.record(slug)?.status == .published)
            let version = second.barometerStore.version(of: slug)
            // New weights: status, labels and response count stay as they were. The writer raises
            // the wave's counter in its transaction and the shared one after it, as every writer does.
            try await first.db.transaction { transaction in
                try await (transaction as! any SQLDatabase).raw(
                    "UPDATE responses SET weight = 2.5 WHERE wave_id = \(bind: waveID)"
                ).run()
                try await CacheVersions.waveChanged(waveID, on: transaction)
            }
            try await CacheVersions(database: first.db).bump(CacheVersions.barometer)
            _ = try await second.barometerStore.catalog(second.db)
            // The second instance forgot what it computed from the old weights.
            #expect(second.barometerStore.version(of: slug) == version + 1)
        }
    }

    @Test func anImportWhoseInstanceDiedIsFinishedByTheOtherAndStoredOnce() async throws {
        try await withTwoInstances { first, second in
            let fixture = try await CollectionFixture.make(first, open: false)
            let waveID = try fixture.wave.requireID()
            let jobs = ImportJobRepository(database: first.db)
            let job = ImportJobRecord(
                id: ImportUploadStore.newID(), waveID: waveID, sessionHash: "session", actorID: nil,
                filename: "svar.csv", format: "csv", mappingYAML: "name: automatisk\n", total: 4)
            try await jobs.enqueue(job, payload: Data(ResponseImportTests.goodCSV.utf8))
            // An instance took it a minute ago and died without a heartbeat since.
            // (Claimed by id within the second the queuing instance has, so no poller took it first.)
            let dead = try #require(
                try await jobs.claim(
                    instance: "killed", id: job.id, queuedBefore: Date(), now: Date().addingTimeInterval(-60)))
            #expect(dead.job.id == job.id)
            // The other instances take it over: this call, or either instance's poller first.
            await second.importJobs.runWaiting(second)
            var finished = try #require(try await jobs.job(job.id))
            for _ in 0..<200 where finished.state == .running {
                try await Task.sleep(for: .milliseconds(100))
                finished = try #require(try await jobs.job(job.id))
            }
            #expect(finished.state == .finished)
            #expect(finished.stored == 4)
            #expect(finished.attempts == 2)
            #expect(
                [first.importJobs.instance, second.importJobs.instance].contains(finished.claimedBy ?? ""))
            #expect(try await ResponseRecord.query(on: first.db).filter(\.$wave.$id == waveID).count() == 4)
            // The dead attempt, had it got as far as committing, would have stored nothing.
            await #expect(throws: ImportJobError.claimLost(job.id)) {
                try await first.db.transaction { transaction in
                    try await ImportJobRepository.markFinished(dead, stored: 4, on: transaction)
                }
            }
            await first.importJobs.runWaiting(first)
            #expect(try await ResponseRecord.query(on: first.db).filter(\.$wave.$id == waveID).count() == 4)
        }
    }

    @Test func anImportConfirmedOnOneInstanceShowsItsProgressOnTheOther() async throws {
        try await withTwoInstances { first, second in
            let fixture = try await CollectionFixture.make(first, open: false)
            let tests = ResponseImportTests()
            let user = ResponseImportTests.Signed(headers: try await signIn(first, as: .analyst))
            let uploaded = try await tests.upload(
                first, user, slug: fixture.wave.slug, csv: ResponseImportTests.goodCSV)
            let confirmed = try await tests.post(first, user, tests.location(uploaded) + "/bekreft")
            #expect(confirmed.status == .seeOther)
            // The session lives in the database, so the other instance knows the user and the job.
            let page = try await second.get(tests.location(confirmed), headers: user.headers).body.string
            #expect(page.contains("Ferdig: 4 svar er importert"))
        }
    }
}
