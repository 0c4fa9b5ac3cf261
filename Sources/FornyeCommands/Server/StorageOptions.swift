import ArgumentParser
import FornyeStorage
import Foundation

/// The database options every storage command shares.
struct StorageOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: ArgumentHelp(
            "postgres://user:password@host/db for PostgreSQL, or an SQLite file path. "
                + "Default: $DATABASE_URL, else $FORNYE_DATA_DIR/fornye.sqlite, else data/fornye.sqlite.",
            valueName: "url"))
    var databaseURL: String?

    func configuration() throws -> StorageConfiguration {
        do {
            if let databaseURL { return try StorageConfiguration(databaseURL: databaseURL) }
            return try StorageConfiguration(environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
