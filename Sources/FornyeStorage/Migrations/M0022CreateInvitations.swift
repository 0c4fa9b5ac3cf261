import FluentKit

/// Invitations: one link per sample unit. Only the SHA-256 of the token is kept, so a stolen
/// database gives no working links. `response_id` is set in identified waves only; an anonymous
/// wave marks the invitation used and nothing else, and the response row has no link back.
struct M0022CreateInvitations: AsyncMigration {
    var name: String { "0022-create-invitations" }

    func prepare(on database: any Database) async throws {
        try await database.schema(InvitationRecord.schema)
            .id()
            .field("wave_id", .uuid, .required, .references(WaveRecord.schema, "id", onDelete: .cascade))
            .field(
                "sample_unit_id", .uuid, .required, .references(SampleUnitRecord.schema, "id", onDelete: .cascade)
            )
            .field("token_hash", .string, .required)
            .field("used", .bool, .required)
            .field("submission_key", .string)
            .field("response_id", .uuid, .references(ResponseRecord.schema, "id", onDelete: .setNull))
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InvitationRecord.schema).delete()
    }
}
