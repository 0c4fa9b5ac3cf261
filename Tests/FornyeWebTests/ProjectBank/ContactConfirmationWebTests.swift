import FornyeBarometer
import FornyeProjectBank
import FornyeStorage
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import FornyeWeb

/// The owner's one-step «Bekreft at kontaktpersonene stemmer»: on a published project the contact
/// dates move on without a new review round; nobody else may, and nothing else changes.
extension ProjectBankWebTests {
    func publishedWithContacts(_ app: Application, owner: String) async throws -> ProjectRecord {
        var document = ProjectDocument()
        document.title = "Kontaktprosjekt"
        document.summary = "Sammendrag."
        document.ownerMunicipality = owner
        document.contacts = [.init(name: "Kari Nordmann", email: "kari@skien.kommune.no", publishConsent: true)]
        // An import confirms nobody, so the page starts with «ikke bekreftet».
        return try await ProjectRepository(database: app.db).create(document, by: .importer, status: .published)
    }

    @Test func theOwnerConfirmsTheContactsWithoutAReviewRound() async throws {
        try await withTestApp { app in
            let record = try await publishedWithContacts(app, owner: "4003")
            let page = Paths.project(slug: record.slug)
            let confirm = page + "/bekreft-kontakter"
            let skien = try await signIn(app, as: .municipalityEditor, municipality: "4003")
            let drammen = try await signIn(app, as: .municipalityEditor, municipality: "3301")
            #expect(try await app.get(page).body.string.contains("ikke bekreftet"))
            #expect(!(try await app.get(page).body.string.contains(confirm)))
            #expect(!(try await app.get(page, headers: drammen).body.string.contains(confirm)))
            #expect(try await app.get(page, headers: skien).body.string.contains(confirm))

            #expect(try await post(app, confirm, skien, [:], token: false).status == .forbidden)
            #expect(try await post(app, confirm, drammen, [:]).status == .forbidden)
            #expect(try await post(app, confirm, try await publicHeaders(app), [:]).status == .unauthorized)
            let analyst = try await signIn(app, as: .analyst)
            #expect(try await post(app, confirm, analyst, [:]).status == .forbidden)
            #expect(try await ProjectRepository(database: app.db).versions(of: record).count == 1)

            let done = try await post(app, confirm, skien, [:])
            #expect(done.status == .seeOther)
            #expect(done.headers.first(name: .location) == page + "#kontakter")
            let today = CalendarDay(Date())
            let month = MonthNames.monthYear(year: today.year, month: today.month, .nb)
            let after = try await app.get(page).body.string
            #expect(after.contains("sist bekreftet " + month))
            #expect(after.contains("Publisert · Versjon 2"))
            let english = try await app.get(page + "?lang=en").body.string
            #expect(
                english.contains("last confirmed " + MonthNames.monthYear(year: today.year, month: today.month, .en)))
            let history = try await app.get(page + "/historikk").body.string
            #expect(history.contains("Kontaktpersonene bekreftet"))
            let log = try await AuditLog(database: app.db).entries(AuditFilter(action: .projectContactsConfirmed))
            #expect(log.entries.map(\.target) == [record.slug])
            // The municipality profile shows the same month.
            #expect(try await app.get("/kommuner/4003").body.string.contains("sist bekreftet " + month))
        }
    }

    @Test func aProjectWithoutContactsOrArchivedHasNothingToConfirm() async throws {
        try await withTestApp { app in
            let repository = ProjectRepository(database: app.db)
            var document = ProjectDocument()
            document.title = "Uten kontakter"
            document.summary = "Sammendrag."
            document.ownerMunicipality = "4003"
            let bare = try await repository.create(document, by: .importer, status: .published)
            let skien = try await signIn(app, as: .municipalityEditor, municipality: "4003")
            let page = Paths.project(slug: bare.slug)
            #expect(!(try await app.get(page, headers: skien).body.string.contains("/bekreft-kontakter")))
            let refused = try await post(app, page + "/bekreft-kontakter", skien, [:])
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains("ingen kontaktpersoner å bekrefte"))

            let archived = try await publishedWithContacts(app, owner: "4003")
            try await repository.transition(
                slug: archived.slug, to: .archived, by: ProjectAuthor(actor: .admin, name: "a"))
            let admin = try await signIn(app, as: .admin)
            #expect(
                try await post(app, Paths.project(slug: archived.slug) + "/bekreft-kontakter", admin, [:]).status
                    == .forbidden)
            #expect(try await repository.versions(of: archived).count == 2)
        }
    }
}
