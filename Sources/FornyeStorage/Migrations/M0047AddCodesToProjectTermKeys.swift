import FluentKit
import FluentSQL

/// PostgreSQL: `project_term_keys` also carries each project's status, owner and packed facet
/// codes (the layout `ProjectFacetCodes.packedSQL` had, frozen here in `packed`), inside its
/// primary-key index, so a one-word search finds, ranks, filters and counts its matches from one
/// contiguous index-only range instead of visiting every match's ~2 kB `project_search` row
/// twice (codes, then `ts_rank`); only the best 200 are then read for `ts_rank`
/// (docs/PERFORMANCE.md, session 5).
///
/// The table is rebuilt from a join with `project_search` (a new table, not an UPDATE of 8
/// million rows; `project_search` is not written, so 0045's triggers do not fire), and the
/// trigger function now also rewrites a project's rows when its status, owner or codes change.
/// SQLite: nothing to do.
struct M0047AddCodesToProjectTermKeys: AsyncMigration {
    var name: String { "0047-add-codes-to-project-term-keys" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw(
            """
            CREATE TABLE project_term_keys_next AS
            SELECT t.term, t.key, t.weight, f.status, f.owner, \(unsafeRaw: Self.packed("f.")) AS codes
            FROM project_term_keys t JOIN project_search f ON f.key = t.key ORDER BY t.term, t.key
            """
        ).run()
        try await sql.raw("DROP TABLE project_term_keys").run()
        try await sql.raw("ALTER TABLE project_term_keys_next RENAME TO project_term_keys").run()
        try await sql.raw(
            """
            ALTER TABLE project_term_keys ALTER COLUMN weight SET NOT NULL, ALTER COLUMN status SET NOT NULL,
            ALTER COLUMN codes SET NOT NULL,
            ADD CONSTRAINT project_term_keys_pkey PRIMARY KEY (term, key) INCLUDE (weight, status, owner, codes)
            """
        ).run()
        try await sql.raw("\(unsafeRaw: Self.countFunction)").run()
        // Index-only scans need the visibility map; autovacuum would get there, later.
        try await sql.raw("ANALYZE project_term_keys").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("ALTER TABLE project_term_keys DROP COLUMN status, DROP COLUMN owner, DROP COLUMN codes")
            .run()
        try await sql.raw("ALTER TABLE project_term_keys ADD PRIMARY KEY (term, key) INCLUDE (weight)").run()
        try await sql.raw("DROP FUNCTION project_terms_count() CASCADE").run()
        try await sql.raw("\(unsafeRaw: M0045CreateProjectTerms.countFunction)").run()
        try await M0045CreateProjectTerms.createCountTriggers(on: sql)
    }

    /// 0045's function, writing the codes too; a project's rows are rewritten when its text,
    /// key, status, owner or codes change.
    static let countFunction = """
        CREATE OR REPLACE FUNCTION project_terms_count() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO project_terms (term, df)
                SELECT t, COUNT(*) FROM new_rows, unnest(tsvector_to_array(document)) t GROUP BY t ORDER BY t
                ON CONFLICT (term) DO UPDATE SET df = project_terms.df + EXCLUDED.df;
                INSERT INTO project_term_keys (term, key, weight, status, owner, codes)
                SELECT u.lexeme, n.key, project_terms_weight(u.weights), n.status, n.owner, \(packed("n."))
                FROM new_rows n, unnest(n.document) u
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
                -- Per-project rows only for rows whose text, key, status, owner or codes changed.
                DELETE FROM project_term_keys k
                USING (SELECT o.key, t FROM old_rows o JOIN new_rows n ON n.project_id = o.project_id,
                       unnest(tsvector_to_array(o.document)) t WHERE \(changed)) d
                WHERE k.term = d.t AND k.key = d.key;
                INSERT INTO project_term_keys (term, key, weight, status, owner, codes)
                SELECT u.lexeme, n.key, project_terms_weight(u.weights), n.status, n.owner, \(packed("n."))
                FROM new_rows n JOIN old_rows o ON o.project_id = n.project_id, unnest(n.document) u
                WHERE n.key IS NOT NULL AND \(changed);
            END IF;
            RETURN NULL;
        END
        $$
        """

    /// The facet codes of a `project_search` row packed in one integer, as they were packed when
    /// this migration was written (types bits 0–3, stage 4–7, sector 8–11, county 12–19,
    /// centrality 20–23, research 24–27, evaluated 28). Frozen here so that a new layout in
    /// `ProjectFacetCodes` comes with a migration of its own; 0048 packs SQLite's rows the same way.
    static func packed(_ prefix: String) -> String {
        let p = prefix
        return "(\(p)types + 16 * \(p)stage + 256 * \(p)sector + 4096 * \(p)county + 1048576 * \(p)centrality "
            + "+ 16777216 * \(p)research + 268435456 * \(p)evaluated)"
    }

    private static let changed =
        "(o.document <> n.document OR o.key IS DISTINCT FROM n.key OR o.status <> n.status "
        + "OR o.owner IS DISTINCT FROM n.owner OR \(packed("o.")) <> \(packed("n.")))"
}
