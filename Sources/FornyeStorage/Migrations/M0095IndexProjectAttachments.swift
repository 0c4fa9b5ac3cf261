import FluentKit
import FluentSQL

/// An index on `project_attachments.project_id`: every search page asks, per record, whether the
/// project has attachments (`ProjectSearch.records`), and the lists of a page's or a project's
/// attachments filter on it; without it each was a scan of the whole table.
struct M0095IndexProjectAttachments: AsyncMigration {
    var name: String { "0095-index-project-attachments" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX project_attachments_project ON project_attachments (project_id)").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX project_attachments_project").run()
    }
}
