import FluentKit
import FluentSQL

/// Links that can be shown again and are replaced on purpose, and what respondents are told.
///
/// - `invitations.retired_at`: a link replaced by a new one stays, so its holder is told it was
///   replaced (and whom to ask) instead of "unknown link".
/// - `invitations.derived_token`: the token is an HMAC of the invitation id under the server
///   secret, so the links page can show it again without storing it. Links made before this
///   migration were random and cannot be shown again (false).
/// - `waves.organizer`, `contact_email`, `purpose`, `retention_until`: the privacy notice on the
///   questionnaire's first page (who collects, whom to ask, why, how long answers are kept).
/// - `waves.background_release`: for anonymous waves, which coarsened background each response
///   carries (`BackgroundRelease` as JSON).
struct M0062FieldworkLinksAndPrivacy: AsyncMigration {
    var name: String { "0062-fieldwork-links-and-privacy" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        try await database.schema(InvitationRecord.schema).field("retired_at", .datetime).update()
        try await database.schema(InvitationRecord.schema)
            .field("derived_token", .bool, .required, .sql(.default(false))).update()
        for column in ["organizer", "contact_email", "purpose", "retention_until", "background_release"] {
            try await database.schema(WaveRecord.schema).field(.string(column), .string).update()
        }
    }

    func revert(on database: any Database) async throws {
        for column in ["background_release", "retention_until", "purpose", "contact_email", "organizer"] {
            try await database.schema(WaveRecord.schema).deleteField(.string(column)).update()
        }
        try await database.schema(InvitationRecord.schema).deleteField("derived_token").update()
        try await database.schema(InvitationRecord.schema).deleteField("retired_at").update()
    }
}
