import FluentKit

/// A contact (person, e-mail or phone) for each research institution, set in the admin form.
struct M0035AddInstitutionContact: AsyncMigration {
    var name: String { "0035-add-institution-contact" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ResearchInstitutionRecord.schema).field("contact", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ResearchInstitutionRecord.schema).deleteField("contact").update()
    }
}
