import FluentKit
import FluentSQL
import FornyeTestSupport
import Foundation
import Testing

@testable import FornyeStorage

/// Migrations 0040, 0045, 0047 and 0048 fill their tables from the projects already stored, each
/// with its own frozen copy of the codes and counts (StorageMigrations). Run again over a bank
/// (after reverting them and everything after them), they must give what the live code computes.
@Suite struct FrozenMigrationTests {
    @Test(arguments: TestDatabase.all)
    func searchMigrationsFillTheirTablesFromExistingProjects(database backend: TestDatabase) async throws {
        try await withProjectStorage(backend) { database in
            let repository = ProjectRepository(database: database)
            try await repository.createAll(relevanceCorpus, by: .importer, status: .published)
            let draft = try await repository.create(
                document("Ny idé", "Et utkast", owner: "4601", types: [2, 4], stage: .discontinued, sector: 2),
                by: editorBergen)
            var changed = try draft.document()
            changed.evaluated = true
            changed.research = .init(degree: 2)
            try await repository.update(slug: draft.slug, with: changed, by: editorBergen)
            let sql = database as! any SQLDatabase
            let postgres = sql.dialect.name == "postgresql"
            let codes = try await ProjectFacetCodes.stored(on: sql)
            let terms = try await ProjectTermCounts.stored(on: sql)
            var keys = Set<String>()
            if postgres { keys = try await ProjectTermCounts.keys(on: sql, recomputed: false) }
            #expect(codes.count == relevanceCorpus.count + 1 && !terms.isEmpty)

            let all = StorageMigrations.all
            let first = try #require(all.firstIndex { $0 is M0040CreateProjectFacets })
            // 0027 (responses) runs among them but does not touch the project bank; it has no revert.
            let rerun = all[first...].filter { !($0 is M0027ResponsesRandomRowid) }
            for migration in rerun.reversed() { try await migration.revert(on: database).get() }
            for migration in rerun { try await migration.prepare(on: database).get() }

            #expect(try await ProjectFacetCodes.stored(on: sql) == codes)
            #expect(try await ProjectFacetCodes.recomputed(on: sql) == codes)
            #expect(try await ProjectTermCounts.stored(on: sql) == terms)
            if postgres {
                #expect(try await ProjectTermCounts.keys(on: sql, recomputed: false) == keys)
                #expect(try await ProjectTermCounts.keys(on: sql, recomputed: true) == keys)
            } else {
                let unpacked = try await sql.raw(
                    "SELECT COUNT(*) AS n FROM project_facets WHERE packed <> \(unsafeRaw: ProjectFacetCodes.packedSQL(""))"
                ).first()!.decode(column: "n", as: Int.self)
                #expect(unpacked == 0)
            }
        }
    }
}
