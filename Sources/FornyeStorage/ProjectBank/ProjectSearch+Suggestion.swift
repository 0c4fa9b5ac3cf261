import FluentSQL
import FornyeProjectBank
import Foundation

/// «Mente du …?»: the query with each word no project holds replaced by the closest index term
/// (``SearchSpelling``), offered only when the query finds little.
extension ProjectSearch {
    /// Below this many results a query counts as finding little.
    static let suggestBelow = 5

    /// The suggested query, or nil when the search found enough, every word is held by some
    /// project, or no term is close enough. Candidates are the terms sharing the word's first
    /// letter and about its length (one range of `project_terms`' key), so a typo in the first
    /// letter is not corrected.
    static func suggestion(_ query: ProjectQuery, plan: SearchQueryPlan, total: Int, sql: any SQLDatabase)
        async throws -> String?
    {
        guard total < suggestBelow, !plan.groups.isEmpty else { return nil }
        let weights = try await groupWeights(plan.groups, sql: sql)
        var replacements: [(word: String, with: String)] = []
        for (group, weight) in zip(plan.groups, weights) where weight == 0 {
            let word = group.word
            guard !word.allSatisfy(\.isNumber) else { continue }
            var best: (word: String, distance: Int, df: Int)?
            for language in SearchLanguage.allCases {
                let term = SearchText.term(word, language)
                let limit = SearchSpelling.allowedDistance(term)
                guard limit > 0, let first = term.unicodeScalars.first, let next = Unicode.Scalar(first.value + 1)
                else { continue }
                let rows = try await sql.raw(
                    "SELECT term, df FROM project_terms WHERE term >= \(bind: String(first)) "
                        + "AND term < \(bind: String(next)) AND df > 0 "
                        + "AND length(term) BETWEEN \(literal: term.count - limit) AND \(literal: term.count + limit)"
                ).all()
                let candidates = try rows.map {
                    (
                        term: try $0.decode(column: "term", as: String.self),
                        df: try $0.decode(column: "df", as: Int.self)
                    )
                }
                guard let closest = SearchSpelling.closest(to: term, among: candidates) else { continue }
                if let current = best, (current.distance, -current.df) <= (closest.distance, -closest.df) { continue }
                best = (
                    SearchSpelling.respell(word, term: term, as: closest.term, language: language), closest.distance,
                    closest.df
                )
            }
            if let best { replacements.append((word, best.word)) }
        }
        guard !replacements.isEmpty else { return nil }
        return SearchSpelling.replacing(replacements, in: String(query.text.prefix(500)))
    }
}
