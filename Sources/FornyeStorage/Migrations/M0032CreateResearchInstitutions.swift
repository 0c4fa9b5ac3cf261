import FluentKit

/// Research and education institutions with their competence areas.
struct M0032CreateResearchInstitutions: AsyncMigration {
    var name: String { "0032-create-research-institutions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ResearchInstitutionRecord.schema)
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("municipality", .string)
            .field("competence", .sql(.text), .required)
            .field("url", .string)
            .field("synthetic", .bool, .required)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ResearchInstitutionRecord.schema).delete()
    }
}
