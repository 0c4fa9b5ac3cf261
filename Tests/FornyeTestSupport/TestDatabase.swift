import FluentKit
import FluentSQL
public import FornyeStorage
public import Foundation
public import Testing

/// The database backends the storage and web tests run on: SQLite (a temporary file) always, and
/// PostgreSQL when `FORNYE_TEST_POSTGRES_URL` is set (`.ci/run` sets it).
///
/// ```swift
/// @Test(arguments: TestDatabase.all)
/// func something(database: TestDatabase) async throws {
///     try await withTestApp(database: database) { app in ... }
/// }
/// ```
///
/// Without the variable `all` is SQLite only, and each test target that uses it has one test
/// marked `.requiresPostgres`, which the run lists as skipped with the reason. (A cancelled
/// argument, `Test.cancel`, is reported as passed by Swift 6.3's console, so it is not relied on.)
/// Each use gets its own schema (a fresh `search_path`), dropped afterwards, so tests running in
/// parallel do not meet.
public enum TestDatabase: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// SQLite, and PostgreSQL when `FORNYE_TEST_POSTGRES_URL` is set.
    public static let all: [TestDatabase] = postgresConfigured ? [.sqlite, .postgres] : [.sqlite]

    public static let postgresURL: String? = ProcessInfo.processInfo.environment["FORNYE_TEST_POSTGRES_URL"]
        .flatMap { $0.isEmpty ? nil : $0 }
    public static var postgresConfigured: Bool { postgresURL != nil }
    public static let skipReason: Comment = "FORNYE_TEST_POSTGRES_URL not set: PostgreSQL tests skipped"

    public var testDescription: String { self == .sqlite ? "SQLite" : "PostgreSQL" }

    /// Seconds a query waits for a pooled connection: the suites start hundreds of apps at once
    /// on two cores, so the drivers' ten seconds is too short there.
    public static let connectionWait = 60

    /// Calls `body` with a storage configuration of its own: a new SQLite file, removed afterwards, or
    /// a new PostgreSQL schema that is dropped when `body` returns or throws.
    @discardableResult
    public func withConfiguration<Result>(
        _ body: (StorageConfiguration) async throws -> Result
    ) async throws -> Result {
        switch self {
        case .sqlite:
            let directory = try Self.makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            return try await body(Self.sqliteConfiguration(in: directory))
        case .postgres:
            guard let url = Self.postgresURL else { try Test.cancel(Self.skipReason) }
            let schema = "fornye_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try await Self.admin(url) { try await $0.raw("CREATE SCHEMA \(ident: schema)").run() }
            let result: Result
            do {
                result = try await body(
                    StorageConfiguration(
                        backend: .postgres(url: url), postgresSearchPath: [schema],
                        connectionWaitSeconds: Self.connectionWait))
            } catch {
                try? await Self.admin(url) { try await $0.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
                throw error
            }
            try await Self.admin(url) { try await $0.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
            return result
        }
    }

    /// A migrated `StorageRuntime` on a fresh database, shut down after `body`.
    @discardableResult
    public func withRuntime<Result>(_ body: (StorageRuntime) async throws -> Result) async throws -> Result {
        try await withConfiguration { configuration in
            let runtime = try StorageRuntime(configuration: configuration)
            do {
                try await runtime.migrate()
                let result = try await body(runtime)
                await runtime.shutdown()
                return result
            } catch {
                await runtime.shutdown()
                throw error
            }
        }
    }

    /// An SQLite file in `directory`, set up as the server sets up its own (`StorageSetup.prepare`:
    /// write-ahead log, a busy timeout, a second connection for the submission writer).
    ///
    /// Not Fluent's `.memory`: SQLiteKit fakes it with a temporary file in rollback-journal mode
    /// whose busy handler retries at once for ever, and where a transaction that has read gets
    /// SQLITE_BUSY without waiting when another connection writes. Tests failed with "database is
    /// locked" there under load, in ways the server's databases never behave.
    public static func sqliteConfiguration(in directory: URL) -> StorageConfiguration {
        StorageConfiguration(
            backend: .sqlite(path: directory.appendingPathComponent("fornye.sqlite").path),
            connectionWaitSeconds: connectionWait)
    }

    /// A new directory of its own for a test's SQLite files: in `/dev/shm` when it has room (no
    /// disk syncs at checkpoints), else in the temporary directory. The caller removes it.
    public static func makeScratchDirectory() throws -> URL {
        let manager = FileManager.default
        let memory = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
        let free = (try? manager.attributesOfFileSystem(forPath: memory.path)[.systemFreeSize] as? NSNumber)?.int64Value
        let base = (free ?? 0) >= 2 << 30 ? memory : manager.temporaryDirectory
        let directory = base.appendingPathComponent("fornye-test-" + UUID().uuidString, isDirectory: true)
        try manager.createDirectory(at: directory, withIntermediateDirectories: false)
        return directory
    }

    private static func admin(_ url: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let runtime = try StorageRuntime(configuration: StorageConfiguration(backend: .postgres(url: url)))
        do {
            guard let sql = runtime.database as? any SQLDatabase else { throw TestDatabaseError.notSQL }
            try await body(sql)
        } catch {
            await runtime.shutdown()
            throw error
        }
        await runtime.shutdown()
    }
}

enum TestDatabaseError: Error {
    case notSQL
}

extension Trait where Self == ConditionTrait {
    /// For a test that needs PostgreSQL as such (not one run per backend): skipped, with the
    /// reason, when `FORNYE_TEST_POSTGRES_URL` is not set.
    public static var requiresPostgres: Self {
        .enabled(if: TestDatabase.postgresConfigured, TestDatabase.skipReason)
    }
}
