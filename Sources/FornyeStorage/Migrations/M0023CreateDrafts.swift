import FluentKit

/// Unfinished answers, one per invitation, so a respondent can leave and resume with the link.
/// Deleted in the transaction that stores the response.
struct M0023CreateDrafts: AsyncMigration {
    var name: String { "0023-create-drafts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(DraftRecord.schema)
            .id()
            .field(
                "invitation_id", .uuid, .required, .references(InvitationRecord.schema, "id", onDelete: .cascade)
            )
            .field("answers_json", .sql(.text), .required)
            .unique(on: "invitation_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DraftRecord.schema).delete()
    }
}
