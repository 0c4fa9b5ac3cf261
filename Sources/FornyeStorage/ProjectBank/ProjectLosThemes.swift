import FluentSQL
import FornyeProjectBank
import Foundation

/// The Los themes of stored projects (``LosThemes``) in the narrow search table's `themes` (bits
/// 30–43 of the packed codes). Saves, bulk loads and deletes write them with the other facet codes
/// in their own transaction (``ProjectFacetCodes``); this recomputes them from the stored
/// documents (migration 0092, and any later change to the mapping, which needs a migration that
/// calls it).
enum ProjectLosThemes {
    /// A sample of the demo bank's themes judged by reading (`LosThemeJudgementTests` keeps it current).
    static var judgements: URL? {
        Bundle.module.url(forResource: "los-theme-judgements", withExtension: "tsv", subdirectory: "Resources/search")
    }

    /// Recomputes every project's themes; returns how many projects have at least one.
    @discardableResult
    static func rebuild(on sql: any SQLDatabase) async throws -> Int {
        let postgres = ProjectRepository.isPostgres(sql)
        let join =
            postgres
            ? "JOIN project_search f ON f.project_id = p.id" : "JOIN project_facets f ON f.key = p.search_key"
        let decoder = JSONDecoder()
        var tagged = 0
        var after = Int.min
        while true {
            let rows = try await sql.raw(
                """
                SELECT p.search_key AS k, f.themes AS t, p.document_json AS d FROM projects p \(unsafeRaw: join)
                WHERE p.search_key > \(bind: after) ORDER BY p.search_key LIMIT 500
                """
            ).all()
            guard !rows.isEmpty else { return tagged }
            var changed: [(key: Int, themes: Int)] = []
            for row in rows {
                let key = try row.decode(column: "k", as: Int.self)
                let json = try row.decode(column: "d", as: String.self)
                let themes = LosThemes.mask(of: try decoder.decode(ProjectDocument.self, from: Data(json.utf8)))
                if themes != 0 { tagged += 1 }
                if themes != (try row.decode(column: "t", as: Int.self)) { changed.append((key, themes)) }
                after = key
            }
            try await write(changed, on: sql)
        }
    }

    private static func write(_ changed: [(key: Int, themes: Int)], on sql: any SQLDatabase) async throws {
        guard !changed.isEmpty else { return }
        let values: [SQLQueryString] = changed.map { "(\(bind: $0.key), \(bind: $0.themes))" }
        let with: SQLQueryString = "WITH v(k, t) AS (VALUES " + values.joined(separator: ", ") + ") "
        if ProjectRepository.isPostgres(sql) {
            // The statement trigger on project_search rewrites the projects' project_term_keys codes.
            try await sql.raw(with + "UPDATE project_search SET themes = v.t FROM v WHERE project_search.key = v.k")
                .run()
        } else {
            try await sql.raw(
                with
                    + """
                    UPDATE project_facets SET themes = v.t,
                    packed = packed + \(literal: ProjectFacetCode.themesFactor) * (v.t - themes)
                    FROM v WHERE project_facets.key = v.k
                    """
            ).run()
        }
    }
}
