import FluentSQL
import FornyeProjectBank
import Foundation

/// The PostgreSQL side of `ProjectSearch` (tsvector with `ts_rank`).
extension ProjectSearch {
    /// The page's keys and every match's facet codes (and, without facets, the total when known).
    /// A ranked search for one word, or for any of several («a or b»), reads its matches from
    /// `project_term_keys` (``termKeyHits(_:beside:query:match:offset:)``); other ranked searches
    /// make one pass over their matches, in two halves at once
    /// (``rankedHits(_:beside:query:match:offset:)``); unranked ones (newest, title) run two
    /// statements side by side on two pooled connections: the facet codes of every match and the
    /// page, ordered by the database with LIMIT.
    static func postgresHits(
        _ sql: any SQLDatabase, beside: any SQLDatabase, query: ProjectQuery, match: String?, ranked: Bool,
        offset: Int, counter: FacetCounter
    ) async throws -> (keys: [Int], counter: FacetCounter, total: Int?) {
        var counter = counter
        if ranked, let match {
            let hits =
                try await anyOf(match)
                ? termKeyHits(sql, beside: beside, query: query, match: match, offset: offset)
                : rankedHits(sql, beside: beside, query: query, match: match, offset: offset)
            if let hits {
                for packed in hits.codes { _ = counter.add(packed) }
                return (hits.keys, counter, hits.total)
            }
        }
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
        return (keys, counter, nil)
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

    /// Whether `match` is one word, or runs of words joined by « or » (letters and digits only):
    /// its tsquery is then one lexeme or an OR of lexemes and ANDs of lexemes (a translation of
    /// several words), which `project_term_keys` answers exactly.
    static func anyOf(_ match: String) -> Bool {
        let words = match.split(separator: " ", omittingEmptySubsequences: false)
        guard match.unicodeScalars.allSatisfy({ $0 == " " || $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        else { return false }
        return words.indices.allSatisfy { index in
            guard !words[index].isEmpty else { return false }
            guard words[index] == "or" else { return true }
            return index > 0 && index < words.count - 1 && words[index - 1] != "or" && words[index + 1] != "or"
        }
    }

    /// How many matches, best by their summed lexeme weights (title 10, summary 4, body 2 per
    /// occurrence), are re-ranked by `ts_rank`: the best 200 and every match that ties with the
    /// 200th (weights tie in large groups, and `ts_rank` then orders them by document length), at
    /// most 2,000. On the 100k synthetic bank this gave the same top 20 as `ts_rank` over every
    /// match for all 77 sampled words (docs/PERFORMANCE.md, session 5).
    static let reranked = 200
    static let rerankedAtMost = 2_000

    /// A ranked search whose tsquery is one lexeme or an OR of lexemes, from `project_term_keys`
    /// (migration 0047) alone: the holders of the query's lexemes, with their weights, status,
    /// owner and packed codes, are one contiguous index-only range per lexeme; no match's
    /// `project_search` row is read except the best ``reranked`` ones, for `ts_rank`. The order is
    /// total and the same on every page: the re-ranked ones by `ts_rank` (then key), then the rest
    /// by weight (then key). Only top-N sorts run (the 200th weight, the re-ranked, the page), never
    /// a sort of every match, and the rest is read only when the page reaches past the re-ranked.
    /// nil when PostgreSQL parsed the text into anything else (then the tsvector path runs).
    static func termKeyHits(
        _ sql: any SQLDatabase, beside: any SQLDatabase, query: ProjectQuery, match: String, offset: Int
    ) async throws -> (keys: [Int], codes: [Int], total: Int)? {
        var conditions: [SQLQueryString] = ["k.status IN (\(binds: query.statuses.map(ProjectFacetCode.of)))"]
        if let owner = query.owner { conditions.append("k.owner = \(bind: Int(owner) ?? -1)") }
        let holders: SQLQueryString = conditions.joined(separator: " AND ")
        // Several lexemes' score per key, like BM25 without length normalisation.
        let summed: SQLQueryString = "SUM(w.w * k.weight / (k.weight + 10.0))::bigint AS s, MIN(k.codes) AS codes"
        // `c`: each clause of the tsquery (its ORed parts) with its lexemes (ANDed); `l`: the
        // distinct lexemes. A query PostgreSQL parsed into anything else (phrase, negation,
        // nesting) is flagged `unsupported` and left to the tsvector path.
        let lexemes: SQLQueryString = """
            WITH q AS (
                SELECT websearch_to_tsquery('norwegian', \(bind: match)) || websearch_to_tsquery('english', \(bind: match)) AS query
            ), c AS (
                SELECT DISTINCT c.i, replace(x[1], '''''', '''') AS term
                FROM q, regexp_split_to_table(q.query::text, ' \\| ') WITH ORDINALITY c(clause, i),
                regexp_matches(c.clause, '''((?:[^'']|'''')*)''', 'g') x WHERE q.query::text !~ '[<!()]'
            ), n AS (
                -- Each clause's number of lexemes.
                SELECT c.i, COUNT(*) AS n FROM c GROUP BY c.i
            ), l AS (
                -- Each lexeme, its holders (by a scalar subquery: one index look-up per lexeme,
                -- where a join chose to read all of `project_terms`) and the fewest lexemes of a
                -- clause it is in.
                SELECT c.term, COALESCE((SELECT d.df FROM project_terms d WHERE d.term = c.term), 0) AS df,
                MIN(n.n) AS run FROM c JOIN n ON n.i = c.i GROUP BY c.term
            ), w AS (
                -- Each lexeme's idf weight (×100), as in BM25; a lexeme of a run of n (a translation
                -- of several words) 0.8 / n of it: the run is one word of the query, and weaker
                -- evidence than the word itself.
                SELECT l.term, 100.0 * ln(1.0 + \(unsafeRaw: Self.projectCountSQL) / GREATEST(l.df, 1))
                * CASE WHEN l.run = 1 THEN 1.0 ELSE 0.8 / l.run END AS w
                FROM l
            ), multi AS (
                SELECT EXISTS (SELECT 1 FROM n WHERE n.n > 1) AS yes
            ), rarest AS (
                -- Each clause's lexeme with the fewest holders.
                SELECT DISTINCT ON (c.i) c.i, c.term FROM c JOIN l ON l.term = c.term ORDER BY c.i, l.df, c.term
            ), sat AS MATERIALIZED (
                -- The keys satisfying each clause, read from its rarest lexeme's range and checked
                -- for the others by index probes: a clause of common words («rus offic») never
                -- reads every holder of them.
                SELECT k.key, r.i FROM rarest r JOIN project_term_keys k ON k.term = r.term
                WHERE (SELECT yes FROM multi) AND \(holders) AND NOT EXISTS (
                    SELECT 1 FROM c o WHERE o.i = r.i AND o.term <> r.term AND NOT EXISTS (
                        SELECT 1 FROM project_term_keys p WHERE p.term = o.term AND p.key = k.key))
            ), m AS MATERIALIZED (
                -- One lexeme: its range as it is (each key once).
                SELECT k.key, k.weight::bigint AS s, k.codes FROM project_term_keys k
                WHERE (SELECT COUNT(*) FROM l) = 1 AND k.term = (SELECT term FROM l) AND \(holders)
                UNION ALL
                -- Several, each clause one lexeme: like BM25 without length normalisation,
                -- Σ idf × weight / (weight + 10) (×100) per key.
                SELECT k.key, \(summed)
                FROM w JOIN project_term_keys k ON k.term = w.term
                WHERE (SELECT COUNT(*) FROM l) > 1 AND NOT (SELECT yes FROM multi) AND \(holders) GROUP BY k.key
                UNION ALL
                -- Some clause of several lexemes: scored alike over the lexemes of the clauses it
                -- satisfies (`sat`), so a loose word of a translation it does not hold counts nothing.
                SELECT k.key, \(summed)
                FROM (SELECT DISTINCT sat.key, c.term FROM sat JOIN c ON c.i = sat.i) h
                JOIN w ON w.term = h.term JOIN project_term_keys k ON k.term = h.term AND k.key = h.key
                GROUP BY k.key
            ), r AS MATERIALIZED (\(facetFiltered(query, score: "s")))
            """
        // One lexeme: `ts_rank` (its length normalisation orders holders of the same weight);
        // several: their summed idf-weighted score (`ts_rank` knows no idf), with the coverage bonus.
        let rank: SQLQueryString =
            "CASE WHEN (SELECT COUNT(*) FROM l) = 1 THEN ts_rank(d.document, q.query, 1) ELSE t.s END"
            + (try await coverageFactor(query, sql: sql))
        // Without facet filters every match passes: `m` itself, not a copy. Prepared then only:
        // the filters' masks are literals, so each ticked combination would be another statement.
        let unfiltered = FacetFilter(query).sql.isEmpty
        let passing = unfiltered ? "m" : "r"
        // Top-N sorts only (never a sort of every match): the re-ranked by `ts_rank` (then key),
        // then the rest by weight (then key).
        let order = "p.t IS NULL, p.t DESC, CASE WHEN p.t IS NOT NULL THEN p.key END, p.s DESC, p.key"
        // The summary (every match's codes, or the count) and the page at once, on two
        // connections: each reads the lexemes' ranges, and neither waits for the other's work.
        // Prepared (planned once per connection): every varying value is a bind.
        async let summaryRows = PreparedStatements.all(
            beside,
            lexemes
                + """

                SELECT NULL::integer AS k, NULL::bigint AS o, q.query::text ~ '[<!()]' AS unsupported,
                \(summary(query, counted: passing)) FROM q
                """,
            prepare: unfiltered
        )
        let pageRows = try await PreparedStatements.all(
            sql,
            lexemes
                + """
                , t AS MATERIALIZED (
                    SELECT r.key, r.s FROM \(unsafeRaw: passing) r
                    WHERE r.s >= COALESCE((SELECT s FROM \(unsafeRaw: passing) ORDER BY s DESC LIMIT 1 OFFSET \(literal: reranked - 1)), 0)
                    ORDER BY r.s DESC, r.key LIMIT \(literal: rerankedAtMost)
                ), p AS (
                    -- The re-ranked's documents by key look-ups (a join read the whole table when
                    -- the matches were estimated many).
                    SELECT t.key, t.s, (SELECT \(rank) FROM project_search d WHERE d.key = t.key) AS t FROM t, q
                    UNION ALL
                    -- The rest only when the page reaches past the re-ranked.
                    SELECT r.key, r.s, NULL FROM \(unsafeRaw: passing) r
                    WHERE (SELECT COUNT(*) FROM t) < \(bind: offset + query.perPage)
                    AND NOT EXISTS (SELECT 1 FROM t WHERE t.key = r.key)
                )
                SELECT p.key AS k, row_number() OVER (ORDER BY \(unsafeRaw: order)) AS o FROM (
                    SELECT p.key, p.s, p.t FROM p ORDER BY \(unsafeRaw: order)
                    LIMIT \(bind: query.perPage) OFFSET \(bind: offset)
                ) p
                """,
            prepare: unfiltered
        )
        return try pageAndSummary(try await summaryRows + pageRows)
    }

    /// A ranked search with any other tsquery (words that must all occur, phrases, negations):
    /// every match's `project_search` row must be read, for `ts_rank` and its packed codes (one
    /// pass does both), and that is memory-bound work on random pages (docs/PERFORMANCE.md,
    /// session 6). So the matches are split by key parity and the halves run at once on two
    /// connections (`sql`, `beside`), each through its own partial GIN index (migration 0061) so
    /// that it visits only its half's rows; the pages are merged by rank. The order is `ts_rank`
    /// (then key), as `pageKeys` orders: the same float4 values decide on both sides.
    static func rankedHits(
        _ sql: any SQLDatabase, beside: any SQLDatabase, query: ProjectQuery, match: String, offset: Int
    ) async throws -> (keys: [Int], codes: [Int], total: Int)? {
        async let evenHalf = rankedHalf(sql, parity: 0, query: query, match: match, depth: offset + query.perPage)
        let odd = try await rankedHalf(beside, parity: 1, query: query, match: match, depth: offset + query.perPage)
        let even = try await evenHalf
        let merged = (even.page + odd.page).sorted { ($0.score, -$0.key) > ($1.score, -$1.key) }
        let keys = merged.dropFirst(offset).prefix(query.perPage).map(\.key)
        return (Array(keys), even.codes + odd.codes, even.total + odd.total)
    }

    /// One parity's matches: their codes (or, without facets, the number passing the filters) and
    /// the best `depth` of those passing, with their `ts_rank`. The parity is a literal, so the
    /// planner matches the partial index's predicate.
    static func rankedHalf(_ sql: any SQLDatabase, parity: Int, query: ProjectQuery, match: String, depth: Int)
        async throws -> (page: [(key: Int, score: Float)], codes: [Int], total: Int)
    {
        let packed = ProjectFacetCodes.packedSQL("f.")
        let rows = try await sql.raw(
            """
            WITH m AS MATERIALIZED (
                SELECT f.key, ts_rank(f.document, q.query, 1) AS s, \(unsafeRaw: packed) AS codes
                FROM \(from(match: match, postgres: true))
                WHERE \(conditions(query, match: match, postgres: true, facets: false)) AND f.key % 2 = \(literal: parity)
            ), r AS MATERIALIZED (\(facetFiltered(query, score: "s")))
            SELECT NULL::integer AS k, NULL::real AS s, \(summary(query, counted: "r"))
            UNION ALL
            SELECT z.key, z.s, NULL::text, NULL::bigint
            FROM (SELECT r.key, r.s FROM r ORDER BY r.s DESC, r.key LIMIT \(literal: depth)) z
            """
        ).all()
        var page: [(key: Int, score: Float)] = []
        var codes: [Int] = []
        var total = 0
        for row in rows {
            if let key = try row.decode(column: "k", as: Int?.self) {
                page.append((key, try row.decode(column: "s", as: Float.self)))
            } else {
                (codes, total) = try summary(of: row)
            }
        }
        return (page, codes, total)
    }

    /// The number of projects near enough (as ``projectCount(_:)``), inside a statement: one
    /// index look-up, not a round trip.
    static let projectCountSQL = "(SELECT GREATEST(COALESCE(MAX(key), 0), 1)::float8 FROM project_search)"

    /// PostgreSQL's counterpart of `sqliteRank`'s coverage bonus, as a factor of the re-ranked
    /// matches' `ts_rank`: × (1 + 2 × the idf-weighted share of the query's word groups the document
    /// matches), each group its alternatives (``SearchQueryPlan/websearchAlternatives(_:)``) in
    /// both configurations, its idf ln(1 + projects / df) from its most frequent lexeme in
    /// `project_terms`. Empty for one group (nothing to cover) or none that any project holds.
    static func coverageFactor(_ query: ProjectQuery, sql: any SQLDatabase) async throws -> SQLQueryString {
        let groups = query.plan.groups.map(SearchQueryPlan.websearchAlternatives).filter { !$0.isEmpty }
        guard groups.count > 1 else { return "" }
        let values: [SQLQueryString] = groups.enumerated().map {
            "(\(literal: $0.offset), \(bind: $0.element.joined(separator: " ")))"
        }
        var df: [Int: Int] = [:]
        var total = 1.0
        for row in try await PreparedStatements.all(
            sql,
            """
            SELECT g.i, MAX(t.df) AS df, \(unsafeRaw: Self.projectCountSQL) AS n FROM (VALUES
            """ + values.joined(separator: ", ")
                + """
                ) g(i, words), unnest(tsvector_to_array(to_tsvector('norwegian', g.words)
                || to_tsvector('english', g.words))) x(term) JOIN project_terms t ON t.term = x.term GROUP BY g.i
                """
        ) {
            df[try row.decode(column: "i", as: Int.self)] = try row.decode(column: "df", as: Int.self)
            total = try row.decode(column: "n", as: Double.self)
        }
        let weights = groups.indices.map { index in df[index].map { $0 > 0 ? log(1 + total / Double($0)) : 0 } ?? 0 }
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return "" }
        let covered: [SQLQueryString] = zip(groups, weights).filter { $0.1 > 0 }.map { words, weight in
            let text = words.joined(separator: " or ")
            // The weight as a numeric bind: the value its literal had, without a text per weight.
            return "CASE WHEN d.document @@ (websearch_to_tsquery('norwegian', \(bind: text)) "
                + "|| websearch_to_tsquery('english', \(bind: text))) THEN \(bind: "\(weight / sum)")::numeric ELSE 0 END"
        }
        return " * (1.0 + \(literal: coverageBonus) * (" + covered.joined(separator: " + ") + "))"
    }

    /// `m`'s matches (key, `score`, packed codes) that pass the facet filters, as (key, score):
    /// the filter columns are unpacked from the codes (bits as in `ProjectFacetCodes.packedSQL`).
    private static func facetFiltered(_ query: ProjectQuery, score: String) -> SQLQueryString {
        let filters = FacetFilter(query).sql
        guard !filters.isEmpty else { return "SELECT m.key, m.\(unsafeRaw: score) AS s FROM m" }
        let columns = [
            ("types", 0, 15), ("stage", 4, 15), ("sector", 8, 15), ("county", 12, 255), ("centrality", 20, 15),
            ("research", 24, 15), ("evaluated", 28, 3), ("themes", 30, 16383),
        ].map { "(m.codes >> \($0.1)) & \($0.2) AS \($0.0)" }.joined(separator: ", ")
        return
            "SELECT f.key, f.s FROM (SELECT m.key, m.\(unsafeRaw: score) AS s, \(unsafeRaw: columns) FROM m) f WHERE "
            + filters.joined(separator: " AND ")
    }

    /// The summary columns: every match's codes (with facets; near misses of the facet filters
    /// included), or the number of filtered matches in `counted`.
    private static func summary(_ query: ProjectQuery, counted: String) -> SQLQueryString {
        query.facets
            ? "(SELECT string_agg(codes::text, ' ') FROM m) AS codes, NULL::bigint AS n"
            : "NULL::text AS codes, (SELECT COUNT(*) FROM \(unsafeRaw: counted)) AS n"
    }

    /// The summary row's codes (with facets) and total (the count without facets, else the codes').
    private static func summary(of row: any SQLRow) throws -> (codes: [Int], total: Int) {
        let codes = parseIntegers(try row.decode(column: "codes", as: String?.self) ?? "")
        return (codes, try row.decode(column: "n", as: Int?.self) ?? codes.count)
    }

    /// Reads the summary row and the page rows of `termKeyHits`; nil when the
    /// summary says the query is not one this path answers.
    private static func pageAndSummary(_ rows: [any SQLRow]) throws -> (keys: [Int], codes: [Int], total: Int)? {
        var page: [(order: Int, key: Int)] = []
        var codes: [Int] = []
        var total = 0
        for row in rows {
            if let key = try row.decode(column: "k", as: Int?.self) {
                page.append((try row.decode(column: "o", as: Int.self), key))
            } else {
                if try row.decode(column: "unsupported", as: Bool.self) { return nil }
                (codes, total) = try summary(of: row)
            }
        }
        // UNION ALL keeps no order of its own.
        return (page.sorted { $0.order < $1.order }.map(\.key), codes, total)
    }
}
