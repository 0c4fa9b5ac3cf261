import FluentKit
import FluentSQL

/// PostgreSQL: two partial GIN indexes on `project_search.document`, for even and for odd keys,
/// so that a ranked all-words search can run as two halves at once on two connections, each
/// visiting only its half of the matches' rows (`ProjectSearch.rankedHits`). The full index
/// stays for every other statement. SQLite: nothing to do.
struct M0061SplitSearchIndexByKeyParity: AsyncMigration {
    var name: String { "0061-split-search-index-by-key-parity" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        for (name, parity) in [("even", 0), ("odd", 1)] {
            try await sql.raw(
                """
                CREATE INDEX project_search_document_\(unsafeRaw: name) ON project_search
                USING gin (document) WHERE key % 2 = \(literal: parity)
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        for name in ["even", "odd"] {
            try await sql.raw("DROP INDEX project_search_document_\(unsafeRaw: name)").run()
        }
    }
}
