import FluentKit

/// TOTP second factors and their recovery codes (issue 19). The secret is stored sealed with a key
/// derived from the server secret, so a copy of the database alone does not yield codes; recovery
/// codes are stored as SHA-256 hashes. Both go with the user.
struct M0082CreateSecondFactors: AsyncMigration {
    var name: String { "0082-create-second-factors" }

    func prepare(on database: any Database) async throws {
        try await database.schema("second_factors")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("sealed_secret", .string, .required)
            .field("confirmed_at", .datetime)
            .field("last_used_step", .int64)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id")
            .create()
        try await database.schema("recovery_codes")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .unique(on: "code_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("recovery_codes").delete()
        try await database.schema("second_factors").delete()
    }
}
