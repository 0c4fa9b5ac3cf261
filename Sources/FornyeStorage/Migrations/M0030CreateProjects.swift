import FluentKit
import FluentSQL

/// The project bank's projects: the document as JSON, and the columns search and facets use.
struct M0030CreateProjects: AsyncMigration {
    var name: String { "0030-create-projects" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ProjectRecord.schema)
            .id()
            .field("slug", .string, .required)
            .field("search_key", .int, .required)
            .field("title", .string, .required)
            .field("summary", .sql(.text), .required)
            .field("status", .string, .required)
            .field("stage", .string, .required)
            .field("sector", .int)
            .field("unit_type", .int)
            .field("owner_municipality", .string)
            .field("owner_name", .string, .required)
            .field("county_number", .string)
            .field("centrality", .int)
            .field("country", .string, .required)
            .field("research_level", .int)
            .field("evaluated", .bool, .required)
            .field("type_service", .bool, .required)
            .field("type_product", .bool, .required)
            .field("type_process", .bool, .required)
            .field("type_communication", .bool, .required)
            .field("based_on", .string)
            .field("source_name", .string)
            .field("synthetic", .bool, .required)
            .field("language", .string, .required)
            .field("completeness", .int, .required)
            .field("document_json", .sql(.text), .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "slug")
            .unique(on: "search_key")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        // Public listings filter on status and sort by date; editors list their municipality's.
        try await sql.raw("CREATE INDEX projects_status_updated ON projects (status, updated_at)").run()
        try await sql.raw("CREATE INDEX projects_owner ON projects (owner_municipality)").run()
        try await sql.raw("CREATE INDEX projects_based_on ON projects (based_on)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProjectRecord.schema).delete()
    }
}
