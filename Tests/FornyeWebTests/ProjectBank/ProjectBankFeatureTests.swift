import Fluent
import FornyeStorage
import FornyeWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// Several contacts and links, the reuse tile map, the institutions admin form and the label fixes.
@Suite struct ProjectBankFeatureTests {
    let bank = ProjectBankWebTests()

    func slug(_ response: TestingHTTPResponse) throws -> String {
        String(try #require(response.headers.first(name: .location)).dropFirst("/prosjekter/".count))
    }

    func publish(_ app: Application, _ slug: String, admin: HTTPHeaders) async throws {
        for status in ["submitted", "published"] {
            #expect(
                try await bank.post(app, "/prosjekter/\(slug)/status", admin, ["status": status]).status == .seeOther)
        }
    }

    @Test func severalContactsOnlyConsentedOnesArePublicAndInExports() async throws {
        try await withTestApp { app in
            let admin = try await signIn(app, as: .admin)
            let fields = bank.form([
                "contactName-0": "Kari Samtykke", "contactEmail-0": "kari@example.no", "contactConsent-0": "on",
                "contactName-1": "Ola Hemmelig", "contactEmail-1": "ola@example.no",
                "contactName-2": "Per Også", "contactEmail-2": "per@example.no", "contactConsent-2": "on",
                "linkTitle-0": "Rapport", "linkURL-0": "https://example.no/rapport",
                "linkTitle-1": "Video", "linkURL-1": "http://example.no/video",
            ])
            let created = try await bank.post(app, "/prosjekter", admin, fields)
            #expect(created.status == .seeOther)
            let slug = try slug(created)
            try await publish(app, slug, admin: admin)
            let record = try #require(try await ProjectRepository(database: app.db).find(slug: slug))
            let document = try record.document()
            #expect(document.contacts.map(\.name) == ["Kari Samtykke", "Ola Hemmelig", "Per Også"])
            #expect(document.links.map(\.url) == ["https://example.no/rapport", "http://example.no/video"])
            let page = try await app.get("/prosjekter/\(slug)").body.string
            #expect(page.contains("Kari Samtykke") && page.contains("Per Også"))
            #expect(!page.contains("Ola Hemmelig") && !page.contains("ola@example.no"))
            #expect(page.contains("href=\"http://example.no/video\""))
            for path in ["/api/v1/projects/\(slug)", "/prosjekter/eksport.json", "/prosjekter/eksport.csv"] {
                let body = try await app.get(path).body.string
                #expect(body.contains("Kari Samtykke") || path.hasSuffix(".csv"), "\(path)")
                #expect(!body.contains("Ola Hemmelig") && !body.contains("ola@example.no"), "\(path)")
            }
            // The admin sees every contact, marked.
            let adminPage = try await app.get("/prosjekter/\(slug)", headers: admin).body.string
            #expect(adminPage.contains("Ola Hemmelig"))
        }
    }

    @Test func addAnotherRowKeepsWhatWasTypedAndLinksMustBeHTTP() async throws {
        try await withTestApp { app in
            let editor = try await signIn(app, as: .municipalityEditor, municipality: "0301")
            let more = try await bank.post(
                app, "/prosjekter", editor,
                bank.form([
                    "action": "addRow-contacts", "contactName-0": "Kari", "extraRows-contacts": "1",
                    "title": "Beholdt tittel",
                ]))
            #expect(more.status == .ok)
            let body = more.body.string
            #expect(body.contains("value=\"Kari\""))
            #expect(body.contains("value=\"Beholdt tittel\""))
            // One filled row plus two empty ones now.
            #expect(body.contains("id=\"felt-contactName-2\""))
            #expect(!body.contains("id=\"felt-contactName-3\""))
            #expect(try await ProjectRecord.query(on: app.db).filter(\.$title == "Beholdt tittel").count() == 0)
            let links = try await bank.post(
                app, "/prosjekter", editor, bank.form(["action": "addRow-links", "extraRows-links": "1"]))
            #expect(links.body.string.contains("id=\"felt-linkURL-1\""))
            // A javascript: link is refused, with the field's label in the summary and a link to it.
            let bad = try await bank.post(
                app, "/prosjekter", editor,
                bank.form([
                    "linkTitle-0": "Klikk", "linkURL-0": "javascript:alert(1)", "contactName-0": "K",
                    "contactEmail-0": "ikke-en-adresse",
                ]))
            #expect(bad.status == .unprocessableEntity)
            let errors = bad.body.string
            #expect(errors.contains("href=\"#felt-linkURL-0\""))
            #expect(errors.contains("Adresse (lenke 1): må være en http(s)-adresse"))
            #expect(errors.contains("href=\"#felt-contactEmail-0\""))
            #expect(errors.contains("E-post (kontaktperson 1)"))
            #expect(!errors.contains("links[0].url"))
            #expect(errors.contains("aria-describedby=\"felt-linkURL-0-hint felt-linkURL-0-feil\""))
        }
    }

    @Test func countsUseSingularAndFacetCountsStandApart() async throws {
        try await withTestApp { app in
            let one = try await app.get("/prosjekter?q=velferdsteknologien").body.string
            #expect(one.contains(">1 prosjekt<"))
            #expect(!one.contains("1 prosjekter"))
            let english = try await app.get("/prosjekter?q=velferdsteknologien&lang=en").body.string
            #expect(english.contains(">1 project<"))
            let all = try await app.get("/prosjekter").body.string
            #expect(all.contains(">3 prosjekter<"))
            #expect(!all.contains(") (1)"))
            #expect(all.contains("class=\"facet-count\""))
            #expect(all.contains("<span class=\"visually-hidden\">, 1 prosjekt</span>"))
        }
    }

    @Test func reuseMapDrawsTheCountiesWithTitleDescriptionAndTables() async throws {
        try await withTestApp { app in
            let admin = try await signIn(app, as: .admin)
            // Bergen (Vestland) and Trondheim (Trøndelag) build on Skien's «Jobb smartere».
            for (owner, title) in [("4601", "Jobb smartere i Bergen"), ("5001", "Jobb smartere i Trondheim")] {
                let created = try await bank.post(
                    app, "/prosjekter", admin,
                    bank.form(["title": title, "ownerMunicipality": owner, "basedOn": "jobb-smartere-skien"]))
                try await publish(app, try slug(created), admin: admin)
            }
            let page = try await app.get("/prosjekter/gjenbruk")
            #expect(page.status == .ok)
            let body = page.body.string
            #expect(body.contains("<svg"))
            #expect(body.contains("role=\"img\""))
            #expect(body.contains("aria-labelledby=\"gjenbruk-tittel gjenbruk-beskrivelse\""))
            #expect(body.contains("<title id=\"gjenbruk-tittel\">"))
            #expect(body.contains("<desc id=\"gjenbruk-beskrivelse\">"))
            #expect(body.contains("<figcaption"))
            #expect(body.contains("<caption>Gjenbruk per fylke</caption>"))
            #expect(body.contains("<caption>Fra fylke til fylke</caption>"))
            #expect(body.contains("Vestland: 1 kommune"))
            #expect(body.contains("Telemark → Trøndelag: 1 gjenbruk"))
            #expect(body.contains("url(#gjenbruk-p1)"))
            #expect(!body.contains("style="))
            #expect(body.contains("2 registrerte gjenbruk"))
            // The project's own "reused by" page.
            let own = try await app.get("/prosjekter/jobb-smartere-skien/gjenbruk")
            #expect(own.status == .ok)
            #expect(own.body.string.contains("Jobb smartere i Bergen"))
            #expect(own.body.string.contains("2 kommuner"))
            let project = try await app.get("/prosjekter/jobb-smartere-skien").body.string
            #expect(project.contains("href=\"/prosjekter/jobb-smartere-skien/gjenbruk\""))
            #expect(try await app.get("/prosjekter/finnes-ikke/gjenbruk").status == .notFound)
        }
    }

    @Test func adminsCreateAndEditInstitutionsThatAreSuggestedAndAudited() async throws {
        try await withTestApp { app in
            let admin = try await signIn(app, as: .admin)
            let form = try await app.get("/admin/institusjoner/ny", headers: admin)
            #expect(form.status == .ok)
            #expect(form.body.string.contains("<label for=\"felt-competence\">"))
            // Laid out like the project form: its class and a framed fieldset, and the style sheet
            // widens every kind of input the form has (the url input used to keep the browser's width).
            #expect(form.body.string.contains("class=\"project-form\""))
            #expect(form.body.string.contains("<legend>Institusjonen</legend>"))
            let css = try await app.get("/assets/fornye.css").body.string
            for type in ["text", "url"] {
                #expect(form.body.string.contains("type=\"\(type)\""))
                #expect(css.contains(".project-form input[type=\(type)]"))
            }
            let bad = try await bank.post(
                app, "/admin/institusjoner", admin, ["name": "", "kind": "x", "competence": "", "url": "ftp://x"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("href=\"#felt-url\""))
            #expect(bad.body.string.contains("Nettside: må være en http(s)-adresse"))
            #expect(bad.body.string.contains("aria-describedby=\"felt-competence-hint felt-competence-feil\""))
            let created = try await bank.post(
                app, "/admin/institusjoner", admin,
                [
                    "name": "Senter for kommunal sensorteknologi", "kind": "Forskningsinstitutt",
                    "competence": "sensorteknologi\r\nhjemmetjenester", "contact": "post@example.no",
                    "url": "https://example.no",
                ])
            #expect(created.status == .seeOther)
            let record = try #require(
                try await ResearchInstitutionRecord.query(on: app.db).filter(
                    \.$name == "Senter for kommunal sensorteknologi"
                )
                .first())
            #expect(record.competenceAreas == ["sensorteknologi", "hjemmetjenester"])
            #expect(record.contact == "post@example.no")
            let list = try await app.get("/admin/institusjoner", headers: admin).body.string
            #expect(list.contains("Senter for kommunal sensorteknologi"))
            let edited = try await bank.post(
                app, "/admin/institusjoner/\(record.slug)", admin,
                ["name": "Senter for sensorteknologi", "kind": "Universitet", "competence": "sensorteknologi"])
            #expect(edited.status == .seeOther)
            // A project seeking a partner about sensor technology gets it suggested.
            let project = try await bank.post(
                app, "/prosjekter", admin,
                bank.form(["summary": "Sensorteknologi i hjemmet.", "seeksResearchPartner": "on"]))
            let page = try await app.get("/prosjekter/\(try slug(project))", headers: admin).body.string
            #expect(page.contains("Senter for sensorteknologi"))
            let audit = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "institution.saved").count()
            #expect(audit == 2)
            // Editors and analysts may not.
            let editor = try await signIn(app, as: .municipalityEditor)
            #expect(try await app.get("/admin/institusjoner/ny", headers: editor).status == .forbidden)
            #expect(try await app.get("/admin/institusjoner/finnes-ikke", headers: admin).status == .notFound)
        }
    }

    @Test func xssInContactAndInstitutionFieldsIsEscaped() async throws {
        try await withTestApp { app in
            let admin = try await signIn(app, as: .admin)
            for (index, payload) in XSSCorpus.payloads.enumerated() {
                let created = try await bank.post(
                    app, "/prosjekter", admin,
                    bank.form([
                        "title": "Prosjekt \(index)", "contactName-0": payload, "contactEmail-0": "a@\(index).no",
                        "contactRole-0": payload, "contactConsent-0": "on", "linkTitle-0": payload,
                        "linkURL-0": "https://example.no/\(index)",
                    ]))
                // The payload with a NUL is refused (control characters) and the form comes back escaped.
                if payload.contains("\u{0}") {
                    #expect(created.status == .unprocessableEntity, "payload \(index)")
                    XSSCorpus.expectEscaped(created.body.string, "refused contact payload \(index)")
                } else {
                    #expect(created.status == .seeOther, "payload \(index)")
                    let location = created.headers.first(name: .location) ?? ""
                    let page = try await app.get(location, headers: admin).body.string
                    #expect(page.contains("fx55"))
                    XSSCorpus.expectEscaped(page, "contact payload \(index)")
                    let form = try await app.get(location + "/rediger", headers: admin)
                    XSSCorpus.expectEscaped(form.body.string, "form with contact payload \(index)")
                }
                let institution = try await bank.post(
                    app, "/admin/institusjoner", admin,
                    ["name": payload, "kind": "Annen", "competence": payload, "contact": payload, "url": ""])
                // The payload with a NUL is refused (control characters); the form shows it escaped.
                #expect(
                    institution.status == (payload.contains("\u{0}") ? .unprocessableEntity : .seeOther),
                    "institution payload \(index)")
                XSSCorpus.expectEscaped(institution.body.string, "institution form \(index)")
            }
            for path in ["/admin/institusjoner", "/forskningspartnere"] {
                let body = try await app.get(path, headers: admin).body.string
                #expect(body.contains("fx55"))
                XSSCorpus.expectEscaped(body, "\(path)")
            }
            let slug = try #require(
                try await ResearchInstitutionRecord.query(on: app.db).filter(\.$kind == "Annen").first()?.slug)
            XSSCorpus.expectEscaped(try await app.get("/admin/institusjoner/\(slug)", headers: admin).body.string)
        }
    }
}
