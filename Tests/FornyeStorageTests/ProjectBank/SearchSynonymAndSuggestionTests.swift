import FluentKit
import FornyeProjectBank
import FornyeStorage
import FornyeTestSupport
import Foundation
import Testing

/// The admin's synonym list (stored, validated, used by the next search) and «Mente du …?», on
/// SQLite and (when configured) PostgreSQL.
@Suite struct SearchSynonymAndSuggestionTests {
    func seeded(_ database: any Database) async throws {
        try await ProjectRepository(database: database).createAll(relevanceCorpus, by: .importer, status: .published)
    }

    func search(_ database: any Database, _ text: String, expand: Bool = true) async throws -> ProjectSearchResult {
        var query = ProjectQuery()
        query.text = text
        query.expand = expand
        return try await ProjectSearch(database: database).search(query)
    }

    @Test(arguments: TestDatabase.all)
    func aStoredSynonymGroupCountsFromTheNextSearch(database backend: TestDatabase) async throws {
        try await withProjectStorage(backend) { database in
            try await seeded(database)
            let store = SearchSynonymStore(database: database)
            // «kvb» (an abbreviation) is no project's word until it is a synonym of «plattform».
            #expect(try await search(database, "kvb").total == 0)
            let record = try await store.add("KVB, plattform")
            let found = try await search(database, "kvb")
            #expect(found.projects.first?.title == "Digital innbyggerdialog")
            #expect(found.expansions.first?.with == ["plattform"])
            #expect(try await search(database, "kvb", expand: false).total == 0)
            // A member already in a group and a full group are refused with their reasons; nothing is stored.
            await #expect(throws: ProjectError.self) { try await store.add("plattform, portal") }
            #expect(try await store.list().count == 1)
            #expect(try await store.remove(id: try record.requireID()))
            #expect(try await search(database, "kvb").total == 0)
            #expect(try await store.remove(id: UUID()) == false)
        }
    }

    @Test func theListIsBounded() async throws {
        try await withProjectStorage { database in
            let store = SearchSynonymStore(database: database)
            for index in 0..<SearchSynonymGroup.maxGroups {
                let record = SearchSynonymRecord()
                record.members = "ord\(index)a\nord\(index)b"
                record.createdAt = Date()
                try await record.create(on: database)
            }
            do {
                try await store.add("nytt, ord")
                Issue.record("a full list took another group")
            } catch ProjectError.invalid(let errors) {
                #expect(errors.map(\.messageNB) == ["listen er full (500 grupper): fjern en først"])
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func aWordNoProjectHoldsGetsTheClosestIndexedWordWhenLittleIsFound(database backend: TestDatabase) async throws {
        try await withProjectStorage(backend) { database in
            try await seeded(database)
            let typo = try await search(database, "velferdsteknolgi")
            #expect(typo.suggestion == "velferdsteknologi")
            let swapped = try await search(database, "Chatbto for citizens")
            #expect(swapped.suggestion == "chatbot for citizens")
            // Found well: no suggestion; a known word: none; a word too far from any: none.
            #expect(try await search(database, "velferdsteknologi").suggestion == nil)
            #expect(try await search(database, "qqqqqqqq").suggestion == nil)
        }
    }
}
