public import FluentKit
import FluentSQL
import Foundation

/// Sign-in attempts per client address, in the database so that every app instance on it counts
/// against one limit (`login_attempts`, migration 0068): at most `limit` attempts in `window`
/// seconds. An attempt is counted when it starts and taken off again when it signs in, so parallel
/// guesses cannot slip past the limit while their passwords are checked, and an office behind one
/// NAT address can sign in as often as it needs.
///
/// The count and the insert are one statement, which SQLite runs alone (one writer at a time);
/// on PostgreSQL it runs in a transaction holding an advisory lock on the address, so concurrent
/// attempts from it on any instance take turns.
public struct LoginAttemptRepository: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public enum Verdict: Equatable, Sendable {
        /// The attempt may go ahead; `id` names it for `succeeded(_:)`.
        case allowed(id: UUID)
        /// Too many recent attempts: the seconds until the next one is allowed.
        case limited(retryAfter: Int)
    }

    /// Counts an attempt from `client`, or refuses it when `limit` attempts are counted in the
    /// last `window` seconds. Older attempts of any client are deleted on the way.
    public func attempt(
        from client: String, limit: Int, window: Double, now: Date = Date()
    ) async throws -> Verdict {
        let client = String(client.prefix(200))
        let id = UUID()
        let at = now.timeIntervalSince1970
        let cutoff = at - window
        let insert: @Sendable (any SQLDatabase) async throws -> Bool = { sql in
            try await sql.raw("DELETE FROM login_attempts WHERE attempted_at <= \(bind: cutoff)").run()
            return try await sql.raw(
                """
                INSERT INTO login_attempts (id, client, attempted_at)
                SELECT \(bind: id), \(bind: client), \(bind: at)
                WHERE (SELECT COUNT(*) FROM login_attempts WHERE client = \(bind: client)) < \(bind: limit)
                RETURNING id
                """
            ).first() != nil
        }
        let inserted: Bool
        if try Self.sql(database).dialect.name == "postgresql" {
            inserted = try await database.writeTransaction { transaction in
                let sql = try Self.sql(transaction)
                // Keyed by schema too: several Fornye databases may share one PostgreSQL database.
                try await sql.raw(
                    "SELECT pg_advisory_xact_lock(hashtext(current_schema() || \(bind: " login:" + client)))"
                ).run()
                return try await insert(sql)
            }
        } else {
            inserted = try await insert(Self.sql(database))
        }
        if inserted { return .allowed(id: id) }
        let oldest = try await Self.sql(database).raw(
            "SELECT MIN(attempted_at) AS oldest FROM login_attempts WHERE client = \(bind: client)"
        ).first()?.decode(column: "oldest", as: Double?.self)
        let wait = (oldest ?? nil).map { window - (at - $0) } ?? window
        return .limited(retryAfter: max(1, Int(wait.rounded(.up))))
    }

    /// Takes the attempt `id` off its client's count: it signed in.
    public func succeeded(_ id: UUID) async throws {
        try await Self.sql(database).raw("DELETE FROM login_attempts WHERE id = \(bind: id)").run()
    }

    /// Attempts counted for `client` now (for tests and the cluster check).
    public func count(from client: String) async throws -> Int {
        try await Self.sql(database).raw(
            "SELECT COUNT(*) AS n FROM login_attempts WHERE client = \(bind: client)"
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func sql(_ database: any Database) throws -> any SQLDatabase {
        guard let sql = database as? any SQLDatabase else { throw StorageError.unsupportedDatabase }
        return sql
    }
}
