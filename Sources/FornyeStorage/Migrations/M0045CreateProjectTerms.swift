import FluentKit
import FluentSQL

/// Document frequencies of the full-text index: per term, how many projects hold it, so
/// «similar projects» picks its rarest key terms with one indexed look-up instead of reading
/// posting lists. SQLite: `project_terms`, written by ``ProjectRepository`` beside every FTS5
/// change (FTS5 tables take no triggers). PostgreSQL: `project_terms` keyed by tsvector
/// lexeme, and `project_term_keys` (lexeme, project key, weight), from whose index similar
/// projects score candidates without reading their tsvectors; both kept by statement triggers
/// on `project_search`, so every write path (save, status change, import, bulk load, cascade
/// delete) counts in its own transaction. Filled from the existing index.
struct M0045CreateProjectTerms: AsyncMigration {
    var name: String { "0045-create-project-terms" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("CREATE TABLE project_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL)").run()
            // Per project and lexeme its weight (title 10, summary 4, body 2 per occurrence, at
            // most 100): candidates are scored from this index alone, with no tsvector read.
            try await sql.raw(
                """
                CREATE TABLE project_term_keys (
                    term TEXT NOT NULL, key INTEGER NOT NULL, weight SMALLINT NOT NULL,
                    PRIMARY KEY (term, key) INCLUDE (weight)
                )
                """
            ).run()
            // One function for the three statement triggers: each branch reads only its own
            // transition tables. Terms upserted in term order, so concurrent saves lock rows in
            // the same order. Rows that reach 0 stay (a later save may count them again).
            try await sql.raw(
                """
                CREATE FUNCTION project_terms_weight(weights TEXT[]) RETURNS SMALLINT LANGUAGE sql IMMUTABLE AS $$
                    SELECT LEAST(100, COALESCE(SUM(CASE w WHEN 'A' THEN 10 WHEN 'B' THEN 4 ELSE 2 END), 2))::SMALLINT
                    FROM unnest(weights) w
                $$
                """
            ).run()
            try await sql.raw("\(unsafeRaw: Self.countFunction)").run()
            try await Self.createCountTriggers(on: sql)
        } else {
            try await sql.raw(
                "CREATE TABLE project_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID"
            ).run()
        }
        try await Self.countExistingProjects(on: sql)
    }

    /// Fills the new tables from the index as it stands, as this migration did when written
    /// (frozen: `ProjectTermCounts` may change, this must not). SQLite: document frequencies
    /// from the FTS5 vocabulary; PostgreSQL: from `ts_stat`, and the per-project rows from each
    /// tsvector with `project_terms_weight`.
    private static func countExistingProjects(on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                INSERT INTO project_terms (term, df)
                SELECT word AS term, ndoc AS df FROM ts_stat('SELECT document FROM project_search')
                """
            ).run()
            try await sql.raw(
                """
                INSERT INTO project_term_keys (term, key, weight)
                SELECT u.lexeme AS term, s.key AS key, project_terms_weight(u.weights) AS weight
                FROM project_search s, unnest(s.document) u WHERE s.key IS NOT NULL
                """
            ).run()
        } else {
            try await sql.raw(
                "INSERT INTO project_terms (term, df) SELECT term, doc AS df FROM project_fts_terms WHERE doc > 0"
            ).run()
        }
    }

    /// The statement triggers on `project_search` that call `project_terms_count()` (0047's revert
    /// puts them back after dropping its own function).
    static func createCountTriggers(on sql: any SQLDatabase) async throws {
        for (event, tables) in [
            ("INSERT", "NEW TABLE AS new_rows"), ("DELETE", "OLD TABLE AS old_rows"),
            ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        ] {
            try await sql.raw(
                """
                CREATE TRIGGER project_terms_\(unsafeRaw: event.lowercased()) AFTER \(unsafeRaw: event)
                ON project_search REFERENCING \(unsafeRaw: tables)
                FOR EACH STATEMENT EXECUTE FUNCTION project_terms_count()
                """
            ).run()
        }
    }

    /// The trigger function as this migration created it (0047 replaces it, and restores it on revert).
    static let countFunction = """
        CREATE FUNCTION project_terms_count() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO project_terms (term, df)
                SELECT t, COUNT(*) FROM new_rows, unnest(tsvector_to_array(document)) t GROUP BY t ORDER BY t
                ON CONFLICT (term) DO UPDATE SET df = project_terms.df + EXCLUDED.df;
                INSERT INTO project_term_keys (term, key, weight)
                SELECT u.lexeme, n.key, project_terms_weight(u.weights) FROM new_rows n, unnest(n.document) u
                WHERE n.key IS NOT NULL;
            ELSIF TG_OP = 'DELETE' THEN
                UPDATE project_terms p SET df = p.df - d.n
                FROM (SELECT t, COUNT(*) AS n FROM old_rows, unnest(tsvector_to_array(document)) t
                      GROUP BY t ORDER BY t) d
                WHERE p.term = d.t;
                DELETE FROM project_term_keys k
                USING (SELECT o.key, t FROM old_rows o, unnest(tsvector_to_array(o.document)) t) d
                WHERE k.term = d.t AND k.key = d.key;
            ELSE
                INSERT INTO project_terms (term, df)
                SELECT t, SUM(n) FROM (
                    SELECT t, 1 AS n FROM new_rows, unnest(tsvector_to_array(document)) t
                    UNION ALL
                    SELECT t, -1 FROM old_rows, unnest(tsvector_to_array(document)) t
                ) d GROUP BY t HAVING SUM(n) <> 0 ORDER BY t
                ON CONFLICT (term) DO UPDATE SET df = project_terms.df + EXCLUDED.df;
                -- Per-project rows only for rows whose text or key changed (not status).
                DELETE FROM project_term_keys k
                USING (SELECT o.key, t FROM old_rows o JOIN new_rows n ON n.project_id = o.project_id,
                       unnest(tsvector_to_array(o.document)) t
                       WHERE o.document <> n.document OR o.key IS DISTINCT FROM n.key) d
                WHERE k.term = d.t AND k.key = d.key;
                INSERT INTO project_term_keys (term, key, weight)
                SELECT u.lexeme, n.key, project_terms_weight(u.weights)
                FROM new_rows n JOIN old_rows o ON o.project_id = n.project_id, unnest(n.document) u
                WHERE n.key IS NOT NULL AND (o.document <> n.document OR o.key IS DISTINCT FROM n.key);
            END IF;
            RETURN NULL;
        END
        $$
        """

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            for event in ["insert", "delete", "update"] {
                try await sql.raw("DROP TRIGGER project_terms_\(unsafeRaw: event) ON project_search").run()
            }
            try await sql.raw("DROP FUNCTION project_terms_count()").run()
            try await sql.raw("DROP FUNCTION project_terms_weight(TEXT[])").run()
            try await sql.raw("DROP TABLE project_term_keys").run()
        }
        try await sql.raw("DROP TABLE project_terms").run()
    }
}
