import FluentKit
import FluentSQL

/// Indexes for what grows with use: the audit log (every sign-in writes a line; the admin page
/// sorts by time and filters by action and user) and sessions by user (ended on password change,
/// reset and disabling).
struct M0013IndexAccounts: AsyncMigration {
    var name: String { "0013-index-accounts" }

    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("audit_log_occurred_at", AuditEntryRecord.schema, ["occurred_at"]),
        ("audit_log_action_occurred_at", AuditEntryRecord.schema, ["action", "occurred_at"]),
        ("audit_log_actor_occurred_at", AuditEntryRecord.schema, ["actor_id", "occurred_at"]),
        ("sessions_user_id", UserSessionRecord.schema, ["user_id"]),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes.reversed() {
            try await sql.drop(index: index.name).run()
        }
    }
}
