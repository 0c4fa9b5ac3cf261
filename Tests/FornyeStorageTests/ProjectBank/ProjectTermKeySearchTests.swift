import FluentKit
import FluentSQL
import FornyeProjectBank
import Foundation
import Testing

@testable import FornyeStorage

/// PostgreSQL's one-word (and «a or b») searches read `project_term_keys` (migration 0047)
/// instead of every match's tsvector: they must give what the tsvector path gives — the same
/// matches (in `ts_rank` order for one lexeme; several are ordered by their idf-weighted score
/// with the coverage bonus, each page a slice of one order), the same total and the same facet
/// codes, under status, owner and facet filters.
@Suite struct ProjectTermKeySearchTests {
    @Test func oneWordOrAnyOfWordsTakeTheTermKeyPath() {
        #expect(ProjectSearch.anyOf("velferdsteknologi"))
        #expect(ProjectSearch.anyOf("barnehage or språk or 2025"))
        #expect(ProjectSearch.anyOf("barnehage språk"))
        #expect(ProjectSearch.anyOf("velferdsteknologi or welfare technology or hjemme"))
        #expect(!ProjectSearch.anyOf("or"))
        #expect(!ProjectSearch.anyOf("or barnehage"))
        #expect(!ProjectSearch.anyOf("barnehage or"))
        #expect(!ProjectSearch.anyOf("barnehage or or språk"))
        #expect(!ProjectSearch.anyOf("barnehage  språk"))
        #expect(!ProjectSearch.anyOf("e-helse"))
        #expect(!ProjectSearch.anyOf("\"barnehage\""))
        #expect(!ProjectSearch.anyOf("-barnehage"))
    }

    @Test func termKeysGiveWhatTheTsvectorsGiveOnPostgreSQL() async throws {
        try await withPostgresProjectStorage { database in
            let sql = try await Self.seed(database)
            let texts = [
                "innovasjon", "innovasjoner", "chatbot", "questions", "barnehage or chatbot", "finnesikke",
                // Runs of words all required (a translation of several words): an OR of ANDs.
                "innovasjon kommunen", "chatbot or innovasjon tjenestene", "finnesikke innovasjon or barnehage",
            ]
            let compared = try await Self.compare(Self.queries(texts), on: sql, sameOrder: false) {
                sql, query, match, offset in
                try await ProjectSearch.termKeyHits(sql, beside: sql, query: query, match: match, offset: offset)
            }
            #expect(compared > 10)
            // Text PostgreSQL parses into more than an OR of lexemes is left to the tsvector path.
            var phrase = ProjectQuery()
            phrase.text = "e-helse"
            #expect(
                try await ProjectSearch.termKeyHits(sql, beside: sql, query: phrase, match: "e-helse", offset: 0) == nil
            )
        }
    }

    /// Past the re-ranked best (more holders than ``ProjectSearch/reranked``), the rest follow by
    /// weight: every holder is on exactly one page, and each page is the next slice of the order.
    @Test func pagesPastTheReRankedCoverEveryHolderOnce() async throws {
        try await withPostgresProjectStorage { database in
            let repository = ProjectRepository(database: database)
            let count = ProjectSearch.reranked + 40
            let holders = (0..<count).map { index in
                document(
                    "Tiltak \(index)" + (index % 7 == 0 ? " for innovasjon" : ""),
                    String(repeating: "innovasjon ", count: 1 + index % 3) + "og drift",
                    body: index % 2 == 0 ? "Mer innovasjon." : "Annet arbeid.")
            }
            try await repository.createAll(holders, by: .importer, status: .published)
            let sql = database as! any SQLDatabase
            var query = ProjectQuery()
            query.text = "innovasjon"
            query.perPage = 30
            var seen: [Int] = []
            for page in 1...((count + 29) / 30) {
                query.page = page
                let hits = try #require(
                    try await ProjectSearch.termKeyHits(
                        sql, beside: sql, query: query, match: "innovasjon", offset: (page - 1) * 30)
                )
                #expect(hits.total == count)
                seen += hits.keys
            }
            #expect(seen.count == count && Set(seen).count == count)
            // A page starting inside the re-ranked and ending past them is the same slice.
            query.perPage = 20
            let across = try #require(
                try await ProjectSearch.termKeyHits(sql, beside: sql, query: query, match: "innovasjon", offset: 190))
            #expect(across.keys == Array(seen[190..<210]))
        }
    }

    /// Other ranked searches (all words, phrases, negations) read each match once for rank and
    /// codes together: the same page, total and codes as the separate statements.
    @Test func onePassGivesWhatTheSeparateStatementsGiveOnPostgreSQL() async throws {
        try await withPostgresProjectStorage { database in
            let sql = try await Self.seed(database)
            let texts = [
                "innovasjon kommunen", "innovasjon tjenestene", "\"mer innovasjon\"", "innovasjon -utkast",
                "e-helse", "barnehage språk", "finnesikke innovasjon",
            ]
            let compared = try await Self.compare(Self.queries(texts), on: sql) { sql, query, match, offset in
                try await ProjectSearch.rankedHits(sql, beside: sql, query: query, match: match, offset: offset)
            }
            #expect(compared > 10)
        }
    }

    /// The relevance corpus, a dozen more holders of «innovasjon» (differing in where and how
    /// often it occurs, owner, type, sector, evaluation) and one draft.
    static func seed(_ database: any Database) async throws -> any SQLDatabase {
        let repository = ProjectRepository(database: database)
        try await repository.createAll(relevanceCorpus, by: .importer, status: .published)
        // More holders of «innovasjon», differing in where and how often it occurs.
        var extra: [ProjectDocument] = []
        for index in 0..<12 {
            var item = document(
                "Prosjekt \(index)" + (index % 3 == 0 ? " om innovasjon" : ""),
                String(repeating: "innovasjon ", count: index % 4) + "i kommunen",
                owner: index % 2 == 0 ? "0301" : "4601", types: [1 + index % 4], sector: 1 + index % 2,
                body: index % 5 == 0 ? "Ingen treff her." : "Mer innovasjon i tjenestene.")
            item.evaluated = index % 3 == 1
            extra.append(item)
        }
        try await repository.createAll(extra, by: .importer, status: .published)
        try await repository.create(document("Innovasjon i utkast", "Ikke publisert"), by: admin)
        return database as! any SQLDatabase
    }

    /// Each text plain, with drafts, with two facet filters, on page 2 of 3, and for one owner.
    static func queries(_ texts: [String]) -> [ProjectQuery] {
        var queries: [ProjectQuery] = []
        for text in texts {
            var query = ProjectQuery()
            query.text = text
            queries.append(query)
            query.statuses = [.published, .draft]
            queries.append(query)
            query.counties = ["03"]
            query.types = [1, 2]
            queries.append(query)
            query.perPage = 3
            query.page = 2
            queries.append(query)
            query = ProjectQuery()
            query.text = text
            query.owner = "0301"
            query.evaluated = false
            queries.append(query)
        }
        return queries
    }

    /// Compares `search` with the separate page, codes and count statements for every query;
    /// returns how many pages were not empty.
    static func compare(
        _ queries: [ProjectQuery], on sql: any SQLDatabase, sameOrder: Bool = true,
        _ search: (any SQLDatabase, ProjectQuery, String, Int) async throws -> (keys: [Int], codes: [Int], total: Int)?
    ) async throws -> Int {
        var compared = 0
        for query in queries {
            let match = ProjectSearch.match(query.text, plan: query.plan, postgres: true)!
            let offset = (query.page - 1) * query.perPage
            let hits = try #require(try await search(sql, query, match, offset))
            var keys = try await ProjectSearch.pageKeys(
                sql, query: query, match: match, ranked: true, offset: offset)
            if !sameOrder && match.contains(" ") {
                // Several lexemes: the same matches; the page is the slice of the whole order.
                var all = query
                all.page = 1
                all.perPage = 100
                let order = try #require(try await search(sql, all, match, 0)).keys
                let tsvectorOrder = try await ProjectSearch.pageKeys(
                    sql, query: all, match: match, ranked: true, offset: 0)
                #expect(Set(order) == Set(tsvectorOrder) && order.count == tsvectorOrder.count, "«\(query.text)»")
                keys = Array(order.dropFirst(offset).prefix(query.perPage))
            }
            #expect(hits.keys == keys, "«\(query.text)» page \(query.page)")
            let codes = try await ProjectSearch.codes(sql, query: query, match: match)
            #expect(hits.codes.sorted() == codes.sorted(), "«\(query.text)»")
            var unfacetted = query
            unfacetted.facets = false
            let counted = try #require(try await search(sql, unfacetted, match, offset))
            #expect(counted.keys == keys, "«\(query.text)» page \(query.page), no facets")
            #expect(
                counted.total == (try await ProjectSearch.count(sql, query: query, match: match)),
                "«\(query.text)»")
            if !keys.isEmpty { compared += 1 }
        }
        return compared
    }
}
