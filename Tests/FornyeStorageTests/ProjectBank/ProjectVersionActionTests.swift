import FluentKit
import FornyeProjectBank
import FornyeStorage
import Foundation
import Testing

@Suite struct ProjectVersionActionTests {
    /// Every way the repository writes a version, including the bulk loader's own SQL, stores a
    /// code the table knows.
    @Test func everyStoredActionHasALabel() async throws {
        try await withProjectStorage { database in
            let repository = ProjectRepository(database: database)
            let record = try await repository.create(document("Handlinger", "S"), by: editorOslo)
            var changed = try record.document()
            changed.lessons = "Ny lærdom"
            _ = try await repository.update(slug: record.slug, with: changed, by: editorOslo)
            try await repository.transition(slug: record.slug, to: .submitted, by: editorOslo)
            try await repository.transition(slug: record.slug, to: .draft, by: admin)
            let store = ProjectAttachmentStore(database: database)
            let added = try await store.add([("tall.csv", Data("a,b\n1,2\n".utf8))], to: record.slug, by: editorOslo)
            try await store.remove(try #require(added.first?.id), from: record.slug, by: editorOslo)
            _ = try await repository.createAll(
                [document("Importert", "S")], by: ProjectAuthor.importer, status: .published)
            var synthetic = document("Syntetisk", "S")
            synthetic.synthetic = true
            try await repository.bulkLoadSynthetic([synthetic], status: .published)
            let codes = try await ProjectVersionRecord.query(on: database).all().map(\.action)
            #expect(codes.count == 8)
            for code in codes { #expect(ProjectVersionAction(code: code) != nil, "no label for \(code)") }
            #expect(Set(codes).count == 7)
        }
    }
}
