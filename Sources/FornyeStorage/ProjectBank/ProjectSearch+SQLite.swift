import FluentSQL

/// The SQLite side of `ProjectSearch` (FTS5 with bm25).
extension ProjectSearch {
    /// SQLite: two statements side by side on two connections (`beside`: another event loop's), as
    /// on PostgreSQL: the page
    /// (ranked by bm25() with LIMIT, or newest first) and, at the same time, the stored packed
    /// facet codes of every match (never ranked; `tally`). Without facets the tally is the count.
    /// The wall time is about the longer of the two when a second core is free; the CPU is about
    /// the old single materialized statement's (which ranked, copied and packed every match).
    static func sqliteHits(
        _ sql: any SQLDatabase, beside: any SQLDatabase, query: ProjectQuery, match: String?, ranked: Bool,
        offset: Int, counter: FacetCounter
    ) async throws -> (keys: [Int], counter: FacetCounter, total: Int) {
        var counter = counter
        // Counts of the same words and filters at this bank version are kept (ProjectFacetCountCache).
        let cacheKey = ProjectFacetCountCache.Key(query, match: match)
        let stamp = shortcuts && match != nil ? try await ProjectFacetCountCache.stamp(sql) : nil
        let cached = query.facets ? stamp.flatMap { ProjectFacetCountCache.searches.counter(cacheKey, at: $0) } : nil
        let tally = Task { [query] () -> Tally in
            if cached != nil { return .codes([]) }
            // The matches' keys and the facet table held in memory (ProjectFacetTable.swift).
            if let stamp, let match,
                let codes = try await sqliteTableCodes(beside, query: query, match: match, stamp: stamp)
            {
                return .codes(codes)
            }
            return query.facets
                ? .codes(try await sqliteCodes(beside, query: query, match: match))
                : .count(try await count(beside, query: query, match: match))
        }
        let keys: [Int]
        do {
            // Ranked: the max-score cut first (ProjectSearch+RankCut.swift), every match when it cannot decide.
            if ranked, let match, let cut = try await cutPageKeys(sql, query: query, match: match, offset: offset) {
                keys = cut
            } else {
                keys = try await pageKeys(sql, query: query, match: match, ranked: ranked, offset: offset)
            }
        } catch {
            tally.cancel()
            throw error
        }
        if let cached { return (keys, cached, cached.total) }
        switch try await tally.value {
        case .count(let total):
            return (keys, counter, total)
        case .codes(let codes):
            // Without facets the counter still applies the facet filters: its total is the count.
            for packed in codes { _ = counter.add(packed) }
            if query.facets, let stamp { ProjectFacetCountCache.searches.store(counter, for: cacheKey, at: stamp) }
            return (keys, counter, counter.total)
        }
    }

    /// What the statement beside the page gives: every match's packed codes, or the count.
    enum Tally: Sendable {
        case codes([Int])
        case count(Int)
    }

    /// SQLite: the packed facet codes (migration 0048's stored column) of every match, status and
    /// owner applied, facet filters not (`FacetCounter` needs the near misses), as one string.
    static func sqliteCodes(_ sql: any SQLDatabase, query: ProjectQuery, match: String?) async throws -> [Int] {
        let row = try await sql.raw(
            "SELECT group_concat(f.packed, ' ') AS codes FROM \(from(match: match, postgres: false)) "
                + "WHERE \(conditions(query, match: match, postgres: false, facets: false))"
        ).first()
        return parseIntegers(try row?.decode(column: "codes", as: String?.self) ?? "")
    }
}
