public import FluentKit
import FluentPostgresDriver
import FluentSQL
import FluentSQLiteDriver
import Foundation

extension DatabaseID {
    /// The one database Fornye uses, whichever backend holds it.
    public static let fornye = DatabaseID(string: "fornye")
}

/// Registers Fornye's database and migrations on a `Databases` and `Migrations` pair, so the
/// web app (Vapor's `app.databases`) and the command-line tool (`StorageRuntime`) set up storage
/// the same way.
public enum StorageSetup {
    /// Registers the configured backend as the default database. Creates the SQLite file's
    /// directory when needed.
    public static func register(_ configuration: StorageConfiguration, on databases: Databases) throws {
        switch configuration.backend {
        case .sqlite(let path):
            if path == ":memory:" {
                databases.use(.sqlite(.memory), as: .fornye, isDefault: true)
            } else {
                let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                databases.use(.sqlite(.file(path)), as: .fornye, isDefault: true)
            }
        case .postgres(let url):
            databases.use(try .postgres(url: url, maxConnectionsPerEventLoop: 4), as: .fornye, isDefault: true)
        }
    }

    /// Puts an SQLite file in write-ahead-log mode (kept in the file, so once is enough). With WAL
    /// and `synchronous=FULL` (SQLite's compiled default in sqlite-nio, checked here) a commit that
    /// returned is on disk, so a killed process loses no acknowledged response. Returns the
    /// journal mode and synchronous level in force, or nil for other backends.
    @discardableResult
    public static func prepare(_ configuration: StorageConfiguration, database: any Database) async throws
        -> (journalMode: String, synchronous: Int)?
    {
        guard case .sqlite(let path) = configuration.backend, path != ":memory:",
            let sql = database as? any SQLDatabase
        else { return nil }
        let mode = try await sql.raw("PRAGMA journal_mode = WAL").first()?.decode(
            column: "journal_mode", as: String.self)
        try await sql.raw("PRAGMA synchronous = FULL").run()
        let level = try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
        return (mode ?? "", level ?? -1)
    }

    /// Adds every migration, in order.
    public static func addMigrations(to migrations: Migrations) {
        migrations.add(StorageMigrations.all, to: .fornye)
    }
}
