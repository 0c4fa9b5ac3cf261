import FluentKit
import FornyeProjectBank
import FornyeStorage
import Foundation
import Testing

@Suite struct ProjectRepositoryTests {
    @Test func createDerivesCountyAndCentralityAndRecordsAVersion() async throws {
        try await withProjectStorage { database in
            let repository = ProjectRepository(database: database)
            let record = try await repository.create(document("Test", "Sammendrag", owner: "4601"), by: editorBergen)
            #expect(record.status == .draft)
            #expect(record.ownerName == "Bergen")
            #expect(record.countyNumber == "46")
            #expect(record.centrality == 2)  // SSB 2024 class of Bergen
            #expect(record.typeService && !record.typeProduct)
            var changed = try record.document()
            changed.lessons = "Start smått"
            let updated = try await repository.update(slug: record.slug, with: changed, by: editorBergen)
            #expect(updated.version == 2)
            let versions = try await repository.versions(of: updated)
            #expect(versions.map(\.version) == [2, 1])
            #expect(versions[0].changedFields == "lessons")
            #expect(versions[0].author == "Redaktør Bergen")
        }
    }

    @Test func anInvalidDocumentIsRefusedAndNothingIsSaved() async throws {
        try await withProjectStorage { database in
            let repository = ProjectRepository(database: database)
            var bad = document("Test", String(repeating: "x", count: ProjectValidation.summaryLimit + 1), owner: "9999")
            bad.title = ""
            await #expect(throws: ProjectError.self) { try await repository.create(bad, by: admin) }
            let count = try await repository.count()
            #expect(count == 0)
        }
    }

    @Test func workflowTransitionsAreEnforcedInOnePlace() async throws {
        try await withProjectStorage { database in
            let repository = ProjectRepository(database: database)
            let record = try await repository.create(document("Flyt", "Sammendrag"), by: editorOslo)
            // An editor of another municipality may neither edit nor submit.
            await #expect(throws: ProjectError.self) {
                try await repository.transition(slug: record.slug, to: .submitted, by: editorBergen)
            }
            // draft → published skips review.
            await #expect(throws: ProjectError.transitionNotAllowed(from: .draft, to: .published)) {
                try await repository.transition(slug: record.slug, to: .published, by: admin)
            }
            try await repository.transition(slug: record.slug, to: .submitted, by: editorOslo)
            // Editors do not publish.
            await #expect(throws: ProjectError.self) {
                try await repository.transition(slug: record.slug, to: .published, by: editorOslo)
            }
            try await repository.transition(slug: record.slug, to: .published, by: admin)
            // Published projects are not edited in place by editors: first "needs update".
            await #expect(throws: ProjectError.self) {
                try await repository.update(slug: record.slug, with: try record.document(), by: editorOslo)
            }
            try await repository.transition(slug: record.slug, to: .needsUpdate, by: editorOslo)
            try await repository.update(slug: record.slug, with: try record.document(), by: editorOslo)
            try await repository.transition(slug: record.slug, to: .archived, by: admin)
            let final = try await repository.require(slug: record.slug)
            #expect(final.status == .archived)
            #expect(try await repository.versions(of: final).map(\.action).prefix(2) == ["status:archived", "edited"])
        }
    }
}
