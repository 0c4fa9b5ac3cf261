import FluentKit
import FluentSQL

/// The narrow search table: per project its index key, status, owner, date and facet codes as
/// small integers (see ``ProjectFacetCodes``), so that counts, facets and the ranked page never
/// read the wide `projects` rows. SQLite: `project_facets`, keyed by the FTS5 rowid, plus an
/// `fts5vocab` view of the index for document frequencies (similar projects). PostgreSQL: the
/// same columns on `project_search`, beside the tsvector the GIN index covers, so a match is
/// counted from the one row it already reads. Existing projects are copied in.
struct M0040CreateProjectFacets: AsyncMigration {
    var name: String { "0040-create-project-facets" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                ALTER TABLE project_search ADD COLUMN key INTEGER, ADD COLUMN status SMALLINT NOT NULL DEFAULT 0,
                ADD COLUMN owner INTEGER, ADD COLUMN updated DOUBLE PRECISION NOT NULL DEFAULT 0,
                ADD COLUMN types SMALLINT NOT NULL DEFAULT 0, ADD COLUMN stage SMALLINT NOT NULL DEFAULT 0,
                ADD COLUMN sector SMALLINT NOT NULL DEFAULT 0, ADD COLUMN county SMALLINT NOT NULL DEFAULT 0,
                ADD COLUMN centrality SMALLINT NOT NULL DEFAULT 0, ADD COLUMN research SMALLINT NOT NULL DEFAULT 0,
                ADD COLUMN evaluated SMALLINT NOT NULL DEFAULT 0
                """
            ).run()
        } else {
            try await sql.raw(
                """
                CREATE TABLE project_facets (
                    key INTEGER PRIMARY KEY, status INTEGER NOT NULL, owner INTEGER, updated REAL NOT NULL,
                    types INTEGER NOT NULL, stage INTEGER NOT NULL, sector INTEGER NOT NULL, county INTEGER NOT NULL,
                    centrality INTEGER NOT NULL, research INTEGER NOT NULL, evaluated INTEGER NOT NULL
                )
                """
            ).run()
            try await sql.raw("CREATE VIRTUAL TABLE project_fts_terms USING fts5vocab(project_fts, 'row')").run()
        }
        // Without the packed column: 0048 adds it and computes it from these codes.
        try await ProjectFacetCodes.rebuild(on: sql, packed: false)
        let table = sql.dialect.name == "postgresql" ? "project_search" : "project_facets"
        if sql.dialect.name == "postgresql" {
            try await sql.raw("CREATE UNIQUE INDEX project_search_key ON project_search (key)").run()
        }
        // Browsing without words: newest first within a status.
        try await sql.raw("CREATE INDEX \(unsafeRaw: table)_status_updated ON \(unsafeRaw: table) (status, updated)")
            .run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP INDEX project_search_status_updated").run()
            try await sql.raw("DROP INDEX project_search_key").run()
            try await sql.raw(
                """
                ALTER TABLE project_search DROP COLUMN key, DROP COLUMN status, DROP COLUMN owner,
                DROP COLUMN updated, DROP COLUMN types, DROP COLUMN stage, DROP COLUMN sector, DROP COLUMN county,
                DROP COLUMN centrality, DROP COLUMN research, DROP COLUMN evaluated
                """
            ).run()
        } else {
            try await sql.raw("DROP TABLE project_fts_terms").run()
            try await sql.raw("DROP TABLE project_facets").run()
        }
    }
}
