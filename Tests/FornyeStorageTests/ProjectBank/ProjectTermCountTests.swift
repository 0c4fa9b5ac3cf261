import FluentKit
import FluentSQL
import FornyeProjectBank
import FornyeTestSupport
import Foundation
import Testing

@testable import FornyeStorage

/// `project_terms` (migration 0045) holds, for every index term, the number of projects that
/// hold it: after every write path it equals a recomputation from the index itself (SQLite: the
/// FTS5 vocabulary; PostgreSQL: `ts_stat`).
@Suite struct ProjectTermCountTests {
    func expectInStep(_ database: any Database, _ comment: Comment) async throws -> [String: Int] {
        let sql = database as! any SQLDatabase
        let stored = try await ProjectTermCounts.stored(on: sql)
        let recomputed = try await ProjectTermCounts.recomputed(on: sql)
        #expect(!recomputed.isEmpty, comment)
        #expect(stored == recomputed, comment)
        if sql.dialect.name == "postgresql" {
            let keys = try await ProjectTermCounts.keys(on: sql, recomputed: false)
            #expect(!keys.isEmpty, comment)
            #expect(keys == (try await ProjectTermCounts.keys(on: sql, recomputed: true)), comment)
        }
        return stored
    }

    @Test(arguments: TestDatabase.all)
    func everyWritePathKeepsTheCountsEqualToARecomputation(database backend: TestDatabase) async throws {
        try await withProjectStorage(backend) { database in
            let repository = ProjectRepository(database: database)
            try await repository.createAll(relevanceCorpus, by: .importer, status: .published)
            let imported = try await expectInStep(database, "import")
            let draft = try await repository.create(
                document("Snøbrøyting med droner", "Droner kartlegger snødybde", owner: "4601"), by: editorBergen)
            let created = try await expectInStep(database, "create")
            #expect(created.count > imported.count)
            var changed = try draft.document()
            changed.title = "Velferdsteknologi for eldre"
            changed.summary = "Trygghetsalarmer hjemme"
            try await repository.update(slug: draft.slug, with: changed, by: editorBergen)
            let edited = try await expectInStep(database, "edit")
            // The draft's old words are uncounted, its new ones counted.
            let postgres = (database as! any SQLDatabase).dialect.name == "postgresql"
            let drones = postgres ? "dron" : NorwegianStemmer.stem("droner")
            #expect(created[drones] == 1 && edited[drones] == nil)
            try await repository.transition(slug: draft.slug, to: .submitted, by: editorBergen)
            _ = try await expectInStep(database, "status change")
            try await repository.delete(slug: draft.slug, by: admin)
            let deleted = try await expectInStep(database, "delete")
            #expect(deleted == imported)
            let synthetic = relevanceCorpus.map { document -> ProjectDocument in
                var document = document
                document.synthetic = true
                return document
            }
            try await repository.bulkLoadSynthetic(synthetic, status: .published)
            let loaded = try await expectInStep(database, "bulk load")
            #expect(loaded.values.reduce(0, +) == 2 * imported.values.reduce(0, +))
            // Rebuilding (a repair) gives the same table.
            try await ProjectTermCounts.rebuild(on: database as! any SQLDatabase)
            #expect(try await ProjectTermCounts.stored(on: database as! any SQLDatabase) == loaded)
        }
    }
}
