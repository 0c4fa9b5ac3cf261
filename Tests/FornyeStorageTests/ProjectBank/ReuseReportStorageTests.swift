import FluentKit
import FornyeBarometer
import FornyeProjectBank
import FornyeStorage
import FornyeTestSupport
import Foundation
import Testing

/// «Vi har gjenbrukt dette» reports and contact confirmations (migrations 0074 and 0075).
@Suite struct ReuseReportStorageTests {
    let register = try! MunicipalityRegister.bundled()
    let day = CalendarDay(year: 2025, month: 6, day: 1)!

    func published(_ repository: ProjectRepository, _ title: String, owner: String) async throws -> ProjectRecord {
        try await repository.create(document(title, "Sammendrag", owner: owner), by: admin, status: .published)
    }

    @Test(arguments: TestDatabase.all) func aReportCountsAsReuseBothWays(backend: TestDatabase) async throws {
        try await withProjectStorage(backend) { database in
            let repository = ProjectRepository(database: database)
            let oslo = try await published(repository, "Oslos prosjekt", owner: "0301")
            let bergensOwn = try await published(repository, "Bergens prosjekt", owner: "4601")
            let input = ReuseReportInput(municipality: "4601", unit: "Skole", month: "2025-02", changes: "")
            try await repository.recordReuse(of: oslo.slug, input, by: editorBergen, register: register, on: day)
            let reports = try await repository.reuseReports(of: oslo)
            #expect(reports.map(\.municipalityName) == ["Bergen"])
            #expect(reports.map(\.countyNumber) == ["46"])
            let all = try await repository.publishedReuses()
            #expect(all.map(\.original.slug) == [oslo.slug])
            #expect(all[0].reuser.report?.unit == "Skole" && all[0].reuser.project == nil)
            #expect(try await repository.publishedReuses(of: bergensOwn.slug).isEmpty)
            let bergen = try await repository.publishedReuses(municipality: "4601")
            #expect(bergen.reusedHere.map(\.original.slug) == [oslo.slug])
            #expect(bergen.reusedFromHere.isEmpty)
            let osloReuse = try await repository.publishedReuses(municipality: "0301")
            #expect(osloReuse.reusedFromHere.map(\.reuser.ownerName) == ["Bergen"])
            #expect(osloReuse.reusedHere.isEmpty)
        }
    }

    @Test func aReportOnAnUnpublishedProjectOrAnInvalidOneWritesNothing() async throws {
        try await withProjectStorage { database in
            let repository = ProjectRepository(database: database)
            let draft = try await repository.create(document("Utkast", "Sammendrag", owner: "0301"), by: editorOslo)
            let input = ReuseReportInput(municipality: "4601", unit: "", month: "2025-02", changes: "")
            await #expect(throws: ProjectError.notFound(draft.slug)) {
                try await repository.recordReuse(of: draft.slug, input, by: editorBergen, register: register, on: day)
            }
            let oslo = try await published(repository, "Oslos prosjekt", owner: "0301")
            var late = input
            late.month = "2026-01"
            await #expect(throws: ProjectError.self) {
                try await repository.recordReuse(of: oslo.slug, late, by: editorBergen, register: register, on: day)
            }
            await #expect(throws: ProjectError.self) {
                try await repository.recordReuse(of: oslo.slug, input, by: .importer, register: register, on: day)
            }
            #expect(try await ProjectReuseReportRecord.query(on: database).count() == 0)
            #expect(try await AuditLog(database: database).entries().total == 0)
        }
    }

    @Test(arguments: TestDatabase.all) func savingConfirmsContactsAndImportsDoNot(backend: TestDatabase) async throws {
        try await withProjectStorage(backend) { database in
            let repository = ProjectRepository(database: database)
            var withContacts = document("Kontakter", "Sammendrag", owner: "0301")
            withContacts.contacts = [
                .init(name: "Kari Nordmann", email: "Kari@Oslo.kommune.no", publishConsent: true),
                .init(name: "Ola Uten E-post", email: "", publishConsent: true),
            ]
            let imported = try await repository.create(withContacts, by: .importer)
            #expect(try await repository.contactConfirmations(of: [imported]).isEmpty)
            let record = try await repository.create(withContacts, by: editorOslo)
            let first = try await repository.contactConfirmations(of: [record])[try record.requireID()] ?? [:]
            #expect(Set(first.keys) == ["kari@oslo.kommune.no", "name:ola uten e-post"])
            #expect(
                ContactConfirmations.key(withContacts.contacts[0]) == "kari@oslo.kommune.no"
                    && first["kari@oslo.kommune.no"] != nil)
            // A later save moves the date on; a contact added then is confirmed from then.
            var changed = try record.document()
            changed.contacts.append(.init(name: "Per", email: "per@oslo.kommune.no", publishConsent: false))
            try await Task.sleep(for: .milliseconds(20))
            try await repository.update(slug: record.slug, with: changed, by: editorOslo)
            let second = try await repository.contactConfirmations(of: [record])[try record.requireID()] ?? [:]
            #expect(second.count == 3)
            #expect(second["kari@oslo.kommune.no"]! > first["kari@oslo.kommune.no"]!)
        }
    }

    @Test(arguments: TestDatabase.all) func theOwnerConfirmsContactsWithoutChangingTheDocument(backend: TestDatabase)
        async throws
    {
        try await withProjectStorage(backend) { database in
            let repository = ProjectRepository(database: database)
            var withContacts = document("Kontakter", "Sammendrag", owner: "0301")
            withContacts.contacts = [.init(name: "Kari", email: "kari@oslo.kommune.no", publishConsent: true)]
            let record = try await repository.create(withContacts, by: .importer, status: .published)
            let id = try record.requireID()
            await #expect(throws: ProjectError.self) {
                try await repository.confirmContacts(slug: record.slug, by: editorBergen)
            }
            await #expect(throws: ProjectError.self) {
                try await repository.confirmContacts(slug: record.slug, by: .importer)
            }
            #expect(try await repository.contactConfirmations(of: [record]).isEmpty)
            let before = try await repository.require(slug: record.slug)
            let confirmed = try await repository.confirmContacts(slug: record.slug, by: editorOslo)
            #expect(confirmed.status == .published && confirmed.version == 2)
            #expect(try await repository.contactConfirmations(of: [record])[id]?["kari@oslo.kommune.no"] != nil)
            let after = try await repository.require(slug: record.slug)
            #expect(after.documentJSON == before.documentJSON)
            let versions = try await repository.versions(of: record)
            #expect(versions.map(\.action) == ["contacts:confirmed", "imported"])
            #expect(versions[0].author == editorOslo.name)
        }
    }
}
