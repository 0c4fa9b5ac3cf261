import FornyeProjectBank
import FornyeStorage
import FornyeWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// The live "similar projects" panel of the project form: the fragment endpoint, its access,
/// its escaping, the script that calls it and the page that loads the script.
@Suite struct ProjectSimilarLiveTests {
    /// A draft written as Skien's project might be described (as in `ProjectSimilarTests`).
    static let skienDraft = [
        "title": "Spre velferdsteknologi i hele kommunen",
        "summary": "Vi vil lære av piloter og skalere velferdsteknologi i egen organisasjon.",
        "problem": "Gode piloter blir ikke tatt i bruk i resten av tjenestene.",
        "serviceArea": "Velferdsteknologi", "sector": "1", "stage": "idea",
    ]

    let bank = ProjectBankWebTests()

    /// The project slugs the fragment's cards link to, in order.
    static func linkedSlugs(_ html: String) -> [String] {
        html.components(separatedBy: "<h3><a href=\"/prosjekter/").dropFirst().compactMap {
            $0.split(separator: "\"").first.map(String.init)
        }
    }

    @Test func aDraftLikeSkiensProjectGetsItFirstInTheFormsOwnSectionInBothLanguages() async throws {
        try await withTestApp { app in
            let editor = try await signIn(app, as: .municipalityEditor, municipality: "0301")
            let fragment = try await bank.post(app, "/prosjekter/ny/lignende", editor, Self.skienDraft)
            #expect(fragment.status == .ok)
            #expect(fragment.headers.contentType == .html)
            let body = fragment.body.string
            #expect(Self.linkedSlugs(body).first == "jobb-smartere-skien", "\(Self.linkedSlugs(body))")
            #expect(body.contains("Finnes dette allerede? Lignende prosjekter"))
            // A fragment for the panel, not a page.
            #expect(!body.contains("<html") && !body.contains("<main"))
            // The same markup the form page shows after "Vis lignende prosjekter" (one view for both).
            var preview = Self.skienDraft
            preview["action"] = "preview"
            preview["ownerMunicipality"] = "0301"
            let page = try await bank.post(app, "/prosjekter", editor, preview).body.string
            #expect(page.contains("<div id=\"lignende-panel\" aria-live=\"polite\">" + body + "</div>"))
            let english = try await bank.post(app, "/prosjekter/ny/lignende?lang=en", editor, Self.skienDraft)
            #expect(english.body.string.contains("Does this exist already? Similar projects"))
            #expect(Self.linkedSlugs(english.body.string).first == "jobb-smartere-skien")
        }
    }

    @Test func nothingSimilarAnswersTheEmptyStateInThePagesLanguage() async throws {
        try await withTestApp { app in
            let admin = try await signIn(app, as: .admin)
            let draft = ["title": "Qwxz zzyzx", "summary": "Vbnmq plokij"]
            let nothing = try await bank.post(app, "/prosjekter/ny/lignende", admin, draft)
            #expect(nothing.status == .ok)
            #expect(nothing.body.string.contains("Ingen publiserte prosjekter ligner på utkastet så langt."))
            #expect(!nothing.body.string.contains("project-card"))
            let english = try await bank.post(app, "/prosjekter/ny/lignende?lang=en", admin, [:])
            #expect(english.body.string.contains("No published project resembles the draft so far."))
            // Texts over the form's limits are cut, not refused: the panel answers while the
            // author is still writing; saving reports the limit.
            var long = Self.skienDraft
            long["title"] = String(repeating: "velferdsteknologi ", count: 2_000)
            long["summary"] = String(repeating: "piloter ", count: 5_000)
            let cut = try await bank.post(app, "/prosjekter/ny/lignende", admin, long)
            #expect(cut.status == .ok)
            #expect(Self.linkedSlugs(cut.body.string).contains("jobb-smartere-skien"))
        }
    }

    @Test func theEditFormsPanelLeavesTheProjectItselfOutAndFollowsTheEditFormsAccess() async throws {
        try await withTestApp { app in
            let admin = try await signIn(app, as: .admin)
            let own = try #require(await ProjectRepository(database: app.db).find(slug: "jobb-smartere-skien"))
            let document = try own.document()
            let fields = [
                "title": document.title, "summary": document.summary, "problem": document.problem,
                "serviceArea": document.serviceArea, "solution": document.solution,
            ]
            let edit = try await bank.post(app, "/prosjekter/jobb-smartere-skien/lignende", admin, fields)
            #expect(edit.status == .ok)
            #expect(!Self.linkedSlugs(edit.body.string).contains("jobb-smartere-skien"))
            // The same draft on the new-project form does find it.
            let new = try await bank.post(app, "/prosjekter/ny/lignende", admin, fields)
            #expect(Self.linkedSlugs(new.body.string).first == "jobb-smartere-skien")
            // An editor may not edit a published project, so may not ask about it either.
            let editor = try await signIn(app, as: .municipalityEditor, municipality: "4003")
            #expect(
                try await bank.post(app, "/prosjekter/jobb-smartere-skien/lignende", editor, fields).status
                    == .forbidden)
            #expect(try await bank.post(app, "/prosjekter/finnes-ikke/lignende", editor, fields).status == .notFound)
        }
    }

    @Test func thePublicAndOtherRolesAreRefusedAndATokenIsRequired() async throws {
        try await withTestApp { app in
            let anonymous = try await publicHeaders(app)
            #expect(
                try await bank.post(app, "/prosjekter/ny/lignende", anonymous, Self.skienDraft).status == .unauthorized)
            let analyst = try await signIn(app, as: .analyst)
            #expect(try await bank.post(app, "/prosjekter/ny/lignende", analyst, Self.skienDraft).status == .forbidden)
            let editor = try await signIn(app, as: .municipalityEditor)
            let noToken = try await bank.post(app, "/prosjekter/ny/lignende", editor, Self.skienDraft, token: false)
            #expect(noToken.status == .forbidden)
            #expect(!noToken.body.string.contains("jobb-smartere-skien"))
            var wrong = Self.skienDraft
            wrong["_csrf"] = String(repeating: "a", count: 43)
            #expect(
                try await bank.post(app, "/prosjekter/ny/lignende", editor, wrong, token: false).status == .forbidden)
        }
    }

    /// A published project whose title and summary carry the XSS corpus, found by a draft that
    /// also carries it: every payload comes back escaped in the fragment.
    @Test func storedAndDraftPayloadsComeBackEscaped() async throws {
        try await withTestApp { app in
            // Stored published in one transaction (the save form's own escaping is ProjectBankWebTests').
            let documents = XSSCorpus.payloads.enumerated().map { index, payload in
                // Validation refuses control characters, so the NUL payload is stored without its NUL.
                let payload = String(payload.unicodeScalars.filter { $0.value >= 32 })
                var document = ProjectDocument()
                document.title = "Snøbrøyting med roboter \(index) \(payload)"
                document.summary = "Roboter brøyter fortau om natten. \(payload)"
                document.problem = "Fortau blir ikke brøytet tidlig nok. \(payload)"
                document.ownerName = payload
                return document
            }
            let stored = try await ProjectRepository(database: app.db).createAll(
                documents, by: ProjectAuthor(actor: .admin, name: "XSS"), status: .published
            )
            .map(\.slug)
            let editor = try await signIn(app, as: .municipalityEditor)
            for payload in XSSCorpus.payloads {
                let fragment = try await bank.post(
                    app, "/prosjekter/ny/lignende", editor,
                    [
                        "title": "Roboter til snøbrøyting \(payload)",
                        "summary": "Fortau brøytet av roboter \(payload)",
                        "problem": payload, "targetGroup": payload, "serviceArea": payload, "solution": payload,
                        "innovationTypes": payload, "sector": payload, "stage": payload,
                    ])
                #expect(fragment.status == .ok)
                let body = fragment.body.string
                #expect(!Self.linkedSlugs(body).isEmpty && Set(Self.linkedSlugs(body)).isSubset(of: stored))
                #expect(body.contains("fx55"), "the stored payloads are shown")
                XSSCorpus.expectEscaped(body, "similar fragment, draft payload \(payload)")
                for markup in XSSCorpus.payloads where markup.contains("<") && body.contains(markup) {
                    Issue.record("payload verbatim in the fragment: \(markup)")
                }
            }
        }
    }

    @Test func theScriptIsServedLikeTheStyleSheet() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let script = try await app.get("/assets/lignende.js")
            #expect(script.status == .ok)
            #expect(script.headers.first(name: .contentType) == "application/javascript; charset=utf-8")
            #expect(script.headers.first(name: .cacheControl) == "public, max-age=3600")
            #expect(script.headers.first(name: "X-Content-Type-Options") == "nosniff")
            let source = script.body.string
            // What the behaviour rests on: the live region's busy state, cancelling overtaken
            // requests, the 700 ms pause, the CSRF field; and nothing the policy forbids.
            for part in ["aria-busy", "AbortController", "controller.abort()", "700", "\"_csrf\"", "status.hidden"] {
                #expect(source.contains(part), "\(part)")
            }
            for forbidden in ["eval(", "new Function", "innerHTML =", ".focus(", "setAttribute(\"on", "style."] {
                #expect(!source.contains(forbidden), "\(forbidden)")
            }
        }
    }

    @Test func theFormPageLoadsTheScriptWithoutInlineScriptAndStillWorksWithoutIt() async throws {
        try await withTestApp { app in
            let editor = try await signIn(app, as: .municipalityEditor)
            let page = try await app.get("/prosjekter/ny", headers: editor)
            #expect(page.status == .ok)
            let csp = try #require(page.headers.first(name: "Content-Security-Policy"))
            #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"))
            let body = page.body.string
            let lower = body.lowercased()
            // One script, from a file; no inline script, style or event-handler attribute.
            #expect(lower.components(separatedBy: "<script").count == 2)
            #expect(body.contains("<script src=\"/assets/lignende.js\" defer></script>"))
            #expect(!lower.contains("<style") && !lower.contains("style=\""))
            #expect(lower.range(of: #"\son[a-z]+="#, options: .regularExpression) == nil)
            // The panel is there for the script to fill, empty until there is something to show.
            #expect(body.contains("data-similar-url=\"/prosjekter/ny/lignende?lang=nb\""))
            #expect(body.contains("<div id=\"lignende-panel\" aria-live=\"polite\"></div>"))
            #expect(body.contains("id=\"lignende-status\" hidden>Søker etter lignende prosjekter …</p>"))
            // Without JavaScript the preview button still asks the server.
            #expect(body.contains("name=\"action\" value=\"preview\""))
            #expect(body.contains("Vis lignende prosjekter og fullstendighet"))
            // The edit form's panel asks about that project; other pages load no script.
            let admin = try await signIn(app, as: .admin)
            let edit = try await app.get("/prosjekter/jobb-smartere-skien/rediger?lang=en", headers: admin)
            #expect(edit.body.string.contains("data-similar-url=\"/prosjekter/jobb-smartere-skien/lignende?lang=en\""))
            #expect(edit.body.string.contains("Looking for similar projects …"))
            for path in ["/prosjekter", "/prosjekter/jobb-smartere-skien"] {
                #expect(!(try await app.get(path, headers: admin)).body.string.contains("<script"), "\(path)")
            }
        }
    }
}
