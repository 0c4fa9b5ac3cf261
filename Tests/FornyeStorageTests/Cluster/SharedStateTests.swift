import FluentKit
import FluentSQL
import FornyeTestSupport
import Foundation
import Testing

@testable import FornyeStorage

/// What every app instance on one database shares (issue 18): the sign-in rate limit, the import
/// queue and the cache version counters, on SQLite and PostgreSQL.
@Suite struct SharedStateTests {
    @Test(arguments: TestDatabase.all)
    func theRateLimitCountsAttemptsAndForgetsSuccesses(database: TestDatabase) async throws {
        try await database.withRuntime { runtime in
            let attempts = LoginAttemptRepository(database: runtime.database)
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            var allowed: [UUID] = []
            for second in 0..<3 {
                let verdict = try await attempts.attempt(
                    from: "192.0.2.1", limit: 3, window: 900, now: start.addingTimeInterval(Double(second)))
                guard case .allowed(let id) = verdict else {
                    Issue.record("attempt \(second) refused: \(verdict)")
                    return
                }
                allowed.append(id)
            }
            // The fourth within the window waits until the oldest is 15 minutes old.
            let fourth = try await attempts.attempt(
                from: "192.0.2.1", limit: 3, window: 900, now: start.addingTimeInterval(10))
            #expect(fourth == .limited(retryAfter: 890))
            // Another address has its own count.
            let other = try await attempts.attempt(
                from: "192.0.2.2", limit: 3, window: 900, now: start.addingTimeInterval(10))
            #expect(other != .limited(retryAfter: 890))
            // A sign-in takes its attempt off again.
            try await attempts.succeeded(allowed[1])
            #expect(try await attempts.count(from: "192.0.2.1") == 2)
            let after = try await attempts.attempt(
                from: "192.0.2.1", limit: 3, window: 900, now: start.addingTimeInterval(11))
            guard case .allowed = after else {
                Issue.record("refused after a success: \(after)")
                return
            }
            // After the window every old attempt is gone.
            _ = try await attempts.attempt(
                from: "192.0.2.3", limit: 3, window: 900, now: start.addingTimeInterval(2000))
            #expect(try await attempts.count(from: "192.0.2.1") == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func parallelAttemptsNeverPassTheLimit(database: TestDatabase) async throws {
        try await database.withRuntime { runtime in
            let attempts = LoginAttemptRepository(database: runtime.database)
            let verdicts = try await withThrowingTaskGroup(of: LoginAttemptRepository.Verdict.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await attempts.attempt(from: "198.51.100.7", limit: 5, window: 900) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let allowed = verdicts.filter { if case .allowed = $0 { true } else { false } }
            #expect(allowed.count == 5)
            #expect(try await attempts.count(from: "198.51.100.7") == 5)
        }
    }

    @Test(arguments: TestDatabase.all)
    func cacheVersionsRiseByOne(database: TestDatabase) async throws {
        try await database.withRuntime { runtime in
            let versions = CacheVersions(database: runtime.database)
            let before = try await versions.current(CacheVersions.barometer)
            try await versions.bump(CacheVersions.barometer)
            try await versions.bump(CacheVersions.barometer)
            #expect(try await versions.current(CacheVersions.barometer) == before + 2)
            #expect(try await versions.current("no such counter") == 0)
        }
    }

    static func job(_ id: String, created: Date = Date()) -> ImportJobRecord {
        ImportJobRecord(
            id: id, waveID: UUID(), sessionHash: "s", actorID: nil, filename: "svar.csv", format: "csv",
            mappingYAML: "name: automatisk\n", total: 2, created: created)
    }

    @Test(arguments: TestDatabase.all)
    func aJobIsClaimedOnceAndADeadClaimIsRetriedAndStoredOnce(database: TestDatabase) async throws {
        try await database.withRuntime { runtime in
            let jobs = ImportJobRepository(database: runtime.database, lease: 30)
            let created = Date(timeIntervalSince1970: 1_800_000_000)
            try await jobs.enqueue(Self.job("job-a", created: created), payload: Data("a,b\n1,2\n".utf8))
            // Not yet: a queued job waits a moment for the instance that queued it.
            #expect(try await jobs.claim(instance: "one", queuedBefore: created.addingTimeInterval(-1)) == nil)
            let first = try #require(
                try await jobs.claim(instance: "one", queuedBefore: created, now: created.addingTimeInterval(1)))
            #expect(first.job.id == "job-a")
            #expect(first.payload == Data("a,b\n1,2\n".utf8))
            #expect(first.job.attempts == 1)
            // Taken: no other instance gets it while the claim is alive.
            let alive = created.addingTimeInterval(5)
            let postgres = database == .postgres
            if postgres {
                #expect(try await jobs.claim(instance: "two", now: alive) == nil)
            }
            // The first instance dies. PostgreSQL: after the lease another instance takes it;
            // SQLite (one instance): the restarted process, under a new id, takes it at once.
            let second = try #require(
                try await jobs.claim(instance: "two", now: postgres ? created.addingTimeInterval(40) : alive))
            #expect(second.job.attempts == 2)
            #expect(second.token != first.token)
            // The dead attempt's transaction cannot commit: its token lost the claim.
            let sql = try #require(runtime.database as? any SQLDatabase)
            await #expect(throws: ImportJobError.claimLost("job-a")) {
                try await runtime.database.transaction { transaction in
                    try await (transaction as! any SQLDatabase).raw(
                        "INSERT INTO cache_versions (name, version) VALUES ('stored-by-first', 1)"
                    ).run()
                    try await ImportJobRepository.markFinished(first, stored: 2, on: transaction)
                }
            }
            // The retry commits its rows and the mark together.
            try await runtime.database.transaction { transaction in
                try await (transaction as! any SQLDatabase).raw(
                    "INSERT INTO cache_versions (name, version) VALUES ('stored-by-second', 1)"
                ).run()
                try await ImportJobRepository.markFinished(second, stored: 2, on: transaction)
            }
            let rows = try await sql.raw("SELECT name FROM cache_versions WHERE name LIKE 'stored-%'").all()
                .map { try $0.decode(column: "name", as: String.self) }
            #expect(rows == ["stored-by-second"])
            let finished = try #require(try await jobs.job("job-a"))
            #expect(finished.state == .finished)
            #expect(finished.stored == 2)
            #expect(try await jobs.payload("job-a") == nil)
            // A finished job is never claimed again.
            #expect(try await jobs.claim(instance: "three", now: created.addingTimeInterval(500)) == nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aHeartbeatKeepsTheClaimAndAJobIsTriedAtMostThreeTimes(database: TestDatabase) async throws {
        try await database.withRuntime { runtime in
            let jobs = ImportJobRepository(database: runtime.database, lease: 30)
            let created = Date(timeIntervalSince1970: 1_800_000_000)
            try await jobs.enqueue(Self.job("job-b", created: created), payload: Data())
            var now = created
            var instance = 0
            var last: ClaimedImportJob?
            for attempt in 1...ImportJobRepository.maximumAttempts {
                now += 40
                instance += 1
                let claimed = try #require(try await jobs.claim(instance: "i\(instance)", now: now))
                #expect(claimed.job.attempts == attempt)
                // A live attempt's heartbeat records progress and keeps the job from others.
                #expect(try await jobs.heartbeat("job-b", token: claimed.token, done: attempt, now: now + 20))
                if database == .postgres {
                    #expect(try await jobs.claim(instance: "x", now: now + 35) == nil)
                }
                if let last {
                    #expect(try await jobs.heartbeat("job-b", token: last.token, done: 0, now: now) == false)
                }
                last = claimed
                now += 20
            }
            #expect(try await jobs.job("job-b")?.done == 3)
            // Three attempts died: the job fails for good instead of being taken a fourth time.
            #expect(try await jobs.claim(instance: "i9", now: now + 100) == nil)
            try await jobs.failExhausted(now: now + 100)
            let failed = try #require(try await jobs.job("job-b"))
            #expect(failed.state == .failed)
            #expect(failed.error == "interrupted 3 times")
            try await jobs.deleteEnded(before: now + 200)
            #expect(try await jobs.job("job-b") == nil)
        }
    }
}
