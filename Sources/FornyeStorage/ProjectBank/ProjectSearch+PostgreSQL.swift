import FluentSQL

/// The PostgreSQL side of `ProjectSearch` (tsvector with `ts_rank`).
extension ProjectSearch {
    /// Two statements side by side on two pooled connections: the facet codes of every match
    /// (the narrow columns only, never the ranking) and the page, ranked by the database with LIMIT.
    static func postgresHits(
        _ sql: any SQLDatabase, query: ProjectQuery, match: String?, ranked: Bool, offset: Int,
        counter: FacetCounter
    ) async throws -> (keys: [Int], counter: FacetCounter) {
        var counter = counter
        let codes: Task<[Int], any Error>? =
            query.facets ? Task { [query] in try await Self.codes(sql, query: query, match: match) } : nil
        let keys: [Int]
        do {
            keys = try await Self.pageKeys(sql, query: query, match: match, ranked: ranked, offset: offset)
        } catch {
            codes?.cancel()
            throw error
        }
        for packed in try await codes?.value ?? [] { _ = counter.add(packed) }
        return (keys, counter)
    }

    /// PostgreSQL: the packed facet codes of every match (status and owner applied, facet filters
    /// not: `FacetCounter` needs the near misses for disjunctive counts).
    static func codes(_ sql: any SQLDatabase, query: ProjectQuery, match: String?) async throws -> [Int] {
        let packed = ProjectFacetCodes.packedSQL("f.")
        let row = try await sql.raw(
            "SELECT string_agg(\(unsafeRaw: packed)::text, ' ') AS codes FROM \(from(match: match, postgres: true)) "
                + "WHERE \(conditions(query, match: match, postgres: true, facets: false))"
        ).first()
        return parseIntegers(try row?.decode(column: "codes", as: String?.self) ?? "")
    }
}
