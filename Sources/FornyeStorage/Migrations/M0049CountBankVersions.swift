import FluentKit
import FluentSQL
import Foundation

/// A version number of the project bank's searchable state, kept in the database and raised by
/// triggers in the same transaction as any write to the narrow search table (SQLite
/// `project_facets`, PostgreSQL `project_search`), whichever code path writes it: imports, bulk
/// loads, status changes, deletes (PostgreSQL's cascade too). `ProjectFacetCountCache` keys the
/// facet counts of wordless browsing by it, so every process and app instance on the same
/// database sees a write at its next browse. `instance` is random per database, so two
/// databases with equal versions (tests, restores) never share cached counts.
struct M0049CountBankVersions: AsyncMigration {
    var name: String { "0049-count-bank-versions" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(
            "CREATE TABLE project_bank_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL, instance TEXT NOT NULL)"
        ).run()
        try await sql.raw(
            "INSERT INTO project_bank_version (id, version, instance) VALUES (1, 1, \(bind: UUID().uuidString))"
        ).run()
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                CREATE FUNCTION project_bank_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE project_bank_version SET version = version + 1 WHERE id = 1;
                    RETURN NULL;
                END $$
                """
            ).run()
            // Once per statement: a bulk insert of 10,000 rows bumps it once.
            try await sql.raw(
                """
                CREATE TRIGGER project_bank_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
                ON project_search FOR EACH STATEMENT EXECUTE FUNCTION project_bank_version_bump()
                """
            ).run()
        } else {
            // SQLite has row triggers only.
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER project_bank_version_\(unsafeRaw: event.lowercased()) AFTER \(unsafeRaw: event)
                    ON project_facets BEGIN UPDATE project_bank_version SET version = version + 1 WHERE id = 1; END
                    """
                ).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP TRIGGER project_bank_version_bump ON project_search").run()
            try await sql.raw("DROP FUNCTION project_bank_version_bump()").run()
        } else {
            for event in ["insert", "update", "delete"] {
                try await sql.raw("DROP TRIGGER project_bank_version_\(unsafeRaw: event)").run()
            }
        }
        try await sql.raw("DROP TABLE project_bank_version").run()
    }
}
