import FluentKit
import FluentSQL
import FornyeTestSupport
import Foundation
import Testing

@testable import FornyeStorage

/// Instances that start together on an unmigrated PostgreSQL database take turns at the
/// migrations (`MigrationLock`): one runs them, the others find nothing left. Skipped without
/// FORNYE_TEST_POSTGRES_URL (SQLite serves one instance).
@Suite(.requiresPostgres) struct MigrationLockTests {
    static func migrationRows(_ database: any Database) async throws -> Int {
        try await (database as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM _fluent_migrations").first()?
            .decode(column: "n", as: Int.self) ?? -1
    }

    static func migrationTableExists(_ database: any Database) async throws -> Bool {
        try await (database as! any SQLDatabase).raw(
            """
            SELECT COUNT(*) AS n FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_name = '_fluent_migrations'
            """
        ).first()?.decode(column: "n", as: Int.self) == 1
    }

    @Test func threeInstancesStartingTogetherRunEachMigrationOnce() async throws {
        try await TestDatabase.postgres.withConfiguration { configuration in
            var small = configuration
            small.postgresConnectionsPerEventLoop = 2
            let runtimes = try (0..<3).map { _ in try StorageRuntime(configuration: small) }
            let ran: Result<[[String]], any Error>
            do {
                ran = .success(
                    try await withThrowingTaskGroup(of: [String].self) { group in
                        for runtime in runtimes { group.addTask { try await runtime.migrate() } }
                        return try await group.reduce(into: []) { $0.append($1) }
                    })
            } catch {
                ran = .failure(error)
            }
            let rows = try? await Self.migrationRows(runtimes[0].database)
            for runtime in runtimes { await runtime.shutdown() }
            let names = try ran.get()
            #expect(names.filter { !$0.isEmpty }.count == 1)
            #expect(names.flatMap { $0 }.sorted() == StorageMigrations.all.map(\.name).sorted())
            #expect(rows == StorageMigrations.all.count)
        }
    }

    @Test func anInstanceWaitsWhileAnotherHoldsTheLock() async throws {
        try await TestDatabase.postgres.withConfiguration { configuration in
            var small = configuration
            small.postgresConnectionsPerEventLoop = 2
            let holder = try StorageRuntime(configuration: small)
            let waiter = try StorageRuntime(configuration: small)
            let (entered, enter) = AsyncStream<Void>.makeStream()
            let (release, releasing) = AsyncStream<Void>.makeStream()
            let holding = Task {
                defer { enter.finish() }  // a holder that fails must not leave the test waiting
                try await MigrationLock.around(holder.database) {
                    enter.yield()
                    for await _ in release { break }
                }
            }
            for await _ in entered { break }
            let migrating = Task { try await waiter.migrate() }
            try? await Task.sleep(for: .milliseconds(500))
            // Still waiting for the lock: not even the migrations' own table exists. A failed look is
            // recorded, not thrown, so both runtimes are always shut down (a pool dropped without its
            // shutdown stops the whole test process).
            let earlyTable: Bool?
            do {
                earlyTable = try await Self.migrationTableExists(holder.database)
            } catch {
                Issue.record("the table could not be looked for: \(error)")
                earlyTable = nil
            }
            releasing.yield()
            releasing.finish()
            let held: Void? = try? await holding.value
            let ran = try? await migrating.value
            await holder.shutdown()
            await waiter.shutdown()
            #expect(held != nil)
            #expect(earlyTable == false)
            #expect(ran?.count == StorageMigrations.all.count)
        }
    }
}
