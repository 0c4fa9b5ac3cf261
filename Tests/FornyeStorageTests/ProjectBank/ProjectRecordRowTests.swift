import FluentKit
import FluentSQL
import FornyeTestSupport
import Foundation
import Testing

@testable import FornyeStorage

/// Search reads its page's records field by field (`ProjectRecord(row:)`); every field must
/// equal FluentKit's own decoding of the same row.
@Suite struct ProjectRecordRowTests {
    @Test(arguments: TestDatabase.all)
    func everyFieldEqualsFluentKitsDecoding(database backend: TestDatabase) async throws {
        try await withProjectStorage(backend) { database in
            let repository = ProjectRepository(database: database)
            try await repository.createAll(relevanceCorpus, by: .importer, status: .published)
            var full = document(
                "Alt utfylt", "Med forsker", owner: "4601", types: [1, 4], stage: .discontinued, sector: 2)
            full.evaluated = true
            full.research = .init(degree: 3)
            _ = try await repository.create(full, by: editorBergen)
            let rows = try await (database as! any SQLDatabase).raw("SELECT * FROM projects").all()
            #expect(rows.count == relevanceCorpus.count + 1)
            for row in rows {
                let fluent = try row.decode(fluentModel: ProjectRecord.self)
                let fast = try ProjectRecord(row: row)
                #expect(fast.id == fluent.id && fast.$id.exists)
                #expect(fast.slug == fluent.slug && fast.searchKey == fluent.searchKey)
                #expect(fast.title == fluent.title && fast.summary == fluent.summary)
                #expect(fast.status == fluent.status && fast.stage == fluent.stage)
                #expect(fast.sector == fluent.sector && fast.unitType == fluent.unitType)
                #expect(fast.ownerMunicipality == fluent.ownerMunicipality && fast.ownerName == fluent.ownerName)
                #expect(fast.countyNumber == fluent.countyNumber && fast.centrality == fluent.centrality)
                #expect(fast.country == fluent.country && fast.researchLevel == fluent.researchLevel)
                #expect(fast.evaluated == fluent.evaluated && fast.typeService == fluent.typeService)
                #expect(fast.typeProduct == fluent.typeProduct && fast.typeProcess == fluent.typeProcess)
                #expect(fast.typeCommunication == fluent.typeCommunication && fast.basedOn == fluent.basedOn)
                #expect(fast.sourceName == fluent.sourceName && fast.synthetic == fluent.synthetic)
                #expect(fast.language == fluent.language && fast.completeness == fluent.completeness)
                #expect(fast.documentJSON == fluent.documentJSON && fast.version == fluent.version)
                #expect(fast.createdAt == fluent.createdAt && fast.updatedAt == fluent.updatedAt)
            }
            // The discontinued, evaluated project really has the values compared above.
            let fast = try rows.map(ProjectRecord.init(row:)).first { $0.title == "Alt utfylt" }
            #expect(fast?.stage == .discontinued && fast?.evaluated == true && fast?.researchLevel != nil)
        }
    }
}
