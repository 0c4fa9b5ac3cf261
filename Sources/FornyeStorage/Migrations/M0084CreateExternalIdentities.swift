import FluentKit

/// OpenID Connect identities (issue 19): one row per (issuer, subject), linked to a Fornye user or
/// waiting for an admin's decision. Roles and municipality stay on the user.
struct M0084CreateExternalIdentities: AsyncMigration {
    var name: String { "0084-create-external-identities" }

    func prepare(on database: any Database) async throws {
        try await database.schema("external_identities")
            .id()
            .field("provider_id", .string, .required)
            .field("issuer", .string, .required)
            .field("subject", .string, .required)
            .field("user_id", .uuid, .references("users", "id", onDelete: .cascade))
            .field("status", .string, .required)
            .field("email", .string)
            .field("email_verified", .bool, .required)
            .field("display_name", .string)
            .field("created_at", .datetime, .required)
            .field("last_sign_in_at", .datetime, .required)
            .field("decided_at", .datetime)
            .unique(on: "issuer", "subject")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("external_identities").delete()
    }
}
