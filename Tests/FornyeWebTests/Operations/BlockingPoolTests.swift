import FluentKit
import FluentSQL
import FornyeStorage
import Foundation
import NIOCore
import Testing
import Vapor

@testable import FornyeWeb

/// An SQLite write waits for a lock on its blocking-pool thread. With fewer threads than
/// connections, writers waiting for a lock take every thread and the transaction holding the
/// lock cannot get one to finish: with SQLiteNIO's own busy handler the whole app stopped (a test
/// run hung); with the busy timeout the waiting writers fail after it instead.
@Suite struct BlockingPoolTests {
    @Test func aTransactionFinishesWhileWritersOnTheOtherConnectionsWaitForItsLock() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pool-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("fornye.sqlite").path
        let settings = WebSettings(
            storage: StorageConfiguration(backend: .sqlite(path: path)), seedDemoContent: false, bcryptCost: 4,
            seedImportedCases: false)
        try await withTestApp(settings: settings) { app in
            #expect(app.threadPool !== NIOSingletons.posixBlockingThreadPool)
            let connections = app.eventLoopGroup.makeIterator().flatMap { loop in
                [DatabaseID.fornye, .fornyeSubmissions].compactMap {
                    app.databases.database($0, logger: app.logger, on: loop) as? any SQLDatabase
                }
            }
            let holder = try #require(connections.first)
            let others = Array(connections.dropFirst())
            try await holder.raw("CREATE TABLE pool_probe (x INTEGER)").run()
            try await holder.raw("BEGIN IMMEDIATE").run()
            try await holder.raw("INSERT INTO pool_probe VALUES (0)").run()
            let waiting = others.enumerated().map { index, connection in
                Task { try await connection.raw("INSERT INTO pool_probe VALUES (\(bind: index + 1))").run() }
            }
            // The other writers are now retrying for the lock on their threads.
            try await Task.sleep(for: .milliseconds(300))
            try await holder.raw("INSERT INTO pool_probe VALUES (100)").run()
            try await holder.raw("COMMIT").run()
            for task in waiting { try await task.value }
            let count = try await holder.raw("SELECT COUNT(*) AS n FROM pool_probe").first()?
                .decode(column: "n", as: Int.self)
            #expect(count == others.count + 2)
        }
    }
}
