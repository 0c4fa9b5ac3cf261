import FluentKit
import FluentSQL
import FornyeProjectBank
import FornyeTestSupport
import Foundation
import Testing

@testable import FornyeStorage

/// SQLite counts a search's facets from its matches' keys and the facet table held in memory
/// (`ProjectFacetTable`): the same codes as reading `project_facets` per match, under every
/// status and owner, and again after a write.
@Suite struct ProjectFacetTableTests {
    static let texts = ["innovasjon", "chatbot", "velferdsteknologi kommunen", "barnehage or språk", "finnesikke"]

    func compare(_ sql: any SQLDatabase) async throws -> Int {
        let stamp = try await ProjectFacetCountCache.stamp(sql)
        var compared = 0
        for text in Self.texts {
            for statuses in [[ProjectStatus.published], [.published, .draft]] {
                for owner in [nil, "0301", "4601", "9999"] {
                    var query = ProjectQuery()
                    query.text = text
                    query.statuses = statuses
                    query.owner = owner
                    let match = try #require(ProjectSearch.match(text, plan: query.plan, postgres: false))
                    let fromTable = try #require(
                        try await ProjectSearch.sqliteTableCodes(sql, query: query, match: match, stamp: stamp))
                    let fromRows = try await ProjectSearch.sqliteCodes(sql, query: query, match: match)
                    #expect(fromTable.sorted() == fromRows.sorted(), "«\(text)» \(statuses) \(owner ?? "-")")
                    if !fromRows.isEmpty { compared += 1 }
                }
            }
        }
        return compared
    }

    @Test func theTableGivesTheCodesTheRowsGive() async throws {
        try await withProjectStorage(.sqlite) { database in
            let sql = try await ProjectTermKeySearchTests.seed(database)
            #expect(try await compare(sql) > 10)
            // A write raises the version: the next search reads the table again and sees the new project.
            let before = try await ProjectFacetCountCache.stamp(sql)
            let created = try await ProjectRepository(database: database).create(
                document("Innovasjon i Bergen", "Ny chatbot", owner: "4601", sector: 2), by: editorBergen)
            let after = try await ProjectFacetCountCache.stamp(sql)
            #expect(after != before)
            #expect(try await compare(sql) > 10)
            let rows = try #require(try await ProjectFacetTable.shared.rows(sql, at: after))
            #expect(rows.stamp == after)
            #expect(rows.status.count > created.searchKey && rows.status[created.searchKey] >= 0)
        }
    }

    @Test func aKeyTheTableDoesNotHoldSendsTheCountBackToTheRows() {
        let rows = ProjectFacetTable.Rows(
            stamp: .init(instance: "x", version: 1), packed: [0, 17, 18], status: [-1, 2, 3], owner: [0, 302, 0])
        let published = ProjectFacetCode.of(ProjectStatus.published)
        #expect(ProjectFacetTable.codes(of: [1, 2], in: rows, statuses: [2, 3], owner: nil) == [17, 18])
        #expect(ProjectFacetTable.codes(of: [1, 2], in: rows, statuses: [2, 3], owner: "0301") == [17])
        #expect(ProjectFacetTable.codes(of: [1, 2], in: rows, statuses: [3], owner: nil) == [18])
        #expect(ProjectFacetTable.codes(of: [0], in: rows, statuses: [published], owner: nil) == nil)
        #expect(ProjectFacetTable.codes(of: [3], in: rows, statuses: [published], owner: nil) == nil)
        #expect(ProjectFacetTable.dense(largest: 100_000, count: 100_000))
        #expect(!ProjectFacetTable.dense(largest: 5_000_000, count: 1_000))
    }
}
