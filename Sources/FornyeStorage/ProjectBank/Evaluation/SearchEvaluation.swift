public import FluentKit
import FluentSQL
import FornyeProjectBank
import Foundation

/// Runs a relevance set against Fornye's search and, beside it, a plain FTS5 BM25 baseline on
/// the same published records (unstemmed `unicode61` tokens, the query's words OR'ed, bm25 with
/// the same column weights), so a change to the analysis is judged against a fixed yardstick.
/// The baseline is an FTS5 table, so on PostgreSQL it is built in a separate SQLite database
/// (`baseline`) from the same published records; `fornye projects eval-search` prints the result.
public struct SearchEvaluation: Sendable {
    public struct Row: Sendable {
        public var kind: String
        public var fornye: SearchRelevanceScore
        public var baseline: SearchRelevanceScore
    }

    /// Per query: its text, kind, and the first expected id's rank (1-based) in each, nil = not in the top 10.
    public struct Detail: Sendable {
        public var query: SearchRelevanceSet.Query
        public var fornyeRank: Int?
        public var baselineRank: Int?
        /// What Fornye expanded the words with («word → a, b»).
        public var expansions: String
        /// Fornye's first three titles.
        public var top: [String]
    }

    public var rows: [Row]
    public var details: [Detail]

    /// Evaluates `set` on `database`, which holds the bank to search; the baseline's FTS5 table
    /// goes to `baseline` (an SQLite database; default `database`, which must then be SQLite).
    public static func run(_ set: SearchRelevanceSet, on database: any Database, baseline: (any Database)? = nil)
        async throws -> SearchEvaluation
    {
        let sql = try ProjectRepository.sql(baseline ?? database)
        guard !ProjectRepository.isPostgres(sql) else {
            throw SearchRelevanceError(description: "the baseline needs SQLite (it is an FTS5 table)")
        }
        let ids = try await buildBaseline(database, sql: sql)
        let search = ProjectSearch(database: database)
        var scores: [String: (SearchRelevanceScore, SearchRelevanceScore)] = [:]
        var details: [Detail] = []
        for item in set.queries {
            var query = ProjectQuery()
            query.text = item.text
            query.perPage = 10
            let result = try await search.search(query)
            let ranked = try result.projects.map { try identifier(of: $0) }
            let baseline = try await baselineKeys(item.text, sql: sql).compactMap { ids[$0] }
            var pair = scores[item.kind] ?? (SearchRelevanceScore(), SearchRelevanceScore())
            pair.0.add(ranked: ranked, expected: item.expected)
            pair.1.add(ranked: baseline, expected: item.expected)
            scores[item.kind] = pair
            details.append(
                Detail(
                    query: item, fornyeRank: ranked.firstIndex(where: item.expected.contains).map { $0 + 1 },
                    baselineRank: baseline.firstIndex(where: item.expected.contains).map { $0 + 1 },
                    expansions: result.expansions.map { "\($0.word) → \($0.with.joined(separator: ", "))" }
                        .joined(separator: "; "),
                    top: result.projects.prefix(3).map(\.title)))
        }
        try await sql.raw("DROP TABLE IF EXISTS search_eval_baseline").run()
        return SearchEvaluation(
            rows: set.kinds.map { Row(kind: $0, fornye: scores[$0]!.0, baseline: scores[$0]!.1) }, details: details)
    }

    /// The id a relevance set names a record by: an IPS-X case's `id`, else the slug.
    static func identifier(of record: ProjectRecord) throws -> String {
        if record.sourceName == ProjectImportMapping.ipsxSourceName,
            let identifier = try record.document().source?.identifier, !identifier.isEmpty
        {
            return identifier
        }
        return record.slug
    }

    /// Fills the baseline table (on `sql`) from the published records of `database`; returns its
    /// rowid → record id.
    static func buildBaseline(_ database: any Database, sql: any SQLDatabase) async throws -> [Int: String] {
        try await sql.raw("DROP TABLE IF EXISTS search_eval_baseline").run()
        try await sql.raw(
            "CREATE VIRTUAL TABLE search_eval_baseline USING fts5(title, summary, body, "
                + "tokenize = 'unicode61 remove_diacritics 2')"
        ).run()
        let records = try await ProjectRepository(database: database).list(statuses: [.published])
        var ids: [Int: String] = [:]
        for record in records {
            let document = try record.document()
            let body = [
                document.problem, document.targetGroup, document.solution, document.novelty, document.serviceArea,
                record.ownerName,
            ].joined(separator: "\n")
            try await sql.raw(
                "INSERT INTO search_eval_baseline (rowid, title, summary, body) VALUES (\(bind: record.searchKey), "
                    + "\(bind: document.title), \(bind: document.summary), \(bind: body))"
            ).run()
            ids[record.searchKey] = try identifier(of: record)
        }
        return ids
    }

    /// The baseline's top 10: every word of the query, quoted, OR'ed; ranked by bm25.
    static func baselineKeys(_ text: String, sql: any SQLDatabase) async throws -> [Int] {
        let words = SearchText.words(text, limit: 20)
        guard !words.isEmpty else { return [] }
        let match = words.map { "\"\($0)\"" }.joined(separator: " OR ")
        return try await sql.raw(
            "SELECT rowid AS k FROM search_eval_baseline WHERE search_eval_baseline MATCH \(bind: match) "
                + "ORDER BY bm25(search_eval_baseline, 10.0, 4.0, 1.0), rowid LIMIT 10"
        ).all().map { try $0.decode(column: "k", as: Int.self) }
    }
}
