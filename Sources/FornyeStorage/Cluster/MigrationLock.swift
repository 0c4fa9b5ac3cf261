public import FluentKit
import FluentSQL

/// Serialises start-up work that must run once per database (migrations, demo seeding) between
/// instances that start together on one PostgreSQL: the first holds a session advisory lock,
/// keyed by the schema, while the others wait and then find nothing left to do. A process that
/// dies while holding it ends its session, which releases the lock. SQLite serves one instance
/// and needs none.
///
/// The lock holds one of the pool's connections while `body` runs on others, hence at least two
/// connections per event loop (`StorageConfiguration.postgresConnectionsPerEventLoop`).
public enum MigrationLock {
    /// The lock's key within the schema (shared by every Fornye version, so an old and a new
    /// instance starting during a deploy take turns too).
    static let key = " fornye migrations"

    public static func around<Result: Sendable>(
        _ database: any Database, _ body: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else {
            return try await body()
        }
        return try await database.withConnection { connection in
            guard let locked = connection as? any SQLDatabase else { throw StorageError.unsupportedDatabase }
            // current_schema() is NULL while the schema does not exist yet; the lock must still be taken.
            let name: SQLQueryString = "hashtext(coalesce(current_schema(), '') || \(bind: key))"
            try await locked.raw("SELECT pg_advisory_lock(\(name))").run()
            let result: Result
            do {
                result = try await body()
            } catch {
                try? await locked.raw("SELECT pg_advisory_unlock(\(name))").run()
                throw error
            }
            try await locked.raw("SELECT pg_advisory_unlock(\(name))").run()
            return result
        }
    }
}
