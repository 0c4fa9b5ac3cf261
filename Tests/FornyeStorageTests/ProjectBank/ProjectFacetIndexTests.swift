import FluentKit
import FluentSQL
import FornyeProjectBank
import FornyeTestSupport
import Foundation
import Testing

@testable import FornyeStorage

/// The narrow search table (migration 0040) stays equal to what the records say, on every write
/// path, and search answers from it as the records would.
@Suite struct ProjectFacetIndexTests {
    func expectInStep(_ database: any Database, _ comment: Comment) async throws {
        let sql = database as! any SQLDatabase
        let stored = try await ProjectFacetCodes.stored(on: sql)
        let recomputed = try await ProjectFacetCodes.recomputed(on: sql)
        #expect(stored == recomputed, comment)
        if sql.dialect.name != "postgresql" {
            let indexed = try await sql.raw("SELECT COUNT(*) AS n FROM project_fts").first()!
                .decode(column: "n", as: Int.self)
            #expect(indexed == recomputed.count, comment)
            // Migration 0048's stored packed codes agree with the columns.
            let unpacked = try await sql.raw(
                "SELECT COUNT(*) AS n FROM project_facets WHERE packed <> \(unsafeRaw: ProjectFacetCodes.packedSQL(""))"
            ).first()!.decode(column: "n", as: Int.self)
            #expect(unpacked == 0, comment)
        }
    }

    @Test(arguments: TestDatabase.all)
    func everyWritePathKeepsTheTableEqualToARecomputation(database backend: TestDatabase) async throws {
        try await withProjectStorage(backend) { database in
            let repository = ProjectRepository(database: database)
            try await repository.createAll(relevanceCorpus, by: .importer, status: .published)
            try await expectInStep(database, "import")
            let draft = try await repository.create(
                document("Ny idé", "Et utkast", owner: "4601", types: [2, 3], stage: .idea, sector: 2), by: editorBergen
            )
            try await expectInStep(database, "create")
            var changed = try draft.document()
            changed.stage = .discontinued
            changed.innovationTypes = [4]
            changed.ownerMunicipality = "4601"
            changed.evaluated = true
            changed.research = .init(degree: 2)
            try await repository.update(slug: draft.slug, with: changed, by: editorBergen)
            try await expectInStep(database, "edit")
            try await repository.transition(slug: draft.slug, to: .submitted, by: editorBergen)
            try await repository.transition(slug: draft.slug, to: .published, by: admin)
            try await expectInStep(database, "status change")
            var query = ProjectQuery()
            query.discontinued = true
            #expect(try await ProjectSearch(database: database).search(query).projects.map(\.slug) == [draft.slug])
            try await repository.delete(slug: draft.slug, by: admin)
            try await expectInStep(database, "delete")
            #expect(try await ProjectSearch(database: database).search(query).total == 0)
            await #expect(throws: ProjectError.self) { try await repository.delete(slug: "x", by: editorOslo) }
            // Rebuilding (a repair) gives the same table.
            let sql = database as! any SQLDatabase
            let before = try await ProjectFacetCodes.stored(on: sql)
            try await ProjectFacetCodes.rebuild(on: sql)
            #expect(try await ProjectFacetCodes.stored(on: sql) == before)
        }
    }

    @Test(arguments: TestDatabase.all)
    func bulkLoaderWritesTheSameTablesAndTakesSyntheticProjectsOnly(database backend: TestDatabase) async throws {
        try await withProjectStorage(backend) { database in
            let repository = ProjectRepository(database: database)
            let documents = relevanceCorpus.map { document -> ProjectDocument in
                var document = document
                document.synthetic = true
                return document
            }
            try await repository.bulkLoadSynthetic(documents, status: .published)
            try await expectInStep(database, "bulk load")
            #expect(try await repository.count() == documents.count)
            var query = ProjectQuery()
            query.text = "velferdsteknologi"
            #expect(try await ProjectSearch(database: database).search(query).projects.first?.synthetic == true)
            let versions = try await ProjectVersionRecord.query(on: database).count()
            #expect(versions == documents.count)
            await #expect(throws: ProjectError.self) {
                try await repository.bulkLoadSynthetic(relevanceCorpus, status: .published)
            }
            #expect(try await repository.count() == documents.count)
        }
    }

    @Test func packedCodesRoundTripThroughTheCounter() throws {
        let record = ProjectRecord()
        record.searchKey = 7
        record.status = .published
        record.updatedAt = Date(timeIntervalSince1970: 1_000)
        record.typeService = true
        record.typeProduct = false
        record.typeProcess = false
        record.typeCommunication = true
        record.stage = .spread
        record.sector = 2
        record.countyNumber = "03"
        record.centrality = 6
        record.researchLevel = 0
        record.evaluated = true
        let codes = ProjectFacetCodes(record)
        let packed =
            codes.types + 16 * codes.stage + 256 * codes.sector + 4096 * codes.county + 1_048_576 * codes.centrality
            + 16_777_216 * codes.research + 268_435_456 * codes.evaluated
        let values = FacetCounter.values(packed)
        // Yes/no facets: 1 yes, 2 no (a known stage that is not discontinued), 0 unknown.
        #expect(values == [0b1001, ProjectFacetCode.of(ProjectStage.spread), 2, 3, 6, 1, 1, 2, 0])
        record.evaluated = false
        record.stage = .unknown
        let no = ProjectFacetCodes(record)
        #expect(no.evaluated == 2 && FacetCounter.values(no.packed)[6...7] == [2, 0])
        record.evaluated = nil
        #expect(ProjectFacetCodes(record).evaluated == 0)
        // Los themes from bit 30: sector 2, unit type 4 (kindergarten) is «Familie og barn».
        var document = ProjectDocument()
        document.sector = 2
        document.unitType = 4
        record.documentJSON = String(decoding: try JSONEncoder().encode(document), as: UTF8.self)
        let family = try #require(LosThemes.theme(slug: "familie-og-barn"))
        let themed = ProjectFacetCodes(record)
        #expect(themed.themes == 1 << (family.code - 1))
        #expect(FacetCounter.values(themed.packed)[8] == themed.themes)
        #expect(FacetCounter.label(8, family.code) == "familie-og-barn")
        #expect(FacetCounter.label(3, 3) == "03" && FacetCounter.label(5, 1) == "0")
        #expect(FacetCounter.label(1, values[1]) == "spread")
        #expect(ProjectSearch.parseIntegers("12 345 0 268435456") == [12, 345, 0, 268_435_456])
        #expect(ProjectSearch.parseIntegers("").isEmpty && ProjectSearch.parseIntegers("7") == [7])
    }
}
