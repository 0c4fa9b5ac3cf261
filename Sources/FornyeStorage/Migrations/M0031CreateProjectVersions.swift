import FluentKit

/// Version history: one row per save of a project, with the whole document.
struct M0031CreateProjectVersions: AsyncMigration {
    var name: String { "0031-create-project-versions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ProjectVersionRecord.schema)
            .id()
            .field("project_id", .uuid, .required, .references(ProjectRecord.schema, "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("author", .string, .required)
            .field("author_id", .uuid)
            .field("action", .string, .required)
            .field("changed_fields", .sql(.text), .required)
            .field("status", .string, .required)
            .field("document_json", .sql(.text), .required)
            .field("created_at", .datetime, .required)
            .unique(on: "project_id", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProjectVersionRecord.schema).delete()
    }
}
