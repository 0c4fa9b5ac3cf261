public import FluentKit
import FluentPostgresDriver
import FluentSQL
import FluentSQLiteDriver
import Foundation
public import Logging
public import NIOCore

extension DatabaseID {
    /// The one database Fornye uses, whichever backend holds it.
    public static let fornye = DatabaseID(string: "fornye")
    /// SQLite files only: the same file through connections of their own for the
    /// `SubmissionWriter`, so that its transactions (and fsyncs) never hold the connection that
    /// the requests on its event loop read through.
    public static let fornyeSubmissions = DatabaseID(string: "fornye-submissions")
}

/// Registers Fornye's database and migrations on a `Databases` and `Migrations` pair, so the
/// web app (Vapor's `app.databases`) and the command-line tool (`StorageRuntime`) set up storage
/// the same way.
public enum StorageSetup {
    /// Registers the configured backend as the default database. Creates the SQLite file's
    /// directory when needed.
    public static func register(_ configuration: StorageConfiguration, on databases: Databases) throws {
        let wait = TimeAmount.seconds(Int64(max(1, configuration.connectionWaitSeconds)))
        switch configuration.backend {
        case .sqlite(let path):
            if path == ":memory:" {
                databases.use(.sqlite(.memory, connectionPoolTimeout: wait), as: .fornye, isDefault: true)
            } else {
                let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                databases.use(.sqlite(.file(path), connectionPoolTimeout: wait), as: .fornye, isDefault: true)
                databases.use(
                    .sqlite(.file(path), connectionPoolTimeout: wait), as: .fornyeSubmissions, isDefault: false)
            }
        case .postgres(let url):
            var postgres = try SQLPostgresConfiguration(url: url)
            postgres.searchPath = configuration.postgresSearchPath
            if !configuration.postgresJIT {
                postgres.coreConfiguration.options.additionalStartupParameters.append(("jit", "off"))
            }
            databases.use(
                .postgres(
                    configuration: postgres,
                    maxConnectionsPerEventLoop: max(2, configuration.postgresConnectionsPerEventLoop),
                    connectionPoolTimeout: wait),
                as: .fornye, isDefault: true)
        }
    }

    /// Threads for a blocking pool that runs SQLite: more than the connections (one per event
    /// loop, twice with the submission writer's), since a write waiting for the lock holds its
    /// thread and the transaction holding the lock must find one free to finish.
    public static var blockingThreadsSuggestion: Int { 2 * System.coreCount + 2 }

    /// How long an SQLite write waits for another connection's write to end.
    static let sqliteBusyTimeoutMilliseconds = 30_000

    /// Page cache per SQLite connection (KiB, as `PRAGMA cache_size = -N`): with the default 2 MB
    /// a search read the FTS index and `project_facets` pages through `pread` again and again
    /// (about a tenth of a search's CPU was the kernel copying pages, docs/PERFORMANCE.md).
    static let sqliteCacheKiB = 65_536

    /// Puts an SQLite file in write-ahead-log mode (kept in the file) and sets `synchronous` and
    /// the page cache on every pooled connection (one per event loop; the settings are per
    /// connection).
    ///
    /// `NORMAL` (the default) with WAL: a commit has been written to the WAL file before it
    /// returns, so a killed or crashed process loses no acknowledged transaction (shown by
    /// `scripts/reliability`); a power cut or kernel crash may lose the last commits, never the
    /// database's consistency. `FORNYE_SQLITE_SYNCHRONOUS=FULL` also fsyncs each commit: durable
    /// against power loss, at one fsync per submission (about 120 commits/s on the test disk).
    /// Returns the journal mode and synchronous level in force, or nil for other backends.
    @discardableResult
    public static func prepare(
        _ configuration: StorageConfiguration, databases: Databases, logger: Logger,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> (journalMode: String, synchronous: Int)? {
        guard case .sqlite(let path) = configuration.backend, path != ":memory:" else { return nil }
        let level = synchronousLevel(environment)
        var result: (String, Int)? = nil
        for eventLoop in databases.eventLoopGroup.makeIterator() {
            for id in [DatabaseID.fornye, .fornyeSubmissions] {
                guard let sql = databases.database(id, logger: logger, on: eventLoop) as? any SQLDatabase else {
                    continue
                }
                // SQLiteNIO's own busy handler retries a locked write at once, for ever, on a
                // blocking-pool thread: writers waiting behind a long import burned the CPU the
                // import needed. SQLite's timeout sleeps between tries and gives up (the request
                // fails) after `sqliteBusyTimeoutMilliseconds`.
                try await sql.raw("PRAGMA busy_timeout = \(literal: sqliteBusyTimeoutMilliseconds)").run()
            }
            guard let sql = databases.database(.fornye, logger: logger, on: eventLoop) as? any SQLDatabase else {
                continue
            }
            let mode = try await sql.raw("PRAGMA journal_mode = WAL").first()?
                .decode(column: "journal_mode", as: String.self)
            try await sql.raw("PRAGMA synchronous = \(unsafeRaw: level)").run()
            try await sql.raw("PRAGMA cache_size = -\(literal: sqliteCacheKiB)").run()
            // Deleted rows (sent drafts, closed anonymous waves' drafts) are overwritten, not just freed.
            try await sql.raw("PRAGMA secure_delete = ON").run()
            let current = try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
            result = (mode ?? "", current ?? -1)
        }
        return result
    }

    /// `FULL` when `FORNYE_SQLITE_SYNCHRONOUS` asks for it, otherwise `NORMAL`.
    static func synchronousLevel(_ environment: [String: String]) -> String {
        environment["FORNYE_SQLITE_SYNCHRONOUS"]?.uppercased() == "FULL" ? "FULL" : "NORMAL"
    }

    /// The database and durability for the server's `SubmissionWriter` (after `prepare`).
    ///
    /// An SQLite file gets the writer its own connection. With `FORNYE_SQLITE_SYNCHRONOUS=FULL`
    /// in WAL mode that connection runs with `NORMAL` and the writer fsyncs the WAL after each
    /// commit itself (`.syncWAL`): the same sync FULL would make inside COMMIT, but while it runs
    /// the next batch is written, and no submission is answered before it. Other backends and
    /// `:memory:` use the default database and its own commit.
    public static func submissionWriting(
        _ configuration: StorageConfiguration, databases: Databases, logger: Logger,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> (
        database: any Database, durability: SubmissionWriter.Durability, walCheckpointInterval: Duration?
    ) {
        let eventLoop = databases.eventLoopGroup.any()
        guard let main = databases.database(.fornye, logger: logger, on: eventLoop) else {
            throw StorageError.unsupportedDatabase
        }
        guard case .sqlite(let path) = configuration.backend, path != ":memory:",
            let own = databases.database(.fornyeSubmissions, logger: logger, on: eventLoop),
            let sql = own as? any SQLDatabase
        else { return (main, .commit, nil) }
        // The drafts a submission deletes are zeroed (secure_delete), and the write-ahead log that
        // still holds their earlier versions is truncated at most a second later.
        try await sql.raw("PRAGMA secure_delete = ON").run()
        // One connection per event loop: the writer always uses this one, so the setting stays.
        let mode = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
        if synchronousLevel(environment) == "FULL" && mode?.lowercased() == "wal" {
            try await sql.raw("PRAGMA synchronous = NORMAL").run()
            return (own, .syncWAL(path: path + "-wal"), .seconds(1))
        }
        try await sql.raw("PRAGMA synchronous = \(unsafeRaw: synchronousLevel(environment))").run()
        return (own, .commit, .seconds(1))
    }

    /// The default database on another event loop than `eventLoop`: for SQLite a connection of
    /// its own (the driver pools one per event loop), so a search can run its facet statement
    /// beside its page (`ProjectSearch(database:beside:)`). Nil with a single event loop.
    public static func databaseBeside(
        _ eventLoop: any EventLoop, databases: Databases, logger: Logger
    ) -> (any Database)? {
        guard let other = databases.eventLoopGroup.makeIterator().first(where: { $0 !== eventLoop }) else {
            return nil
        }
        return databases.database(.fornye, logger: logger, on: other)
    }

    /// Adds every migration, in order.
    public static func addMigrations(to migrations: Migrations) {
        migrations.add(StorageMigrations.all, to: .fornye)
    }
}
