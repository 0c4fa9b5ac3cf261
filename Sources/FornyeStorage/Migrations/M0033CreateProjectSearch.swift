import FluentKit
import FluentSQL

/// The full-text index of projects. SQLite: an FTS5 table of text pre-stemmed by
/// `NorwegianStemmer` (title, summary, body columns, ranked with bm25 and column weights).
/// PostgreSQL: a tsvector per project built with the `norwegian` (or `english`) configuration,
/// title weighted A, summary B, body C, under a GIN index.
struct M0033CreateProjectSearch: AsyncMigration {
    var name: String { "0033-create-project-search" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                CREATE TABLE project_search (
                    project_id UUID PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
                    document TSVECTOR NOT NULL
                )
                """
            ).run()
            try await sql.raw("CREATE INDEX project_search_document ON project_search USING GIN (document)").run()
        } else {
            try await sql.raw(
                """
                CREATE VIRTUAL TABLE project_fts USING fts5(
                    project_id UNINDEXED, title, summary, body, tokenize = 'unicode61 remove_diacritics 0'
                )
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(
            sql.dialect.name == "postgresql" ? "DROP TABLE project_search" : "DROP TABLE project_fts"
        ).run()
    }
}
