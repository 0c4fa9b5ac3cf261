import Fluent
import FornyeStorage
import FornyeWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct ProjectBankWebTests {
    static let xss = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"

    func form(_ fields: [String: String]) -> [String: String] {
        var all = [
            "title": "Digital hjemmeoppfølging", "summary": "Sensorer i hjemmet.", "stage": "pilot",
            "ownerMunicipality": "0301", "action": "save",
        ]
        for (key, value) in fields { all[key] = value }
        return all
    }

    /// POSTs a form; `token: false` leaves the CSRF token out (the cookie, if any, stays).
    func post(
        _ app: Application, _ path: String, _ headers: HTTPHeaders, _ fields: [String: String], token: Bool = true
    ) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(
            .POST, path, headers: headers,
            beforeRequest: { request in
                if token { try request.form(fields, headers: headers) } else { try request.formWithoutToken(fields) }
            }
        ) { response in result = response }
        return result!
    }

    @Test func publicSearchShowsTheReportProjectsWithFacetsInBothLanguages() async throws {
        try await withTestApp { app in
            let page = try await app.get("/prosjekter")
            #expect(page.status == .ok)
            let body = page.body.string
            #expect(body.contains("Jobb smartere"))
            #expect(body.contains("SMARTBY Stavanger"))
            #expect(body.contains("<legend>Fase</legend>"))
            #expect(body.contains("href=\"/prosjekter\" aria-current=\"page\""))
            let search = try await app.get("/prosjekter?q=velferdsteknologien&lang=en")
            #expect(search.body.string.contains("Jobb smartere"))
            #expect(!search.body.string.contains("SMARTBY Stavanger"))
            #expect(search.body.string.contains("<legend>Stage</legend>"))
            let filtered = try await app.get("/prosjekter?county=11")
            #expect(filtered.body.string.contains("SMARTBY Stavanger"))
            #expect(!filtered.body.string.contains("Jobb smartere"))
            // Los themes: a facet (Jobb smartere is health and care, Møglestu a school) and a filter.
            #expect(body.contains("<legend>Tema (Los)</legend>") && body.contains("Helse og omsorg"))
            #expect(search.body.string.contains("<legend>Theme (Los)</legend>"))
            #expect(search.body.string.contains("Health and care"))
            let themed = try await app.get("/prosjekter?theme=helse-og-omsorg").body.string
            #expect(themed.contains("Jobb smartere") && !themed.contains("SMARTBY Stavanger"))
            #expect(themed.contains("value=\"helse-og-omsorg\" checked"))
            let project = try await app.get("/prosjekter/jobb-smartere-skien")
            #expect(project.status == .ok)
            #expect(project.body.string.contains("Skien"))
            #expect(project.body.string.contains("Ukjent"))
            #expect(project.body.string.contains("Innovasjonsbarometeret 2018"))
        }
    }

    @Test func editorWritesAdminPublishesAndThePublicSeesOnlyPublished() async throws {
        try await withTestApp { app in
            let editor = try await signIn(app, as: .municipalityEditor, municipality: "0301")
            let created = try await post(app, "/prosjekter", editor, form([:]))
            #expect(created.status == .seeOther)
            let location = try #require(created.headers.first(name: .location))
            let slug = String(location.dropFirst("/prosjekter/".count))
            #expect(try await app.get(location).status == .notFound)  // public: a draft does not exist
            #expect(try await app.get("/api/v1/projects/\(slug)").status == .notFound)
            #expect(try await app.get(location, headers: editor).status == .ok)
            // Another municipality's editor neither sees nor edits it.
            let bergen = try await signIn(app, as: .municipalityEditor, municipality: "4601")
            #expect(try await app.get(location, headers: bergen).status == .notFound)
            #expect(try await post(app, location, bergen, form([:])).status == .notFound)
            // An editor may not create for another municipality.
            #expect(
                try await post(app, "/prosjekter", bergen, form(["ownerMunicipality": "0301"])).status == .forbidden)
            // Analysts do not write projects; the public is asked to sign in.
            let analyst = try await signIn(app, as: .analyst)
            #expect(try await post(app, "/prosjekter", analyst, form([:])).status == .forbidden)
            #expect(try await post(app, "/prosjekter", try await publicHeaders(app), form([:])).status == .unauthorized)
            // Workflow: the editor submits, cannot publish; the admin publishes.
            #expect(try await post(app, "\(location)/status", editor, ["status": "published"]).status == .conflict)
            #expect(try await post(app, "\(location)/status", editor, ["status": "submitted"]).status == .seeOther)
            #expect(try await post(app, "\(location)/status", editor, ["status": "published"]).status == .forbidden)
            let admin = try await signIn(app, as: .admin)
            #expect(try await app.get("/prosjekter", headers: admin).body.string.contains("Til godkjenning"))
            #expect(try await post(app, "\(location)/status", admin, ["status": "archived"]).status == .conflict)
            #expect(try await post(app, "\(location)/status", admin, ["status": "published"]).status == .seeOther)
            #expect(try await app.get(location).status == .ok)
            let api = try await app.get("/api/v1/projects?q=hjemmeoppf%C3%B8lging")
            #expect(api.body.string.contains("\"slug\":\"\(slug)\""))
            let history = try await app.get("\(location)/historikk")
            #expect(history.body.string.contains("<td>Opprettet</td>"))
            #expect(
                !history.body.string.contains("status:published") && !history.body.string.contains("status:submitted"))
            // The audit log names the save and each status change of this project.
            let audited = try await AuditLog(database: app.db).entries(perPage: 200).entries
                .filter { $0.target == slug }.map(\.action)
            #expect(audited.filter { $0 == AuditAction.projectSaved.rawValue }.count == 1)
            #expect(audited.filter { $0 == AuditAction.projectStatusChanged.rawValue }.count == 2)
            // Without the CSRF token nothing changes.
            try await app.testing().test(
                .POST, "\(location)/status", headers: admin,
                beforeRequest: { request in
                    try request.formWithoutToken(["status": "needs_update"])
                }
            ) { response in #expect(response.status == .forbidden) }
        }
    }

    @Test func everyFreeTextFieldComesBackEscaped() async throws {
        try await withTestApp { app in
            let admin = try await signIn(app, as: .admin)
            let textFields = [
                "title", "summary", "problem", "targetGroup", "solution", "novelty", "serviceArea", "ownerName",
                "organisation", "evaluationText", "challenges", "lessons", "reuseConditions", "contactName",
                "contactRole", "linkTitle", "basedOn",
            ]
            var fields = form(["ownerMunicipality": ""])
            for field in textFields { fields[field] = Self.xss }
            let rows = [
                "partnerRole-0": "business", "partnerName-0": Self.xss, "financingSource-0": "eu",
                "financingAmount-0": "1000", "financingStatus-0": "granted", "financingNote-0": Self.xss,
                "resultImpact-0": "quality", "resultDescription-0": Self.xss,
            ]
            fields.merge(rows) { _, row in row }
            fields["contactEmail"] = "a@b.no"
            fields["contactConsent"] = "on"
            fields["linkURL"] = "https://example.no/?q=\(Self.xss)"
            let created = try await post(app, "/prosjekter", admin, fields)
            #expect(created.status == .seeOther)
            let location = try #require(created.headers.first(name: .location))
            for path in [location, "\(location)/rediger", "\(location)/historikk"] {
                let body = try await app.get(path, headers: admin).body.string
                #expect(!body.contains("<script>alert"), "\(path)")
                #expect(!body.contains("<img src=x"), "\(path)")
                #expect(
                    body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || path.hasSuffix("historikk"), "\(path)")
            }
            // Search results echo the query escaped too.
            let search = try await app.get("/prosjekter?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
            #expect(!search.body.string.contains("<script>alert"))
        }
    }

    @Test func badInputIsRefusedWithLocatedMessagesAndNothingSaved() async throws {
        try await withTestApp { app in
            let admin = try await signIn(app, as: .admin)
            let before = try await ProjectRepository(database: app.db).count()
            let tooLong = try await post(app, "/prosjekter", admin, form(["title": String(repeating: "x", count: 201)]))
            #expect(tooLong.status == .unprocessableEntity)
            #expect(tooLong.body.string.contains("aria-describedby=\"felt-title-feil\""))
            #expect(tooLong.body.string.contains("id=\"felt-title-feil\""))
            let badNumber = try await post(app, "/prosjekter", admin, form(["ownerMunicipality": "9999"]))
            #expect(badNumber.status == .unprocessableEntity)
            #expect(badNumber.body.string.contains("felt-ownerMunicipality-feil"))
            let badRow = try await post(
                app, "/prosjekter", admin, form(["financingSource-0": "lottery", "financingAmount-0": "lots"]))
            #expect(badRow.status == .unprocessableEntity)
            #expect(badRow.body.string.contains("href=\"#felt-financingSource-0\""))
            #expect(badRow.body.string.contains("id=\"felt-financingAmount-0-feil\""))
            #expect(try await ProjectRepository(database: app.db).count() == before)
        }
    }

    @Test func previewShowsSimilarProjectsAndCompletenessWithoutSaving() async throws {
        try await withTestApp { app in
            let editor = try await signIn(app, as: .municipalityEditor, municipality: "0301")
            let before = try await ProjectRepository(database: app.db).count()
            let preview = try await post(
                app, "/prosjekter", editor,
                form([
                    "title": "Skalering av velferdsteknologi",
                    "summary": "Spre læring om velferdsteknologi i organisasjonen", "action": "preview",
                ]))
            #expect(preview.status == .ok)
            #expect(preview.body.string.contains("Jobb smartere"))
            #expect(preview.body.string.contains("Fullstendighet"))
            #expect(try await ProjectRepository(database: app.db).count() == before)
        }
    }

    /// Issue 20 item 16: on a narrow screen the filters fold into a disclosure (open when some
    /// are chosen, saying how many), and the financing table scrolls in a focusable region.
    @Test func filtersFoldIntoADisclosureAndWideTablesScrollInARegion() async throws {
        try await withTestApp { app in
            let plain = try await app.get("/prosjekter").body.string
            #expect(plain.contains("<details class=\"facets\"><summary><h2>Avgrens</h2></summary>"))
            let filtered = try await app.get("/prosjekter?stage=pilot&stage=spread").body.string
            #expect(filtered.contains("<details class=\"facets\" open><summary><h2>Avgrens (2 valgt)</h2></summary>"))
            let english = try await app.get("/prosjekter?stage=pilot&lang=en").body.string
            #expect(english.contains("<h2>Filter (1 chosen)</h2>"))
            let css = try await app.get("/assets/fornye.css").body.string
            #expect(css.contains("details.facets::details-content { content-visibility: visible;"))
            let slug = try #require(
                try await ProjectRepository(database: app.db).list(statuses: [.published]).first {
                    (try? $0.document().financing.isEmpty) == false
                }?.slug)
            let page = try await app.get("/prosjekter/\(slug)").body.string
            #expect(
                page.contains(
                    "<div class=\"table-wrap\" role=\"region\" aria-label=\"Finansieringskilder\" tabindex=\"0\"><table>"
                ))
        }
    }

    /// Issue 20 item 15: the empty form starts with its first field, not with a low score and a
    /// list of what is missing; the score follows the first section, the list folded away.
    @Test func completenessFollowsTheFirstSectionWithTheMissingListFolded() async throws {
        try await withTestApp { app in
            let editor = try await signIn(app, as: .municipalityEditor, municipality: "0301")
            let page = try await app.get("/prosjekter/ny", headers: editor).body.string
            let firstField = try #require(page.range(of: "id=\"felt-title\""))
            let endOfFirstSection = try #require(page.range(of: "id=\"felt-endDate\""))
            let score = try #require(page.range(of: "Fullstendighet: "))
            #expect(firstField.lowerBound < score.lowerBound)
            #expect(endOfFirstSection.lowerBound < score.lowerBound)
            #expect(page.contains("<details><summary>Mangler "))
            #expect(!page.contains("<p>Mangler:</p>"))
        }
    }

    @Test func apiAndExportsServePublishedProjects() async throws {
        try await withTestApp { app in
            let list = try await app.get("/api/v1/projects?per_page=2")
            #expect(list.status == .ok)
            struct Page: Decodable {
                var total: Int
                var facets: [String: [String: Int]]
                var projects: [Item]
                struct Item: Decodable {
                    var slug: String
                    var losThemes: [String]
                }
            }
            let page = try JSONDecoder().decode(Page.self, from: Data(list.body.string.utf8))
            #expect(page.total == 3 && page.projects.count == 2)
            #expect(page.facets["stage"]?["unknown"] == 3)
            #expect(page.facets["theme"] == ["helse-og-omsorg": 1, "skole-og-utdanning": 1])
            let school = try await app.get("/api/v1/projects?theme=skole-og-utdanning&theme=arbeid")
            let schoolPage = try JSONDecoder().decode(Page.self, from: Data(school.body.string.utf8))
            #expect(schoolPage.total == 1 && schoolPage.projects.first?.losThemes == ["skole-og-utdanning"])
            #expect(try await app.get("/api/v1/projects/smartby-stavanger").status == .ok)
            let csv = try await app.get("/prosjekter/eksport.csv")
            #expect(csv.body.string.hasPrefix("slug,url,title"))
            #expect(
                csv.body.string.contains(",centrality,los_themes,") && csv.body.string.contains(",helse-og-omsorg,"))
            let excel = try await app.get("/prosjekter/eksport-excel.csv")
            #expect(excel.body.string.hasPrefix("\u{FEFF}slug;url;title"))
            #expect(excel.headers.first(name: .contentDisposition)?.contains("fornye-prosjekter-excel.csv") == true)
            #expect(try await app.get("/prosjekter/eksport.json").body.string.contains("\"licence\""))
            #expect(try await app.get("/forskningspartnere").body.string.contains("syntetisk"))
            #expect(try await app.get("/prosjekter/gjenbruk").status == .ok)
        }
    }

    /// The API refuses a filter value it cannot mean with a problem naming the parameter; the
    /// search page, fed by its own form, still answers.
    @Test func apiRefusesInvalidFilterValuesWithProblemDetails() async throws {
        try await withTestApp { app in
            for (query, parameter) in [
                ("stage=bogus", "stage"), ("type=7", "type"), ("type=x", "type"), ("county=0301", "county"),
                ("evaluated=maybe", "evaluated"), ("sort=best", "sort"), ("page=0", "page"),
                ("per_page=1000", "per_page"), ("stage=pilot&research=9", "research"),
                ("theme=helse", "theme"),
            ] {
                let response = try await app.get("/api/v1/projects?\(query)")
                #expect(response.status == .badRequest, "\(query)")
                #expect(response.headers.contentType?.subType == "problem+json", "\(query)")
                let problem = try JSONValue.parse(response.body.string)
                #expect(problem["parameter"]?.string == parameter, "\(query)")
                #expect(problem["type"]?.string == "urn:fornye:problem:invalid-parameter")
            }
            let fine = try await app.get(
                "/api/v1/projects?stage=pilot&stage=idea&county=11&evaluated=false&per_page=5")
            #expect(fine.status == .ok)
            #expect(try await app.get("/prosjekter?stage=bogus").status == .ok)
        }
    }
}
