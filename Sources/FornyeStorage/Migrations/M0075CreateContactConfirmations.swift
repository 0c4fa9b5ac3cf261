import FluentKit
import FluentSQL

/// `project_contact_confirmations`: when an editor last confirmed each contact person of a
/// project (issue 17: the profile shows «sist bekreftet <måned år>»). Contacts live in the
/// project's document; a contact is keyed by its e-mail address, or its name when it has none,
/// lower-cased. A row is written whenever a signed-in editor or admin saves the project with the
/// contact in it; imports do not confirm. Existing projects start with no confirmations, which
/// the profile says («ikke bekreftet») rather than guessing a date.
struct M0075CreateContactConfirmations: AsyncMigration {
    var name: String { "0075-create-contact-confirmations" }

    func prepare(on database: any Database) async throws {
        try await database.schema("project_contact_confirmations")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("contact_key", .string, .required)
            .field("confirmed_at", .datetime, .required)
            .field("confirmed_by", .uuid)
            .unique(on: "project_id", "contact_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("project_contact_confirmations").delete()
    }
}
