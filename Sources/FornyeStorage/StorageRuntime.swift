public import FluentKit
public import Logging
import NIOCore
import NIOPosix

/// Storage outside the web server, for the command-line tool and tests: owns a `Databases`
/// on the shared event loops and runs the migrations.
///
/// ```swift
/// let storage = try StorageRuntime(configuration: .init(backend: .sqlite(path: ":memory:")))
/// try await storage.migrate()
/// defer { Task { await storage.shutdown() } }
/// ```
public final class StorageRuntime: Sendable {
    public let configuration: StorageConfiguration
    public let databases: Databases
    public let logger: Logger
    private let migrations: Migrations
    private let threadPool: NIOThreadPool

    public init(configuration: StorageConfiguration, logger: Logger = Logger(label: "fornye.storage")) throws {
        self.configuration = configuration
        self.logger = logger
        // A pool of its own with more threads than SQLite connections, as the web app's: a write
        // waiting for SQLite's lock holds its thread, and the lock's holder must find one free.
        threadPool = NIOThreadPool(numberOfThreads: StorageSetup.blockingThreadsSuggestion)
        threadPool.start()
        databases = Databases(threadPool: threadPool, on: MultiThreadedEventLoopGroup.singleton)
        try StorageSetup.register(configuration, on: databases)
        migrations = Migrations()
        StorageSetup.addMigrations(to: migrations)
    }

    public var database: any Database {
        databases.database(logger: logger, on: databases.eventLoopGroup.any())!
    }

    /// The default database on another event loop than `database`'s, for
    /// `ProjectSearch(database:beside:)`.
    public func database(beside database: any Database) -> (any Database)? {
        StorageSetup.databaseBeside(database.eventLoop, databases: databases, logger: logger)
    }

    /// Runs every migration not yet run; returns the names of those it ran. Instances starting
    /// together on one PostgreSQL take turns (`MigrationLock`).
    @discardableResult
    public func migrate() async throws -> [String] {
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: logger, on: databases.eventLoopGroup.any())
        try await StorageSetup.prepare(configuration, databases: databases, logger: logger)
        return try await MigrationLock.around(database) {
            try await migrator.setupIfNeeded().get()
            let pending = try await migrator.previewPrepareBatch().get().map { $0.0.name }
            try await migrator.prepareBatch().get()
            return pending
        }
    }

    public func shutdown() async {
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
    }
}
