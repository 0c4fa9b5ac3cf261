import FluentKit
import FluentSQL

/// Los themes as a facet (issue 21, step 4): `themes` in the narrow search table (SQLite
/// `project_facets`, PostgreSQL `project_search`), packed in bits 30–43 of the facet codes; PostgreSQL's `project_term_keys.codes` becomes a bigint and its trigger function
/// packs the themes too. Filled from every stored document (``ProjectLosThemes``). Not a column of
/// `projects`: earlier migrations read ``ProjectRecord`` through FluentKit, which selects every field.
struct M0092AddLosThemes: AsyncMigration {
    var name: String { "0092-add-los-themes" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let postgres = sql.dialect.name == "postgresql"
        if postgres {
            try await sql.raw("ALTER TABLE project_search ADD COLUMN themes INTEGER NOT NULL DEFAULT 0").run()
            try await sql.raw("ALTER TABLE project_term_keys ALTER COLUMN codes TYPE BIGINT").run()
            try await sql.raw("\(unsafeRaw: Self.countFunction)").run()
        } else {
            try await sql.raw("ALTER TABLE project_facets ADD COLUMN themes INTEGER NOT NULL DEFAULT 0").run()
        }
        try await ProjectLosThemes.rebuild(on: sql)
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("\(unsafeRaw: M0047AddCodesToProjectTermKeys.countFunction)").run()
            try await sql.raw("ALTER TABLE project_search DROP COLUMN themes").run()
            try await sql.raw("UPDATE project_term_keys SET codes = codes & 1073741823").run()
            try await sql.raw("ALTER TABLE project_term_keys ALTER COLUMN codes TYPE INTEGER").run()
        } else {
            try await sql.raw("UPDATE project_facets SET packed = packed & 1073741823").run()
            try await sql.raw("ALTER TABLE project_facets DROP COLUMN themes").run()
        }
    }

    /// 0047's trigger function with the themes in the packed codes (frozen here).
    static let countFunction = M0047AddCodesToProjectTermKeys.countFunction
        .replacingOccurrences(of: M0047AddCodesToProjectTermKeys.packed("n."), with: packed("n."))
        .replacingOccurrences(of: M0047AddCodesToProjectTermKeys.packed("o."), with: packed("o."))

    /// 0047's packed codes plus the themes mask from bit 30.
    static func packed(_ prefix: String) -> String {
        "(" + M0047AddCodesToProjectTermKeys.packed(prefix) + " + 1073741824 * CAST(\(prefix)themes AS BIGINT))"
    }
}
