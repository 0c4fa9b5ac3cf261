import FluentKit
import FluentSQL
import FornyeStorage
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

@Suite struct QuestionnaireTests {
    @Test func routingSkipsTheInnovationSectionsForANonInnovator() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app)
            let base = "/svar/\(fixture.tokens[0])"
            try await app.testing().test(.GET, "\(base)/side/1") { response in
                #expect(response.status == .ok)
                let body = response.body.string
                // The count is every page the questionnaire can show, so it does not change with routing.
                #expect(body.contains("Side 1 av 5"))
                #expect(body.contains("name=\"_csrf\""))
                // Municipality, sector and unit type come from the sample frame; only the role is asked.
                #expect(!body.contains("name=\"kommunenummer\""))
                #expect(!body.contains("name=\"sector\""))
                #expect(!body.contains("name=\"unit_type\""))
                #expect(body.contains("name=\"role\""))
                // A quiet page: no menu or sign-in leads away; the language switch stays.
                #expect(!body.contains("Hovedmeny") && !body.contains("href=\"/logg-inn\""))
                #expect(body.contains("hreflang=\"en\""))
                // Nothing comes before page 1.
                #expect(!body.contains("value=\"back\""))
            }
            var response = try await postForm(app, "\(base)/side/1", nonInnovatorPages[0] + [("action", "next")])
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "\(base)/side/2")
            response = try await postForm(app, "\(base)/side/2", nonInnovatorPages[1] + [("action", "next")])
            // All four "no": the next page is development work, not the newest innovation.
            #expect(response.headers.first(name: .location) == "\(base)/side/3")
            try await app.testing().test(.GET, "\(base)/side/3") { response in
                #expect(response.body.string.contains("name=\"development_underway\""))
                #expect(!response.body.string.contains("name=\"newest_type\""))
                // The last page this unit gets: the summary comes next, before page 5 of 5.
                #expect(response.body.string.contains("Side 3 av 5"))
                #expect(response.body.string.contains("Gå til oppsummering"))
                #expect(response.body.string.contains("value=\"back\""))
            }
            // One "yes" routes to the innovation pages instead (five pages).
            response = try await postForm(
                app, "\(base)/side/2",
                [
                    ("innovated_service", "1"), ("innovated_product", "2"), ("innovated_organisation", "2"),
                    ("innovated_communication", "2"), ("action", "next"),
                ])
            #expect(response.headers.first(name: .location) == "\(base)/side/3")
            try await app.testing().test(.GET, "\(base)/side/3") { response in
                #expect(response.body.string.contains("name=\"newest_type\""))
                // Development work (page 3 of 5) does not apply: the numbering skips it too.
                #expect(response.body.string.contains("Side 4 av 5"))
            }
        }
    }

    @Test func missingAndForeignAnswersAreShownAtTheQuestion() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app)
            let base = "/svar/\(fixture.tokens[0])"
            var response = try await postForm(
                app, "\(base)/side/2",
                [("innovated_service", "7"), ("innovated_product", "1"), ("action", "next")])
            #expect(response.status == .unprocessableEntity)
            let body = response.body.string
            #expect(body.contains("class=\"error-summary\""))
            #expect(body.contains("href=\"#q-innovated_service-1\""))
            #expect(body.contains("«7» er ikke et av svaralternativene"))
            #expect(body.contains("id=\"q-innovated_service-error\""))
            #expect(body.contains("aria-describedby=\"q-innovated_service-error\""))
            #expect(body.contains("id=\"q-innovated_organisation-error\""))
            // The valid answer is kept, the foreign code is not.
            #expect(body.contains("id=\"q-innovated_product-1\" name=\"innovated_product\" value=\"1\" checked"))
            let invitation = try await invitationID(app, fixture.tokens[0])
            var draft = try await CollectionRepository(database: app.db).draft(invitationID: invitation)
            #expect(draft?["innovated_service"] == nil)
            #expect(draft?["innovated_product"] == .code(1))
            // The frame's answers cannot be overridden from a form: Solsiden stays in Oslo, health.
            response = try await postForm(
                app, "\(base)/side/1",
                [("kommunenummer", "4601"), ("sector", "2"), ("unit_type", "5"), ("role", "1"), ("action", "next")])
            #expect(response.status == .seeOther)
            draft = try await CollectionRepository(database: app.db).draft(invitationID: invitation)
            #expect(draft?["kommunenummer"] == .text("0301"))
            #expect(draft?["sector"] == .code(1))
            #expect(draft?["unit_type"] == .code(1))
            #expect(draft?["role"] == .code(1))
        }
    }

    @Test func saveAndResumeKeepsTheAnswers() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app)
            let base = "/svar/\(fixture.tokens[1])"
            var response = try await postForm(app, "\(base)/side/1", nonInnovatorPages[0] + [("action", "next")])
            response = try await postForm(
                app, "\(base)/side/2", [("innovated_service", "2"), ("action", "save")])
            #expect(response.status == .ok)
            #expect(response.body.string.contains("Svarene er lagret"))
            try await app.testing().test(.GET, base) { response in
                #expect(response.body.string.contains("Fortsett der du slapp"))
                #expect(response.body.string.contains("<h1>Testbølge</h1>"))
            }
            try await app.testing().test(.GET, "\(base)/side/2") { response in
                #expect(
                    response.body.string.contains(
                        "id=\"q-innovated_service-2\" name=\"innovated_service\" value=\"2\" checked"))
            }
            try await app.testing().test(.GET, "\(base)/side/1?lang=en") { response in
                #expect(response.body.string.contains("Page 1 of"))
                #expect(response.body.string.contains("id=\"q-role-1\" name=\"role\" value=\"1\" checked"))
            }
        }
    }

    @Test func reviewThenSubmitStoresOneAnonymousResponse() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app)
            let token = fixture.tokens[2]
            let base = "/svar/\(token)"
            for (index, page) in nonInnovatorPages.enumerated() {
                let response = try await postForm(app, "\(base)/side/\(index + 1)", page + [("action", "next")])
                #expect(response.status == .seeOther)
            }
            let review = try await app.testing().sendRequest(.GET, "\(base)/oversikt")
            let body = review.body.string
            #expect(body.contains("Oppsummering"))
            #expect(body.contains("<dd>Leder</dd>"))
            #expect(body.contains("action=\"\(base)/send\""))
            let fields = hiddenFields(body)
            #expect(fields.contains { $0.0 == "submission_key" })
            #expect(fields.contains { $0 == ("development_underway", "1") })

            let first = try await postForm(app, "\(base)/send", fields)
            #expect(first.status == .ok)
            #expect(first.body.string.contains("Svarene dine er mottatt og lagret."))
            // The same form again (double click, retry): acknowledged, not stored twice.
            let again = try await postForm(app, "\(base)/send", fields)
            #expect(again.status == .ok)
            #expect(again.body.string.contains("ikke lagret to ganger"))
            let other = try await postForm(
                app, "\(base)/send", fields.map { $0.0 == "submission_key" ? ($0.0, "another") : $0 })
            #expect(other.status == .gone)

            let responses = try await ResponseRecord.query(on: app.db).all()
            #expect(responses.count == 1)
            let stored = try JSONSerialization.jsonObject(with: Data(responses[0].answersJSON.utf8)) as? [String: Any]
            #expect(stored?["innovated"] as? Double == 2)
            #expect(stored?["development_underway"] as? Double == 1)
            #expect(stored?["newest_type_1"] == nil)
            // The draft is gone, the invitation used, and the anonymous invitation has no link to the response.
            let invitation = try #require(
                try await InvitationRecord.query(on: app.db).filter(\.$tokenHash == InvitationToken.hash(token))
                    .first())
            #expect(invitation.used)
            #expect(invitation.$response.id == nil)
            #expect(try await DraftRecord.query(on: app.db).count() == 0)
            // The response table has no column that could link it to a token, unit or time.
            let sql = try #require(app.db as? any SQLDatabase)
            let columns = try await sql.raw("PRAGMA table_info(responses)").all()
                .map { try $0.decode(column: "name", as: String.self) }
            #expect(Set(columns) == ["id", "wave_id", "answers_json", "weight", "stratum", "psu"])
            #expect(responses[0].stratum == nil && responses[0].psu == nil)
            // The link now says it was used; its pages store nothing.
            try await app.testing().test(.GET, base) { response in
                #expect(response.status == .gone)
                #expect(response.body.string.contains("allerede sendt"))
            }
            let late = try await postForm(app, "\(base)/side/1", nonInnovatorPages[0])
            #expect(late.status == .gone)
            #expect(try await DraftRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func identifiedWavesLinkTheInvitationToTheResponse() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app, mode: .identified)
            let base = "/svar/\(fixture.tokens[0])"
            for (index, page) in nonInnovatorPages.enumerated() {
                _ = try await postForm(app, "\(base)/side/\(index + 1)", page + [("action", "next")])
            }
            let review = try await app.testing().sendRequest(.GET, "\(base)/oversikt")
            let sent = try await postForm(app, "\(base)/send", hiddenFields(review.body.string))
            #expect(sent.status == .ok)
            let response = try #require(try await ResponseRecord.query(on: app.db).first())
            let invitation = try #require(
                try await InvitationRecord.query(on: app.db).filter(\.$used == true).first())
            #expect(invitation.$response.id == response.id)
        }
    }

    @Test func unknownMalformedAndClosedLinksStoreNothing() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app)
            try await app.testing().test(.GET, "/svar/\(InvitationToken.generate())") { response in
                #expect(response.status == .notFound)
                #expect(response.body.string.contains("Vi finner ikke denne lenken"))
            }
            try await app.testing().test(.GET, "/svar/abc<script>") { response in
                #expect(response.status == .notFound)
                #expect(!response.body.string.contains("<script>"))
            }
            let unknown = try await postForm(app, "/svar/\(InvitationToken.generate())/send", [("submission_key", "k")])
            #expect(unknown.status == .notFound)
            try await CollectionRepository(database: app.db).setStatus(.closed, waveID: fixture.wave.requireID())
            let base = "/svar/\(fixture.tokens[0])"
            try await app.testing().test(.GET, base) { response in
                #expect(response.status == .gone)
                #expect(response.body.string.contains("Undersøkelsen er stengt"))
            }
            let closed = try await postForm(app, "\(base)/side/1", nonInnovatorPages[0] + [("action", "next")])
            #expect(closed.status == .gone)
            #expect(try await DraftRecord.query(on: app.db).count() == 0)
            #expect(try await ResponseRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func aFormWithoutTheCSRFTokenIsRefused() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app)
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            let response = try await app.testing().sendRequest(
                .POST, "/svar/\(fixture.tokens[0])/side/1", headers: headers,
                body: ByteBuffer(string: "sector=1&action=next"))
            #expect(response.status == .forbidden)
            #expect(try await DraftRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func theScaleGridGivesEachRadioItsRowAndColumn() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app)
            let base = "/svar/\(fixture.tokens[0])"
            _ = try await postForm(app, "\(base)/side/1", nonInnovatorPages[0] + [("action", "next")])
            _ = try await postForm(
                app, "\(base)/side/2",
                [
                    ("innovated_service", "1"), ("innovated_product", "2"), ("innovated_organisation", "2"),
                    ("innovated_communication", "2"), ("action", "next"),
                ])
            let response = try await postForm(app, "\(base)/side/4", [("factor_leadership", "12"), ("action", "next")])
            #expect(response.status == .unprocessableEntity)
            let body = response.body.string
            #expect(body.contains("<fieldset class=\"grid-row\" id=\"f-factor_leadership\"") == false)
            #expect(body.contains("<legend>Ledelse</legend>"))
            #expect(
                body.contains(
                    "<label for=\"q-factor_leadership-5\">Fremmet i stor grad<span class=\"visually-hidden\"> – Ledelse</span></label>"
                ))
            #expect(body.contains("href=\"#q-factor_leadership-1\""))
        }
    }
}

/// The hidden inputs of a page's forms, in order (the review page's answers and key).
func hiddenFields(_ html: String) -> [(String, String)] {
    let pattern = try! NSRegularExpression(pattern: "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
    return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
        guard let name = Range(match.range(at: 1), in: html), let value = Range(match.range(at: 2), in: html) else {
            return nil
        }
        let decoded = String(html[value]).replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        return String(html[name]) == "_csrf" ? nil : (String(html[name]), decoded)
    }
}

func invitationID(_ app: Application, _ token: String) async throws -> UUID {
    try #require(
        try await InvitationRecord.query(on: app.db).filter(\.$tokenHash == InvitationToken.hash(token)).first()
    ).requireID()
}
