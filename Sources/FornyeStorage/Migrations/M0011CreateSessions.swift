import FluentKit

/// Server-side sessions, keyed by the SHA-256 of the cookie's token.
struct M0011CreateSessions: AsyncMigration {
    var name: String { "0011-create-sessions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserSessionRecord.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserSessionRecord.schema).delete()
    }
}
