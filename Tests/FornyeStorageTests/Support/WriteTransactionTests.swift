import FluentKit
import FluentSQL
import FornyeStorage
import Foundation
import Logging
import NIOCore
import NIOPosix
import Synchronization
import Testing

/// `writeTransaction` on an SQLite file with two connections: while the second holds the write
/// lock, Fluent's deferred transaction on the first reads and then fails to write (SQLITE_BUSY,
/// at once or after the other's commit), while `writeTransaction` waits for the lock and succeeds.
/// The OpenID Connect sign-in failed this way beside the import queue's poll.
@Suite struct WriteTransactionTests {
    @Test(arguments: ["DELETE", "WAL"])
    func aReadThenWriteTransactionWaitsForAnotherWriter(journalMode: String) async throws {
        try await withTwoConnections(journalMode: journalMode) { first, second in
            let deferred = try await whileHoldingTheWriteLock(second) { read in
                try await first.transaction { try await Self.readThenWrite($0, "deferred", read: read) }
            }
            #expect(deferred != nil, "Fluent's deferred transaction should have met SQLITE_BUSY")
            #expect("\(deferred ?? "")".lowercased().contains("busy"))

            let immediate = try await whileHoldingTheWriteLock(second) { read in
                try await first.writeTransaction { try await Self.readThenWrite($0, "immediate", read: read) }
            }
            #expect(immediate == nil)
            let rows = try await (first as! any SQLDatabase).raw("SELECT name FROM t ORDER BY rowid").all()
            #expect(
                try rows.map { try $0.decode(column: "name", as: String.self) } == ["holder", "holder", "immediate"])
        }
    }

    static func readThenWrite(_ database: any Database, _ name: String, read: @Sendable () -> Void) async throws {
        let sql = database as! any SQLDatabase
        _ = try await sql.raw("SELECT count(*) AS n FROM t").all()
        read()
        try await sql.raw("INSERT INTO t (name) VALUES (\(bind: name))").run()
    }

    /// Runs `attempt` while `holder` has written a row it has not committed; commits 200 ms after
    /// `attempt` has read (or after 500 ms if it cannot read before the commit). Returns the
    /// attempt's error, if any, as text.
    func whileHoldingTheWriteLock(
        _ holder: any Database, _ attempt: @escaping @Sendable (@escaping @Sendable () -> Void) async throws -> Void
    ) async throws -> String? {
        try await holder.withConnection { connection in
            let sql = connection as! any SQLDatabase
            try await sql.raw("BEGIN IMMEDIATE TRANSACTION").run()
            try await sql.raw("INSERT INTO t (name) VALUES ('holder')").run()
            let hasRead = Atomic<Bool>(false)
            let outcome = Task { () -> String? in
                do {
                    try await attempt { hasRead.store(true, ordering: .sequentiallyConsistent) }
                    return nil
                } catch {
                    return "\(error)"
                }
            }
            for _ in 0..<50 where !hasRead.load(ordering: .sequentiallyConsistent) {
                try await Task.sleep(for: .milliseconds(10))
            }
            try await Task.sleep(for: .milliseconds(200))
            try await sql.raw("COMMIT TRANSACTION").run()
            return await outcome.value
        }
    }

    /// A fresh SQLite file in `journalMode`, reached through two connections (one per event
    /// loop), with threads of its own: SQLiteNIO waits for a lock on a pool thread.
    func withTwoConnections(
        journalMode: String, _ body: (any Database, any Database) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let threads = NIOThreadPool(numberOfThreads: 4)
        threads.start()
        let loops = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let databases = Databases(threadPool: threads, on: loops)
        let logger = Logger(label: "fornye.write-transaction-test")
        try StorageSetup.register(
            StorageConfiguration(backend: .sqlite(path: directory.appendingPathComponent("db.sqlite").path)),
            on: databases)
        let eventLoops = Array(loops.makeIterator())
        let first = try #require(databases.database(.fornye, logger: logger, on: eventLoops[0]))
        let second = try #require(databases.database(.fornye, logger: logger, on: eventLoops[1]))
        do {
            let sql = first as! any SQLDatabase
            _ = try await sql.raw("PRAGMA journal_mode = \(unsafeRaw: journalMode)").all()
            try await sql.raw("CREATE TABLE t (name TEXT NOT NULL)").run()
            try await body(first, second)
        } catch {
            await databases.shutdownAsync()
            try await loops.shutdownGracefully()
            try await threads.shutdownGracefully()
            throw error
        }
        await databases.shutdownAsync()
        try await loops.shutdownGracefully()
        try await threads.shutdownGracefully()
    }
}
