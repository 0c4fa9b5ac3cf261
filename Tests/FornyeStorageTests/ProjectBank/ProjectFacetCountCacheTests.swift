import FluentKit
import FluentSQL
import FornyeTestSupport
import Foundation
import Testing

@testable import FornyeStorage

/// Browsing without words reuses facet counts per bank version (migration 0049), and any write
/// to the bank, by any path or process, makes the next browse count afresh.
@Suite struct ProjectFacetCountCacheTests {
    func browse(_ database: any Database, sectors: [Int] = []) async throws -> ProjectSearchResult {
        var query = ProjectQuery()
        query.sort = .newest
        query.sectors = sectors
        return try await ProjectSearch(database: database).search(query)
    }

    /// The same browse counted without the cache: the total from a count, each sector's count
    /// from a filtered count.
    func uncachedSectorCounts(_ database: any Database) async throws -> [String: Int] {
        var result: [String: Int] = [:]
        for sector in 1...2 {
            var query = ProjectQuery()
            query.sort = .newest
            query.sectors = [sector]
            query.facets = false
            query.perPage = 1
            result[String(sector)] = try await ProjectSearch(database: database).search(query).total
        }
        return result.filter { $0.value > 0 }
    }

    func sectorCounts(_ result: ProjectSearchResult) -> [String: Int] {
        let facet = result.facets.first { $0.name == "sector" }
        return Dictionary(uniqueKeysWithValues: (facet?.counts ?? []).map { ($0.value, $0.count) })
    }

    @Test(arguments: TestDatabase.all)
    func aWriteMakesTheNextBrowseShowTheNewCounts(database backend: TestDatabase) async throws {
        try await withProjectStorage(backend) { database in
            let sql = database as! any SQLDatabase
            let repository = ProjectRepository(database: database)
            try await repository.createAll(relevanceCorpus, by: .importer, status: .published)
            let first = try await browse(database)
            #expect(first.total == relevanceCorpus.count)
            #expect(sectorCounts(first) == (try await uncachedSectorCounts(database)))
            // Kept under the version read before counting.
            let stamp = try await ProjectFacetCountCache.stamp(sql)
            let key = ProjectFacetCountCache.Key(first.query)
            #expect(ProjectFacetCountCache.shared.counter(key, at: stamp)?.total == first.total)
            #expect(try await browse(database).total == first.total)

            // Through the repository: create, publish, then a status change away from published.
            let created = try await repository.create(
                document("Ny barnehage", "Språk", owner: "4601", sector: 2), by: editorBergen)
            #expect(try await browse(database).total == first.total, "a draft is not published")
            try await repository.transition(slug: created.slug, to: .submitted, by: editorBergen)
            try await repository.transition(slug: created.slug, to: .published, by: admin)
            let published = try await browse(database)
            #expect(published.total == first.total + 1)
            #expect(sectorCounts(published)["2"] == (sectorCounts(first)["2"] ?? 0) + 1)
            #expect(try await ProjectFacetCountCache.stamp(sql).version > stamp.version)

            // A write this process never saw (as from another server on the same database):
            // straight into the narrow table, bypassing the repository.
            let table = sql.dialect.name == "postgresql" ? "project_search" : "project_facets"
            try await sql.raw("UPDATE \(unsafeRaw: table) SET sector = 1 WHERE key = \(bind: created.searchKey)").run()
            if sql.dialect.name != "postgresql" {
                // SET reads the old values: the packed codes in a statement of their own.
                try await sql.raw(
                    "UPDATE project_facets SET packed = \(unsafeRaw: ProjectFacetCodes.packedSQL("")) "
                        + "WHERE key = \(bind: created.searchKey)"
                ).run()
            }
            let moved = try await browse(database)
            #expect(sectorCounts(moved)["1"] == (sectorCounts(published)["1"] ?? 0) + 1)
            #expect(sectorCounts(moved) == (try await uncachedSectorCounts(database)))

            try await repository.delete(slug: created.slug, by: admin)
            #expect(try await browse(database).total == first.total)
        }
    }

    @Test(arguments: TestDatabase.all)
    func eachFilterCombinationHasItsOwnCounts(database backend: TestDatabase) async throws {
        try await withProjectStorage(backend) { database in
            let repository = ProjectRepository(database: database)
            try await repository.createAll(relevanceCorpus, by: .importer, status: .published)
            let all = try await browse(database)
            let ticked = try await browse(database, sectors: [1])
            // Disjunctive: the sector facet still counts every sector; the total only sector 1.
            #expect(ticked.total == sectorCounts(all)["1"] ?? 0)
            #expect(sectorCounts(ticked) == sectorCounts(all))
            #expect(try await browse(database).total == all.total)
            #expect(try await browse(database, sectors: [1]).total == ticked.total)
        }
    }

    /// Two runtimes on one SQLite file, as two server processes would be: a project created
    /// through one shows in the other's next browse.
    @Test func twoRuntimesOnOneSQLiteFileSeeEachOthersWrites() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fornye-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = StorageConfiguration(
            backend: .sqlite(path: directory.appendingPathComponent("f.sqlite").path))
        let first = try StorageRuntime(configuration: configuration)
        let second = try StorageRuntime(configuration: configuration)
        do {
            try await first.migrate()
            try await second.migrate()
            try await ProjectRepository(database: first.database).createAll(
                relevanceCorpus, by: .importer, status: .published)
            let before = try await browse(first.database)
            #expect(try await browse(second.database).total == before.total)
            try await ProjectRepository(database: second.database).createAll(
                [document("Ny tjeneste", "Fra den andre", sector: 1)], by: .importer, status: .published)
            #expect(try await browse(first.database).total == before.total + 1)
        } catch {
            await first.shutdown()
            await second.shutdown()
            throw error
        }
        await first.shutdown()
        await second.shutdown()
    }
}
