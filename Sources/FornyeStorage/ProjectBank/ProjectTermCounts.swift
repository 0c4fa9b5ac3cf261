import FluentKit
import FluentSQL
import FornyeProjectBank
import Foundation

/// The `project_terms` table (migration 0045): per index term, the number of projects that hold
/// it. PostgreSQL keeps it by triggers; on SQLite ``ProjectRepository`` calls ``adjust(adding:removing:on:)``
/// wherever it writes `project_fts`, in the same transaction.
enum ProjectTermCounts {
    /// SQLite: counts the projects whose indexed columns are `adding` and uncounts those in
    /// `removing` (each element one project's columns, as written to or read from `project_fts`).
    static func adjust(adding: [[String]], removing: [[String]] = [], on sql: any SQLDatabase) async throws {
        guard !ProjectRepository.isPostgres(sql) else { return }  // triggers count there
        var delta: [String: Int] = [:]
        for columns in adding { for term in SearchText.indexTerms(of: columns) { delta[term, default: 0] += 1 } }
        for columns in removing { for term in SearchText.indexTerms(of: columns) { delta[term, default: 0] -= 1 } }
        try await add(delta, to: "project_terms", on: sql)
    }

    /// Adds `delta` to the document frequencies in `table` (`term`, `df`), in term order (concurrent
    /// saves on PostgreSQL then lock the rows in the same order). Rows that reach 0 stay.
    /// `project_terms` and `project_similarity_terms` are both kept this way.
    static func add(_ delta: [String: Int], to table: String, on sql: any SQLDatabase) async throws {
        let changes = delta.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        for batch in ProjectRepository.batches(changes, size: 400) {
            let rows: [SQLQueryString] = batch.map { "(\(bind: $0.key), \(bind: $0.value))" }
            try await sql.raw(
                "INSERT INTO \(ident: table) (term, df) VALUES " + rows.joined(separator: ", ")
                    + " ON CONFLICT (term) DO UPDATE SET df = \(ident: table).df + excluded.df"
            ).run()
        }
    }

    /// SQLite: the indexed columns stored for `key`, nil when it has no entry.
    static func indexedColumns(of key: Int, on sql: any SQLDatabase) async throws -> [String]? {
        guard !ProjectRepository.isPostgres(sql),
            let row = try await sql.raw("SELECT title, summary, body FROM project_fts WHERE rowid = \(bind: key)")
                .first()
        else { return nil }
        return try ["title", "summary", "body"].map { try row.decode(column: $0, as: String?.self) ?? "" }
    }

    /// The counts as stored (terms no project holds any more left out).
    static func stored(on sql: any SQLDatabase) async throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try await sql.raw("SELECT term, df FROM project_terms WHERE df > 0").all() {
            result[try row.decode(column: "term", as: String.self)] = try row.decode(column: "df", as: Int.self)
        }
        return result
    }

    /// The counts recomputed from the index itself (SQLite: the FTS5 vocabulary; PostgreSQL:
    /// `ts_stat` over every tsvector).
    static func recomputed(on sql: any SQLDatabase) async throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try await sql.raw(recomputation(sql)).all() {
            result[try row.decode(column: "term", as: String.self)] = try row.decode(column: "df", as: Int.self)
        }
        return result
    }

    static func recomputation(_ sql: any SQLDatabase) -> SQLQueryString {
        ProjectRepository.isPostgres(sql)
            ? "SELECT word AS term, ndoc AS df FROM ts_stat('SELECT document FROM project_search')"
            : "SELECT term, doc AS df FROM project_fts_terms WHERE doc > 0"
    }

    /// PostgreSQL: the per-project rows (with status, owner and codes, migration 0047), as
    /// stored and as recomputed from the tsvectors.
    static func keys(on sql: any SQLDatabase, recomputed: Bool) async throws -> Set<String> {
        var result = Set<String>()
        for row in try await sql.raw(
            recomputed
                ? "SELECT * FROM (" + keyRecomputation + ") r"
                : "SELECT term, key, weight, status, owner, codes FROM project_term_keys"
        ).all() {
            let fields = [
                try row.decode(column: "term", as: String.self), "\(try row.decode(column: "key", as: Int.self))",
                "\(try row.decode(column: "weight", as: Int.self))",
                "\(try row.decode(column: "status", as: Int.self))",
                "\(try row.decode(column: "owner", as: Int?.self) ?? -1)",
                "\(try row.decode(column: "codes", as: Int.self))",
            ]
            result.insert(fields.joined(separator: " "))
        }
        return result
    }

    /// PostgreSQL: the per-project rows computed from the tsvectors.
    static var keyRecomputation: SQLQueryString {
        "SELECT u.lexeme AS term, s.key AS key, project_terms_weight(u.weights) AS weight, s.status AS status, "
            + "s.owner AS owner, \(unsafeRaw: ProjectFacetCodes.packedSQL("s.")) AS codes "
            + "FROM project_search s, unnest(s.document) u WHERE s.key IS NOT NULL"
    }

    /// Recomputes the tables (repairs; migration 0045 has its own frozen copy).
    static func rebuild(on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM project_terms").run()
        try await sql.raw("INSERT INTO project_terms (term, df) " + recomputation(sql)).run()
        if ProjectRepository.isPostgres(sql) {
            try await sql.raw("DELETE FROM project_term_keys").run()
            try await sql.raw(
                "INSERT INTO project_term_keys (term, key, weight, status, owner, codes) " + keyRecomputation
            ).run()
        }
    }
}
