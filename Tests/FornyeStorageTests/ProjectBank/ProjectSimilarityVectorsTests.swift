import FluentKit
import FluentSQL
import FornyeProjectBank
import FornyeTestSupport
import Foundation
import Testing

@testable import FornyeStorage

/// The similarity vectors stored at each save (migration 0088) stay what the analysis makes of
/// the saved text, and their document frequencies stay the count of texts holding each term,
/// through create, update, delete and a rebuild.
@Suite struct ProjectSimilarityVectorsTests {
    /// Term → number of stored vocabularies holding it, counted from the vocabularies themselves
    /// (each holds its vector's terms).
    func counted(_ sql: any SQLDatabase) async throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try await sql.raw("SELECT terms, vocabulary FROM project_similarity").all() {
            let terms = try #require(SimilarityTerms(stored: try row.decode(column: "terms", as: String.self)))
            let vocabulary = Set(
                try row.decode(column: "vocabulary", as: String.self).split(separator: " ").map(String.init))
            #expect(Set(terms.weights.keys).isSubset(of: vocabulary))
            for term in vocabulary { result[term, default: 0] += 1 }
        }
        return result
    }

    func frequencies(_ sql: any SQLDatabase) async throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try await sql.raw("SELECT term, df FROM project_similarity_terms WHERE df <> 0").all() {
            result[try row.decode(column: "term", as: String.self)] = try row.decode(column: "df", as: Int.self)
        }
        return result
    }

    @Test(arguments: TestDatabase.all)
    func vectorsAndFrequenciesFollowEverySave(database backend: TestDatabase) async throws {
        try await withProjectStorage(backend) { database in
            let sql = try #require(database as? any SQLDatabase)
            let repository = ProjectRepository(database: database)
            let created = try await repository.createAll(relevanceCorpus, by: admin, status: .published)
            #expect(try await counted(sql) == (try await frequencies(sql)))
            // Each stored vector is the analysis of its record's text.
            let stored = try await ProjectSimilarityVectors.stored(created.map(\.searchKey), on: sql)
            for (record, document) in zip(created, relevanceCorpus) {
                #expect(stored[record.searchKey] == SimilarityTerms(document))
            }
            // «debt» only through the Norwegian record's translation, once the edit says «gjeld».
            #expect(try await frequencies(sql)["debt"] == nil)
            var edited = relevanceCorpus[5]
            edited.summary = "Innbyggere med gjeld får råd gjennom en digital plattform."
            try await repository.update(slug: created[5].slug, with: edited, by: admin)
            #expect(try await frequencies(sql)["debt"] == 1)
            #expect(try await counted(sql) == (try await frequencies(sql)))
            #expect(
                try await ProjectSimilarityVectors.stored([created[5].searchKey], on: sql)[created[5].searchKey]
                    == SimilarityTerms(edited))
            try await repository.delete(slug: created[5].slug, by: admin)
            #expect(try await frequencies(sql)["debt"] == nil)
            #expect(try await ProjectSimilarityVectors.stored([created[5].searchKey], on: sql).isEmpty)
            #expect(try await counted(sql) == (try await frequencies(sql)))
            // A rebuild from the records gives what the saves kept.
            let kept = try await frequencies(sql)
            try await ProjectSimilarityVectors.rebuild(on: sql, database: database)
            #expect(try await frequencies(sql) == kept)
        }
    }

    @Test func aStoredVectorReadsBackExactly() throws {
        let terms = SimilarityTerms(
            document("Gjeldsrådgivning", "Hjelp til innbyggere med gjeld og skole.", body: "Rådgivning hver uke."))
        #expect(SimilarityTerms(stored: terms.stored) == terms)
        #expect(SimilarityTerms(stored: "") == SimilarityTerms(weights: [:]))
        #expect(SimilarityTerms(stored: "debt") == nil)
        #expect(SimilarityTerms(stored: "debt\tmuch") == nil)
        #expect(SimilarityTerms(stored: "\t1.5") == nil)
    }
}
