import FluentKit

/// The audit log: sign-ins, user changes, imports, exports and other changes, append-only.
struct M0012CreateAuditLog: AsyncMigration {
    var name: String { "0012-create-audit-log" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntryRecord.schema)
            .id()
            .field("occurred_at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("action", .string, .required)
            .field("target", .string)
            .field("details", .sql(.text))
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEntryRecord.schema).delete()
    }
}
