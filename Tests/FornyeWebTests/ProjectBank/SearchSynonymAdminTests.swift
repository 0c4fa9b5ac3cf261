import FornyeStorage
import Foundation
import Testing
import Vapor
import VaporTesting

/// `/admin/synonymer` (admins add and remove search synonym groups, used by the next search) and
/// the search page's «Mente du …?».
@Suite struct SearchSynonymAdminTests {
    func post(_ app: Application, _ path: String, _ headers: HTTPHeaders, _ fields: [String: String]) async throws
        -> TestingHTTPResponse
    {
        var result: TestingHTTPResponse?
        try await app.testing().test(
            .POST, path, headers: headers, beforeRequest: { try $0.form(fields, headers: headers) }
        ) { result = $0 }
        return result!
    }

    @Test func anAdminAddsAGroupTheSearchUsesAtOnceAndRemovesIt() async throws {
        try await withTestApp { app in
            let admin = try await signIn(app, as: .admin)
            #expect(try await app.get("/prosjekter?q=kvb").body.string.contains("Ingen prosjekter passer søket."))
            let added = try await post(app, "/admin/synonymer", admin, ["members": "KVB, Skien"])
            #expect(added.status == .seeOther && added.headers.first(name: .location) == "/admin/synonymer")
            let list = try await app.get("/admin/synonymer", headers: admin).body.string
            #expect(list.contains("<th scope=\"row\">kvb, skien</th>"))
            let search = try await app.get("/prosjekter?q=kvb").body.string
            #expect(search.contains("Jobb smartere") && search.contains("kvb → skien"))
            // Refused: the summary names the problem, the field keeps what was typed, nothing is stored.
            let refused = try await post(app, "/admin/synonymer", admin, ["members": "Skien, <b>"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("«&lt;b&gt;» kan bare ha bokstaver, sifre, mellomrom og bindestrek"))
            let taken = try await post(app, "/admin/synonymer", admin, ["members": "Skien, Porsgrunn"])
            #expect(taken.status == .unprocessableEntity)
            #expect(taken.body.string.contains("«skien» er allerede i en gruppe"))
            #expect(refused.body.string.contains("value=\"Skien, &lt;b&gt;\""))
            let audited = try await AuditLog(database: app.db).entries(perPage: 50).entries
                .filter { $0.action == "search_synonyms.changed" }
            #expect(audited.map(\.details) == ["added"])
            let record = try #require(try await SearchSynonymStore(database: app.db).list().first)
            let id = try record.requireID().uuidString.lowercased()
            #expect(list.contains("action=\"/admin/synonymer/\(id)/slett\""))
            let removed = try await post(app, "/admin/synonymer/\(id)/slett", admin, [:])
            #expect(removed.status == .seeOther)
            #expect(!(try await app.get("/prosjekter?q=kvb").body.string.contains("Jobb smartere")))
            #expect(try await post(app, "/admin/synonymer/\(id)/slett", admin, [:]).status == .notFound)
            // Editors cannot reach it.
            let editor = try await signIn(app, as: .municipalityEditor, municipality: "4003")
            #expect(try await app.get("/admin/synonymer", headers: editor).status == .forbidden)
        }
    }

    @Test func theSearchPageOffersTheClosestWordWhenAWordFindsNothing() async throws {
        try await withTestApp { app in
            let page = try await app.get("/prosjekter?q=Stavnager").body.string
            #expect(page.contains("Mente du <a href=\"/prosjekter?q=stavanger\"><q>stavanger</q></a>?"))
            let english = try await app.get("/prosjekter?q=Stavnager&lang=en").body.string
            #expect(english.contains("Did you mean <a href=\"/prosjekter?lang=en&amp;q=stavanger\">"))
            #expect(!(try await app.get("/prosjekter?q=Stavanger").body.string.contains("Mente du")))
        }
    }
}
