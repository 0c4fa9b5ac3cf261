import FluentKit
import FluentSQL

/// PostgreSQL: `project_term_keys` ordered by weight within each lexeme, newest key first among
/// equal weights, so «similar projects» reads a bounded number of a term's holders (those where
/// it weighs most) instead of its whole range: on the 100k synthetic bank every key term is held
/// by thousands of projects, and reading all of them was the p95 (docs/PERFORMANCE.md, session 6).
/// SQLite: nothing to do (FTS5 ranks the holders itself).
///
/// Numbered from 0060: 0030–0049 are the project bank's first migrations, 0050–0059 left free.
struct M0060IndexProjectTermKeysByWeight: AsyncMigration {
    var name: String { "0060-index-project-term-keys-by-weight" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw(
            "CREATE INDEX project_term_keys_by_weight ON project_term_keys (term, weight DESC, key DESC)"
        ).run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("DROP INDEX project_term_keys_by_weight").run()
    }
}
