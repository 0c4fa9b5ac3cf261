import FluentKit
import FluentSQL

/// `project_reuse_reports`: «Vi har gjenbrukt dette» (issue 20, item 13). A municipality records
/// that it reused a published project in a few fields (municipality, unit, month, what changed)
/// instead of creating a whole project that names the original. The municipality's name and
/// county are kept as the register gave them when the report was made, as a project's owner is.
struct M0074CreateProjectReuseReports: AsyncMigration {
    var name: String { "0074-create-project-reuse-reports" }

    func prepare(on database: any Database) async throws {
        try await database.schema("project_reuse_reports")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("municipality_number", .string, .required)
            .field("municipality_name", .string, .required)
            .field("county_number", .string, .required)
            .field("unit", .string, .required)
            .field("reused_month", .string, .required)
            .field("changes", .sql(.text), .required)
            .field("reported_by", .uuid)
            .field("reported_by_name", .string, .required)
            .field("synthetic", .bool, .required)
            .field("created_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        // The project page lists a project's reports; the profile lists a municipality's.
        try await sql.raw("CREATE INDEX project_reuse_reports_project ON project_reuse_reports (project_id)").run()
        try await sql.raw(
            "CREATE INDEX project_reuse_reports_municipality ON project_reuse_reports (municipality_number)"
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("project_reuse_reports").delete()
    }
}
