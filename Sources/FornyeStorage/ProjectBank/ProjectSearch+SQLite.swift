import FluentSQL

/// The SQLite side of `ProjectSearch` (FTS5 with bm25).
extension ProjectSearch {
    /// SQLite: one statement over the matches, materialized once (FTS5's bm25() cannot run inside
    /// an aggregate): a first row with every match's packed codes as one string (when `facets`),
    /// then, when `ranked`, the page's rows, best bm25 first, facet filters applied.
    static func sqliteHits(
        _ sql: any SQLDatabase, query: ProjectQuery, match: String?, ranked: Bool, offset: Int,
        counter: FacetCounter
    ) async throws -> (keys: [Int], counter: FacetCounter, total: Int) {
        var counter = counter
        let columns = ["key", "types", "stage", "sector", "county", "centrality", "research", "evaluated"]
        let rank = ranked ? ", bm25(project_fts, 0.0, 10.0, 4.0, 1.0) AS r" : ""
        let filters = FacetFilter(query).sql
        let filtered: SQLQueryString = filters.isEmpty ? "" : " WHERE " + filters.joined(separator: " AND ")
        // Without facets the total is counted here too, from the materialized rows.
        var parts: [SQLQueryString] = [
            query.facets
                ? "SELECT NULL AS k, NULL AS r, (SELECT group_concat(\(unsafeRaw: ProjectFacetCodes.packedSQL("")), ' ') "
                    + "FROM m) AS codes, NULL AS n"
                : "SELECT NULL AS k, NULL AS r, NULL AS codes, (SELECT COUNT(*) FROM m f\(filtered)) AS n"
        ]
        if ranked {
            parts.append(
                "SELECT * FROM (SELECT f.key AS k, f.r AS r, NULL AS codes, NULL AS n FROM m f\(filtered) "
                    + "ORDER BY f.r, f.key LIMIT \(literal: query.perPage) OFFSET \(literal: offset))")
        }
        let statement: SQLQueryString =
            "WITH m AS MATERIALIZED (SELECT \(unsafeRaw: columns.map { "f.\($0) AS \($0)" }.joined(separator: ", "))"
            + "\(unsafeRaw: rank) FROM \(from(match: match, postgres: false)) "
            + "WHERE \(conditions(query, match: match, postgres: false, facets: false))) "
            + parts.joined(separator: " UNION ALL ")
        var page: [(rank: Double, key: Int)] = []
        var total = 0
        for row in try await sql.raw(statement).all() {
            if let key = try row.decode(column: "k", as: Int?.self) {
                page.append((try row.decode(column: "r", as: Double.self), key))
            } else if let count = try row.decode(column: "n", as: Int?.self) {
                total = count
            } else {
                for packed in parseIntegers(try row.decode(column: "codes", as: String?.self) ?? "") {
                    _ = counter.add(packed)
                }
                total = counter.total
            }
        }
        // UNION ALL keeps no order of its own.
        return (page.sorted { $0 < $1 }.map(\.key), counter, total)
    }
}
