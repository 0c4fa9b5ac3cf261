public import FluentKit
import FluentSQL

extension Database {
    /// A transaction that reads and then writes. On SQLite it begins IMMEDIATE, taking the write
    /// lock before its first read: a deferred transaction that has read gets SQLITE_BUSY at once,
    /// without waiting, when it tries to write while another connection writes (rollback journal:
    /// SQLite's deadlock rule; WAL: a stale snapshot). The import queue's poll writes every second,
    /// so that happened to OpenID Connect sign-ins under load. Elsewhere it is Fluent's transaction.
    ///
    /// `body` must not open a transaction of its own: on SQLite that fails ("cannot start a
    /// transaction within a transaction") instead of joining this one.
    public func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T)
        async throws -> T
    {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite", !inTransaction else {
            return try await transaction(body)
        }
        return try await withConnection { connection in
            guard let locked = connection as? any SQLDatabase else { throw StorageError.unsupportedDatabase }
            try await locked.raw("BEGIN IMMEDIATE TRANSACTION").run()
            let result: T
            do {
                result = try await body(connection)
            } catch {
                try? await locked.raw("ROLLBACK TRANSACTION").run()
                throw error
            }
            try await locked.raw("COMMIT TRANSACTION").run()
            return result
        }
    }
}
