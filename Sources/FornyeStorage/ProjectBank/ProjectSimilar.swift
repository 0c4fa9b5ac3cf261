import FluentKit
import FluentSQL
public import FornyeProjectBank
import Foundation

extension ProjectSearch {
    /// Projects like `document`, best first, `slug` (the project itself) left out.
    ///
    /// Two steps. Candidates come from the document's key terms (title, summary, problem, target
    /// group, service area and solution; what the project is about and for whom count twice), and
    /// for a Norwegian document their English translations too, rarest in the bank first, as many
    /// as keep the summed document frequency under `budget` (counted in `project_terms`,
    /// migration 0045): the OR query then ranks at most that many index entries however large the
    /// bank. When even the rarest is more common than that, candidates must share two of the
    /// rarest key terms instead (``pairs(_:frequencies:minimum:total:budget:most:)``). The best
    /// 60 by text rank are then ordered by the tf-idf cosine of their text with the document's
    /// (``SimilarityTerms``: every content term weighed by its importance in the bank, not by
    /// rarity alone; Norwegian records meet English ones through their translations), read from
    /// the vectors stored at each save (migration 0088); only the best `limit` records are loaded.
    public func similar(to document: ProjectDocument, excluding slug: String? = nil, limit: Int = 5) async throws
        -> [ProjectRecord]
    {
        try await similar(to: document, excluding: slug, limit: limit, budget: Self.budget)
    }

    /// `similar` with another budget (tests use a small one to reach the pairs on a small bank).
    func similar(to document: ProjectDocument, excluding slug: String?, limit: Int, budget: Int) async throws
        -> [ProjectRecord]
    {
        let about = [document.problem, document.targetGroup, document.serviceArea].joined(separator: " ")
        let text = [document.title, document.title, document.summary, about, about, document.solution]
            .joined(separator: " ")
        let language = SearchLanguage(code: document.language)
        var keyTerms = SearchText.keyTerms(text, count: 16, language: language)
        if language == .norwegian {
            // The bank is mostly English: the key terms' translations find English candidates.
            keyTerms += keyTerms.prefix(8).flatMap { SimilarityTerms.english(of: $0) }.filter { !keyTerms.contains($0) }
        }
        guard !keyTerms.isEmpty else { return [] }
        let sql = try ProjectRepository.sql(database)
        // PostgreSQL stems with its own Norwegian and English dictionaries: it gets a word for each stem.
        let words = ProjectRepository.isPostgres(sql) ? Self.words(byStem: text, language: language) : [:]
        var own: Int?
        if let slug {
            own = try await sql.raw("SELECT search_key AS k FROM projects WHERE slug = \(bind: slug)").first()?
                .decode(column: "k", as: Int.self)
        }
        let topicTerms = SearchText.keyTerms(
            [document.serviceArea, document.targetGroup].joined(separator: " "), count: 6, language: language)
        let frequencies = try await Self.documentFrequencies(Array(Set(keyTerms + topicTerms)), words: words, sql: sql)
        let minimum = own == nil ? 1 : 2
        let terms = Self.rarest(keyTerms, topic: topicTerms, frequencies: frequencies, minimum: minimum, budget: budget)
        guard let rarest = terms.first else { return [] }
        var groups = terms.map { [$0] }
        let paired = frequencies[rarest]! > budget
        if paired {
            // Even the rarest key term is common in a large bank: a candidate must then share two
            // of the rarest key terms, so that the ranking still reads about `budget` entries.
            let total = try await Self.projectCount(sql)
            groups = Self.pairs(keyTerms, frequencies: frequencies, minimum: minimum, total: total, budget: budget)
        }
        let scoring = try await Self.scoring(frequencies, sql: sql)
        var candidates = try await Self.ranked(
            groups, words: words, scoring: scoring, sql: sql, excluding: own, limit: 60, budget: budget)
        if candidates.isEmpty && paired {
            // No project shares two of them: the rarest term alone.
            candidates = try await Self.ranked(
                [[rarest]], words: words, scoring: scoring, sql: sql, excluding: own, limit: 60, budget: budget)
        }
        guard !candidates.isEmpty else { return [] }
        let best = try await Self.byCosine(document, candidates.map(\.key), limit: limit, sql: sql)
        return try await Self.records(sql, keys: best).records
    }

    /// `keys` ordered by the tf-idf cosine of their projects' stored vectors with `document`'s
    /// (equal scores: the text rank's order, which `keys` has), best `limit`. Two indexed reads:
    /// the candidates' vectors and the document frequencies of their terms (at most
    /// ``SimilarityTerms/most`` a project), both kept by every save (migration 0088).
    static func byCosine(_ document: ProjectDocument, _ keys: [Int], limit: Int, sql: any SQLDatabase)
        async throws -> [Int]
    {
        let source = SimilarityTerms(document)
        let vectors = try await ProjectSimilarityVectors.stored(keys, on: sql)
        let terms = Set(source.weights.keys).union(vectors.values.flatMap(\.weights.keys))
        let frequencies = try await ProjectSimilarityVectors.frequencies(Array(terms).sorted(), on: sql)
        let total = try await projectCount(sql)
        let idf = frequencies.mapValues { SimilarityTerms.idf(documentFrequency: $0, projects: total) }
        let rarest = SimilarityTerms.idf(documentFrequency: 1, projects: total)
        let scores = keys.map { key in vectors[key].map { source.cosine($0, idf: { idf[$0] ?? rarest }) } ?? 0 }
        let order = keys.indices.sorted { (scores[$0], -$0) > (scores[$1], -$1) }
        return order.prefix(limit).map { keys[$0] }
    }

    /// How many projects hold each term, from `project_terms` (migration 0045): one indexed
    /// look-up per term, whatever the term's frequency. PostgreSQL counts tsvector lexemes, so a
    /// term is looked up by the Norwegian and the English lexeme of its word (summed: a bound).
    static func documentFrequencies(_ terms: [String], words: [String: String], sql: any SQLDatabase) async throws
        -> [String: Int]
    {
        guard !terms.isEmpty else { return [:] }
        var result: [String: Int] = [:]
        if ProjectRepository.isPostgres(sql) {
            let values: [SQLQueryString] = terms.enumerated().map { index, term in
                "(\(literal: index), CAST(\(bind: words[term] ?? term) AS TEXT))"
            }
            let statement: SQLQueryString =
                "SELECT v.i AS i, COALESCE((SELECT SUM(t.df) FROM project_terms t WHERE t.term = ANY(tsvector_to_array("
                + "to_tsvector('norwegian', v.w) || to_tsvector('english', v.w)))), 0) AS n FROM (VALUES "
                + values.joined(separator: ", ") + ") v(i, w)"
            for row in try await sql.raw(statement).all() {
                result[terms[try row.decode(column: "i", as: Int.self)]] = try row.decode(column: "n", as: Int.self)
            }
        } else {
            for row in try await sql.raw("SELECT term, df FROM project_terms WHERE term IN (\(binds: terms))").all() {
                result[try row.decode(column: "term", as: String.self)] = try row.decode(column: "df", as: Int.self)
            }
        }
        return result
    }

    /// How many index entries the candidate query may rank: the summed document frequency of
    /// its terms (or the estimated size of its pairs).
    static let budget = 3_000

    /// Pairs of the `most` rarest key terms, smallest estimated intersection first (terms taken
    /// as independent: df(a)·df(b)/total), while their summed estimate stays within `budget`
    /// (at least one pair).
    static func pairs(
        _ terms: [String], frequencies: [String: Int], minimum: Int, total: Int, budget: Int, most: Int = 5
    ) -> [[String]] {
        let usable = terms.indices.filter { (frequencies[terms[$0]] ?? 0) >= minimum }
            .sorted { (frequencies[terms[$0]]!, $0) < (frequencies[terms[$1]]!, $1) }.prefix(most).map { terms[$0] }
        guard usable.count >= 2 else { return usable.map { [$0] } }
        var candidates: [(estimate: Double, pair: [String])] = []
        for i in usable.indices {
            for j in usable.indices where j > i {
                let estimate =
                    Double(frequencies[usable[i]]!) * Double(frequencies[usable[j]]!) / Double(max(total, 1))
                candidates.append((estimate, [usable[i], usable[j]]))
            }
        }
        var chosen: [[String]] = []
        var sum = 0.0
        let order = candidates.indices.sorted { (candidates[$0].estimate, $0) < (candidates[$1].estimate, $1) }
        for candidate in order.map({ candidates[$0] }) {
            if !chosen.isEmpty && sum + candidate.estimate > Double(budget) { break }
            chosen.append(candidate.pair)
            sum += candidate.estimate
        }
        return chosen
    }

    /// The number of projects, near enough (the highest index key: read from the key's index).
    static func projectCount(_ sql: any SQLDatabase) async throws -> Int {
        let table = ProjectRepository.isPostgres(sql) ? "project_search" : "project_facets"
        return try await sql.raw("SELECT COALESCE(MAX(key), 0) AS n FROM \(unsafeRaw: table)").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    /// The terms to OR: the rarest key terms held by at least `minimum` projects, while their
    /// summed frequency stays within `budget` (at least one), and the topic terms that fit too.
    static func rarest(
        _ terms: [String], topic: [String], frequencies: [String: Int], minimum: Int, budget: Int, most: Int = 6
    ) -> [String] {
        let usable = terms.indices.filter { (frequencies[terms[$0]] ?? 0) >= minimum }
            .sorted { (frequencies[terms[$0]]!, $0) < (frequencies[terms[$1]]!, $1) }.map { terms[$0] }
        var chosen: [String] = []
        var sum = 0
        for term in usable where chosen.count < most {
            let frequency = frequencies[term]!
            if !chosen.isEmpty && sum + frequency > budget { break }
            chosen.append(term)
            sum += frequency
        }
        for term in topic where !chosen.contains(term) && chosen.count < most + 2 {
            let frequency = frequencies[term] ?? 0
            if frequency >= minimum && sum + frequency <= budget {
                chosen.append(term)
                sum += frequency
            }
        }
        return chosen
    }

    /// PostgreSQL: per term its inverse document frequency, ln(1 + projects / df), for the
    /// cheap first score (SQLite: bm25 does that itself, so nothing).
    static func scoring(_ frequencies: [String: Int], sql: any SQLDatabase) async throws -> [String: Double] {
        guard ProjectRepository.isPostgres(sql) else { return [:] }
        let total = Double(max(try await projectCount(sql), 1))
        return frequencies.filter { $0.value > 0 }.mapValues { log(1 + total / Double($0)) }
    }

    /// Published projects holding the terms of `groups`, by text rank (higher is better), best
    /// `limit`. PostgreSQL scores holders from `project_term_keys` alone (idf × weight, index-only):
    /// per term the `budget / terms` (at least 200) holders where it weighs most, those holding all
    /// of a group first; it reads the tsvector of the best 200 only, for `ts_rank`. SQLite ranks
    /// every holder of all the terms of a group by bm25, which FTS5 does cheaply.
    static func ranked(
        _ groups: [[String]], words: [String: String], scoring: [String: Double], sql: any SQLDatabase,
        excluding own: Int?, limit: Int, budget: Int
    ) async throws
        -> [(key: Int, rank: Double, packed: Int)]
    {
        let published = ProjectFacetCode.of(ProjectStatus.published)
        let packed = ProjectFacetCodes.packedSQL("f.")
        let rows: [any SQLRow]
        if ProjectRepository.isPostgres(sql) {
            let terms = Array(Set(groups.joined())).sorted()
            let values: [SQLQueryString] = terms.map { term in
                "(CAST(\(bind: words[term] ?? term) AS TEXT), CAST(\(bind: scoring[term] ?? 1) AS DOUBLE PRECISION))"
            }
            // Pairs: holders of two of the terms (near enough to «both of one pair») come first.
            let required = groups.contains { $0.count > 1 } ? 2 : 1
            // Each term's holders where it weighs most (migration 0060's index), newest first
            // among equals: a bounded read however common the term (pairs are used exactly when
            // every key term is common).
            let perTerm = max(budget / max(terms.count, 1), 200)
            rows = try await sql.raw(
                """
                WITH q AS (
                    SELECT l AS term, MAX(v.idf) AS idf FROM (VALUES \(values.joined(separator: ", "))) v(w, idf),
                    unnest(tsvector_to_array(to_tsvector('norwegian', v.w) || to_tsvector('english', v.w))) l
                    GROUP BY l
                ), c AS (
                    SELECT t.key, SUM(q.idf * t.weight) AS s FROM q CROSS JOIN LATERAL (
                        SELECT k.key, k.weight FROM project_term_keys k WHERE k.term = q.term
                        ORDER BY k.weight DESC, k.key DESC LIMIT \(literal: perTerm)
                    ) t
                    GROUP BY t.key ORDER BY COUNT(*) >= \(literal: required) DESC, s DESC, t.key LIMIT 200
                )
                SELECT f.key AS k, ts_rank(f.document, x.query) AS r, \(unsafeRaw: packed) AS c
                FROM c JOIN project_search f ON f.key = c.key, (SELECT \(tsquery(terms, words)) AS query) x
                WHERE f.status = \(literal: published) AND f.key <> \(bind: own ?? -1)
                ORDER BY r DESC, f.key LIMIT \(literal: limit)
                """
            ).all()
        } else {
            rows = try await sql.raw(
                """
                SELECT f.key AS k, -bm25(project_fts, 0.0, 10.0, 4.0, 1.0) AS r, \(unsafeRaw: packed) AS c
                FROM project_fts JOIN project_facets f ON f.key = project_fts.rowid
                WHERE project_fts MATCH \(bind: ftsQuery(groups)) AND f.status = \(literal: published) AND f.key <> \(bind: own ?? -1)
                ORDER BY r DESC, f.key LIMIT \(literal: limit)
                """
            ).all()
        }
        return try rows.map {
            (
                try $0.decode(column: "k", as: Int.self), try $0.decode(column: "r", as: Double.self),
                try $0.decode(column: "c", as: Int.self)
            )
        }
    }
}

extension ProjectSearch {
    /// The first word of `text` for each of its index terms.
    static func words(byStem text: String, language: SearchLanguage) -> [String: String] {
        var result: [String: String] = [:]
        for word in SearchText.words(text, limit: 2000) where result[SearchText.term(word, language)] == nil {
            result[SearchText.term(word, language)] = word
        }
        return result
    }

    /// PostgreSQL: any of the words behind `terms`, stemmed as Norwegian or as English (a
    /// project's tsvector has one or the other). Words hold only letters and digits.
    static func tsquery(_ terms: [String], _ words: [String: String]) -> SQLQueryString {
        tsquery(groups: terms.map { [$0] }, words)
    }

    /// PostgreSQL: all the words of any group.
    static func tsquery(groups: [[String]], _ words: [String: String]) -> SQLQueryString {
        let text = groups.map { "(" + $0.map { words[$0] ?? $0 }.joined(separator: " & ") + ")" }
            .joined(separator: " | ")
        return "(to_tsquery('norwegian', \(bind: text)) || to_tsquery('english', \(bind: text)))"
    }

    /// SQLite: the FTS5 expression for all the (quoted) terms of any group.
    static func ftsQuery(_ groups: [[String]]) -> String {
        groups.map { "(" + $0.map { "\"\($0)\"" }.joined(separator: " AND ") + ")" }.joined(separator: " OR ")
    }
}
