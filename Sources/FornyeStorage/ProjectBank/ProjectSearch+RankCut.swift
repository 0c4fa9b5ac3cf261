import FluentSQL
import FornyeProjectBank
import Foundation

/// SQLite: the ranked page without ranking every match (max-score cut, issue 21).
///
/// With every word optional, «barnehageplan digital» matches most of the bank through the common
/// word, and ranking all of it (bm25 and the coverage bonus per match) cost 250–580 ms at 100,000
/// projects. A project holding none of the rare terms can score at most the common terms' bound:
/// each FTS5 phrase adds less than idf × (k1 + 1) to bm25, whatever its frequency, and its coverage
/// bonus is at most the share of the groups it can cover without a rare term. So the page is
/// ranked among the projects holding a rare term only; when the k-th of them (k = offset + page size) scores strictly above that
/// bound, no other match can enter the first k, and those k are the exhaustive ranking's first k,
/// in the same order: the score is the same SQL expression over the same FTS5 MATCH (bm25's idf
/// and document lengths are the whole table's, not the candidates'). Otherwise the exhaustive
/// ranking runs. `RankCutTests` compares both on generated banks and queries.
extension ProjectSearch {
    /// FTS5's bm25 parameters (fts5_aux.c): a phrase adds idf × tf × (k1 + 1) / (tf + k1 × (…)),
    /// always less than idf × (k1 + 1).
    static let bm25K1 = 1.2

    /// `FORNYE_SEARCH_SHORTCUTS=off` ranks every match and counts every search afresh (the state
    /// before session 14), to measure both ways in one build and on one bank.
    static let shortcuts = ProcessInfo.processInfo.environment["FORNYE_SEARCH_SHORTCUTS"] != "off"

    /// Terms held by at most this share of the bank are the candidates' terms.
    static let rareShare = 0.05
    /// The cut is tried only when the candidates' terms are held by at most this share together:
    /// ranking more candidates costs about what ranking every match does.
    static let candidateShare = 0.25

    /// The split of a query's terms into rare and common, and what a project holding none of
    /// the rare ones can score at most.
    struct RankCut {
        var groups: [SearchQueryPlan.Group]
        var weights: [Double]
        /// The rare terms, sorted.
        var rare: [String]
        /// The rare terms OR'ed, for FTS5 MATCH: the candidates.
        var rareMatch: String
        /// |score| of any match outside the candidates is at most this.
        var bound: Double

        /// The rank expression (`sqliteRank`) with each group's coverage asked only among the
        /// candidates (its matches AND the rare terms): the same 0/1 values for every candidate,
        /// without collecting a common group's postings.
        var candidateRank: SQLQueryString {
            sqliteRank(groups, weights: weights) { index in rareMatch + " AND " + SearchQueryPlan.fts5(groups[index]) }
        }
    }

    /// The cut for `plan`, or nil when it does not apply: phrases (required, so they narrow the
    /// matches themselves, and their FTS5 frequency is not in the vocabulary table), no common
    /// term (the matches are few), or rare terms held by too many projects. The split is by
    /// term, not by word: «byggsystem» is one word whose own term is rare while its parts'
    /// alternative («byg» AND «system») matches half the bank, and a project holding only the
    /// parts scores at most their (small) idf.
    static func rankCut(_ plan: SearchQueryPlan, sql: any SQLDatabase) async throws -> RankCut? {
        let groups = plan.groups
        guard !groups.isEmpty, plan.phrases.isEmpty else { return nil }
        let weights = groups.count > 1 ? try await groupWeights(groups, sql: sql) : []
        let sum = weights.reduce(0, +)
        let total = try await fts5RowCount(sql)
        guard total > 0 else { return nil }
        // Every phrase of the MATCH text, each occurrence (FTS5 scores each quoted term apart).
        let occurrences = groups.flatMap { $0.alternatives.joined().joined() }
        let documentFrequency = try await fts5DocumentFrequencies(Array(Set(occurrences)), sql: sql)
        let held = Set(occurrences).filter { (documentFrequency[$0] ?? 0) > 0 }
        // Only speed depends on the choice, never the result.
        var rare = held.filter { Double(documentFrequency[$0]!) <= rareShare * Double(total) }
        if rare.isEmpty, let rarest = held.min(by: { documentFrequency[$0]! < documentFrequency[$1]! }) {
            rare = [rarest]
        }
        let excluded = Set(plan.excluded.joined())
        // Terms a match outside the candidates can hold: not rare, not excluded (no match holds those).
        let possible = { (term: String) in !rare.contains(term) && !excluded.contains(term) }
        guard !rare.isEmpty, held.contains(where: possible) else { return nil }
        let candidates = rare.reduce(0) { $0 + documentFrequency[$1]! }
        guard Double(candidates) <= candidateShare * Double(total) else { return nil }

        let bm25Bound = occurrences.filter(possible).reduce(0.0) { bound, term in
            if let hits = documentFrequency[term] { return bound + fts5IDF(rows: total, hits: hits) * (bm25K1 + 1) }
            // One FTS5 token no project holds adds nothing (a translation the bank never uses);
            // anything FTS5 would read otherwise gets the largest idf.
            return bound + (fts5Token(term) ? 0 : fts5IDF(rows: total, hits: 0) * (bm25K1 + 1))
        }
        // The groups such a match can cover: an alternative whose every slot has a possible term.
        let coverageBound =
            groups.count > 1 && sum > 0
            ? groups.indices.filter { index in
                groups[index].alternatives.contains { $0.allSatisfy { $0.contains(where: possible) } }
            }.reduce(0.0) { $0 + weights[$1] / sum } : 0
        // A margin for the order in which the sums are rounded.
        let bound = bm25Bound * (1 + coverageBonus * coverageBound) * (1 + 1e-9)
        let sorted = rare.sorted()
        let rareMatch = "(" + sorted.map(SearchQueryPlan.quotedTerm).joined(separator: " OR ") + ")"
        return RankCut(groups: groups, weights: weights, rare: sorted, rareMatch: rareMatch, bound: bound)
    }

    /// The ranked page's keys through the cut, or nil when it cannot decide (the caller then ranks
    /// every match).
    static func cutPageKeys(
        _ sql: any SQLDatabase, query: ProjectQuery, match: String, offset: Int
    ) async throws -> [Int]? {
        guard shortcuts, let cut = try await rankCut(query.plan, sql: sql) else { return nil }
        let rank = cut.candidateRank
        let wanted = offset + query.perPage
        // `+` keeps the candidate test out of FTS5's plan: as a rowid constraint it would restart
        // the MATCH (and bm25's idf) once per candidate.
        let rows = try await sql.raw(
            "SELECT f.key AS k, " + rank + " AS s FROM \(from(match: match, postgres: false)) WHERE "
                + conditions(query, match: match, postgres: false, facets: true)
                + " AND +project_fts.rowid IN (SELECT rowid FROM project_fts WHERE project_fts MATCH "
                + "\(bind: cut.rareMatch)) ORDER BY " + rank + ", f.key LIMIT \(literal: wanted)"
        ).all()
        guard rows.count == wanted, let last = rows.last else { return nil }
        guard -(try last.decode(column: "s", as: Double.self)) > cut.bound else { return nil }
        return try rows.dropFirst(offset).map { try $0.decode(column: "k", as: Int.self) }
    }

    /// True when FTS5's unicode61 tokenizer reads `term` as itself, one token: lower case, and
    /// every scalar a letter or a number (its token characters; `remove_diacritics 0`).
    static func fts5Token(_ term: String) -> Bool {
        !term.isEmpty && term == term.lowercased()
            && term.unicodeScalars.allSatisfy { scalar in
                switch scalar.properties.generalCategory {
                case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                    .decimalNumber, .letterNumber, .otherNumber:
                    true
                default: false
                }
            }
    }

    /// FTS5's idf (fts5_aux.c): ln((N − n + 0.5) / (n + 0.5)), at least 1e-6.
    static func fts5IDF(rows: Int, hits: Int) -> Double {
        let idf = log((Double(rows) - Double(hits) + 0.5) / (Double(hits) + 0.5))
        return idf <= 0 ? 1e-6 : idf
    }

    /// The projects holding each term, from the FTS5 vocabulary table (migration 0040), as bm25
    /// counts them; a term missing there (or that FTS5 would split) gets none, the largest idf.
    static func fts5DocumentFrequencies(_ terms: [String], sql: any SQLDatabase) async throws -> [String: Int] {
        var result: [String: Int] = [:]
        for term in terms {
            // One lookup per term: fts5vocab answers `term = ?` from the index, not `IN`.
            if let row = try await sql.raw("SELECT doc FROM project_fts_terms WHERE term = \(bind: term)").first() {
                result[term] = try row.decode(column: "doc", as: Int.self)
            }
        }
        return result
    }

    /// The FTS5 table's row count as bm25 reads it: the first varint of the averages record
    /// (rowid 1 of `project_fts_data`, fts5_index.c).
    static func fts5RowCount(_ sql: any SQLDatabase) async throws -> Int {
        guard let row = try await sql.raw("SELECT block FROM project_fts_data WHERE id = 1").first() else { return 0 }
        return fts5Varint(Array(try row.decode(column: "block", as: Data.self)))
    }

    /// SQLite's varint: big-endian groups of 7 bits, a set high bit continuing; the ninth byte whole.
    static func fts5Varint(_ bytes: [UInt8]) -> Int {
        var value: UInt64 = 0
        for (index, byte) in bytes.prefix(9).enumerated() {
            if index == 8 { return Int(truncatingIfNeeded: value << 8 | UInt64(byte)) }
            value = value << 7 | UInt64(byte & 0x7f)
            if byte & 0x80 == 0 { break }
        }
        return Int(truncatingIfNeeded: value)
    }
}
