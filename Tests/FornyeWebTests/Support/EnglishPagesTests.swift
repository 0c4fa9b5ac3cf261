import FornyeBarometer
import FornyeProjectBank
import FornyeStorage
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import FornyeWeb

/// Issue 20, item 18: a person who chose English meets no bokmål. Every GET page of the access
/// matrix is opened in English (`?lang=en`) by every caller it lets in, with real content where a
/// route takes a parameter (the demo waves, a project, a wave being collected), and form errors
/// and refusals are provoked with the language cookie the switch leaves; `BokmalText` fails on
/// any bokmål word outside the names and the Norwegian offered on purpose (`lang="nb"` with
/// `translate="no"`), and on a number written the Norwegian way (decimal comma, space between
/// thousands or before %). The data is the test's own (English, synthetic) so that what is found
/// is the interface, not what people typed.
@Suite struct EnglishPagesTests {
    static let wave = "2018-syntetisk"
    static let collected = "2026-test"

    @Test func everyPageAndFormErrorIsInEnglish() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            _ = try await DemoContent.seedIfEmpty(app.db)
            let fixture = try await Self.content(app)
            let admin = try await createUser(app, email: "admin-en@example.no", name: "Ada (synthetic)", role: .admin)
            let callers: [(String, HTTPHeaders, Role?)] = [
                ("public", try await publicHeaders(app), nil),
                ("admin", try await logIn(app, email: admin.email, password: testPassword), .admin),
                ("editor", try await signIn(app, as: .municipalityEditor, municipality: "4601"), .municipalityEditor),
            ]
            let samples = try Self.samples(project: fixture.slug, token: fixture.token, user: admin.requireID())
            var findings: [String] = []
            var pages = 0
            let text = try BokmalText(names: Self.names(app))
            for route in AccessMatrix.all where route.method == .GET && !route.access.isMachine {
                let path = samples[route.path] ?? route.sample ?? route.path
                // Editors where their pages differ (signed-in and project-author routes); the public
                // and an admin everywhere they are let in.
                for (caller, headers, role) in callers
                where route.access.allows(role) && (role != .municipalityEditor || !route.access.isEveryone) {
                    let separator = path.contains("?") ? "&" : "?"
                    let response = try await app.get(path + separator + "lang=en", headers: headers)
                    guard response.headers.contentType == .html else { continue }
                    pages += 1
                    findings += text.findings(in: response.body.string).map { "GET \(path) as \(caller): \($0)" }
                    findings += text.norwegianNumbers(in: response.body.string).map {
                        "GET \(path) as \(caller): Norwegian number \($0)"
                    }
                }
            }
            #expect(pages > 50, "only \(pages) English pages were walked")
            findings += try await Self.formErrors(app, callers: callers, project: fixture.slug, text: text)
            #expect(findings.isEmpty, "bokmål on English pages:\n\(findings.joined(separator: "\n"))")
        }
    }

    @Test func theLanguageSwitchIsRememberedForTheNextPageAndForms() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let chosen = try await app.get("/metode?lang=en")
            let cookie = try #require(chosen.headers.setCookie?["lang"])
            #expect(cookie.string == "en")
            var headers = HTTPHeaders()
            headers.cookie = ["lang": HTTPCookies.Value(string: "en")]
            #expect(try await app.get("/prosjekter", headers: headers).body.string.contains("<html lang=\"en\""))
            // Already remembered: not set again; switching back sets bokmål.
            #expect(try await app.get("/metode?lang=en", headers: headers).headers.setCookie?["lang"] == nil)
            #expect(try await app.get("/metode?lang=nb", headers: headers).headers.setCookie?["lang"]?.string == "nb")
            #expect(try await app.get("/metode?lang=xx").headers.setCookie?["lang"] == nil)
        }
    }

    /// A published project in English with a reuse report, an institution and a wave being collected.
    static func content(_ app: Application) async throws -> (slug: String, token: String) {
        let repository = ProjectRepository(database: app.db)
        var document = ProjectDocument()
        document.title = "Fall sensors at home (synthetic)"
        document.summary = "Sensors alert home care when an older person falls (synthetic example)."
        document.language = "en"
        document.ownerMunicipality = "0301"
        document.ownerName = "Home care service (synthetic)"
        document.stage = .pilot
        document.partners = [.init(name: "Example University (synthetic)", role: .research)]
        let record = try await repository.create(
            document, by: ProjectAuthor(actor: .admin, name: "Ada (synthetic)"), status: .published)
        try await repository.recordReuse(
            of: record.slug, ReuseReportInput(municipality: "4601", unit: "Home care", month: "2025-03", changes: ""),
            by: ProjectAuthor(actor: .editor(municipality: "4601"), name: "Bea (synthetic)"),
            register: try MunicipalityRegister.bundled())
        let fixture = try await CollectionFixture.make(app, slug: collected)
        return (record.slug, fixture.tokens[0])
    }

    /// Real values for the routes' parameters where the access matrix has a placeholder.
    static func samples(project: String, token: String, user: UUID) -> [String: String] {
        let collection = "/analyse/innsamling/\(collected)"
        return [
            "/barometer/:wave": "/barometer/\(wave)",
            "/api/v1/waves/:wave": "/api/v1/waves/\(wave)",
            "/kommuner/:nummer": "/kommuner/0301",
            "/prosjekter/:slug": "/prosjekter/\(project)",
            "/prosjekter/:slug/rediger": "/prosjekter/\(project)/rediger",
            "/prosjekter/:slug/historikk": "/prosjekter/\(project)/historikk",
            "/prosjekter/:slug/gjenbruk": "/prosjekter/\(project)/gjenbruk",
            "/prosjekter/:slug/vi-har-gjenbrukt": "/prosjekter/\(project)/vi-har-gjenbrukt",
            "/svar/:token": "/svar/\(token)",
            "/svar/:token/side/:page": "/svar/\(token)/side/1",
            "/svar/:token/oversikt": "/svar/\(token)/oversikt",
            "/analyse/innsamling/:slug": collection,
            "/analyse/innsamling/:slug/lenker": collection + "/lenker",
            "/analyse/innsamling/:slug/import": collection + "/import",
            "/admin/brukere/:id": "/admin/brukere/\(user.uuidString.lowercased())",
        ]
    }

    /// Municipality, county and wave names and the fixtures' unit names: the same in English.
    static func names(_ app: Application) throws -> [String] {
        let register = try MunicipalityRegister.bundled()
        var names: [String] = []
        for year in [2018, 2020, 2024] {
            for municipality in try register.municipalities(on: CalendarDay.newYear(year)) {
                names += [municipality.name, municipality.countyName]
            }
        }
        names += [
            "Innovasjonsbarometeret 2018 – syntetisk grunnlagsbølge",
            "Innovasjonsbarometeret 2020 – syntetisk oppfølging",
        ]
        names += [
            "Solsiden sykehjem", "Fjellet skole", "Havet barnehage", "Elva videregående", "Kari Nordmann", "Testbølge",
        ]
        // The synthetic marker has one spelling in every language (`SyntheticLabel`); the
        // language switch's own name; the self-test's wave has the report's Norwegian name.
        names += ["SYNTETISKE DATA", "Norsk (bokmål)", "Norwegian Bokmål", "Norwegian (bokmål)"]
        // The reuse map's county tiles carry short forms of the county names.
        names += ReuseMap.tiles.map(\.short)
        return names
    }

    /// Refusals and form errors, in English because the switch left its cookie.
    static func formErrors(
        _ app: Application, callers: [(String, HTTPHeaders, Role?)], project: String, text: BokmalText
    ) async throws -> [String] {
        func english(_ headers: HTTPHeaders) -> HTTPHeaders {
            var headers = headers
            var cookies = headers.cookie ?? HTTPCookies()
            cookies["lang"] = HTTPCookies.Value(string: "en")
            headers.cookie = cookies
            return headers
        }
        let (anonymous, admin, editor) = (english(callers[0].1), english(callers[1].1), english(callers[2].1))
        let posts: [(String, String, HTTPHeaders, [(String, String)])] = [
            ("wrong password", "/logg-inn", anonymous, [("email", "nobody@example.no"), ("password", "wrong")]),
            ("project form", "/prosjekter", admin, [("title", ""), ("startDate", "soon"), ("action", "save")]),
            (
                "reuse form", "/prosjekter/\(project)/vi-har-gjenbrukt", editor,
                [("municipality", "4601"), ("month", "2025-13")]
            ),
            ("own-municipality refusal", "/prosjekter", editor, [("title", "x"), ("ownerMunicipality", "0301")]),
            ("project status", "/prosjekter/\(project)/status", admin, [("status", "submitted")]),
            ("user form", "/admin/brukere", admin, [("email", "nul"), ("name", ""), ("role", "admin")]),
            ("wave status", "/analyse/innsamling/\(collected)/status", admin, [("status", "draft")]),
            ("institution form", "/admin/institusjoner", admin, [("name", "")]),
            ("synonym form", "/admin/synonymer", admin, [("members", "x")]),
            ("no form token", "/prosjekter", english(HTTPHeaders()), []),
        ]
        var findings: [String] = []
        for (what, path, headers, fields) in posts {
            let response = try await postForm(app, path, fields, headers: headers)
            #expect(response.status.code >= 400, "\(what): POST \(path) answered \(response.status.code)")
            #expect(response.body.string.contains("<html lang=\"en\""), "\(what): not in English")
            findings += text.findings(in: response.body.string).map { "POST \(path) (\(what)): \($0)" }
            findings += text.norwegianNumbers(in: response.body.string).map {
                "POST \(path) (\(what)): Norwegian number \($0)"
            }
        }
        return findings
    }
}
