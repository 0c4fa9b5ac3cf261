public import FluentKit
import FluentPostgresDriver
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
            var postgres = try SQLPostgresConfiguration(url: url)
            postgres.searchPath = configuration.postgresSearchPath
            databases.use(
                .postgres(configuration: postgres, maxConnectionsPerEventLoop: 4), as: .fornye, isDefault: true)
        }
    }

    /// Adds every migration, in order.
    public static func addMigrations(to migrations: Migrations) {
        migrations.add(StorageMigrations.all, to: .fornye)
    }
}
