import FluentKit
import FluentSQL

/// PostgreSQL: keeps each project's tsvector inside its `project_search` row (storage MAIN)
/// instead of TOAST. A tsvector barely compresses, so under the default (EXTENDED) every one over
/// ~2 kB went out of line uncompressed, and ranking a match (`ts_rank`) first fetched it back
/// through the TOAST index; a quarter of the synthetic bank's vectors did. Inline, ranking 7,000
/// matches took a third less CPU (docs/PERFORMANCE.md). A row that cannot fit a page still goes
/// out of line. Existing vectors are rewritten (`|| ''` yields an equal, new value, stored by the
/// new rule). SQLite: nothing to do.
struct M0046KeepSearchDocumentsInline: AsyncMigration {
    var name: String { "0046-keep-search-documents-inline" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("ALTER TABLE project_search ALTER COLUMN document SET STORAGE MAIN").run()
        try await sql.raw("UPDATE project_search SET document = document || ''::tsvector").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("ALTER TABLE project_search ALTER COLUMN document SET STORAGE EXTENDED").run()
    }
}
