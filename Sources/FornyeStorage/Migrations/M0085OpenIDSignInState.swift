import FluentKit

/// What OpenID Connect sign-in keeps beside the identities: the `state` values already used (a
/// replayed callback is refused on every instance), and on a session the provider and ID token
/// it was started with, for RP-initiated logout (`id_token_hint`).
struct M0085OpenIDSignInState: AsyncMigration {
    var name: String { "0085-openid-sign-in-state" }

    func prepare(on database: any Database) async throws {
        try await database.schema("oidc_used_states")
            .id()
            .field("value_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "value_hash")
            .create()
        try await database.schema("sessions").field("provider_id", .string).update()
        try await database.schema("sessions").field("id_token", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sessions").deleteField("id_token").update()
        try await database.schema("sessions").deleteField("provider_id").update()
        try await database.schema("oidc_used_states").delete()
    }
}
