import Fluent
import FornyeProjectBank
import FornyeStorage
import FornyeWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// Partners, financing and results as repeatable Norwegian rows without JavaScript, and facts
/// nobody gave shown as «Ukjent» (issue 20, items 12 and 14).
@Suite struct ProjectFormRowsTests {
    let bank = ProjectBankWebTests()

    @Test func addRowKeepsWhatWasTypedAndRemoveDropsTheTickedRow() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let editor = try await signIn(app, as: .municipalityEditor, municipality: "0301")
            let typed = [
                "partnerRole-0": "research", "partnerName-0": "NTNU",
                "partnerRole-1": "business", "partnerName-1": "Sensorfirma AS",
                "financingSource-0": "research_council", "financingAmount-0": "12 x",
                "resultImpact-0": "quality", "resultDescription-0": "Færre fall",
                "title": "Beholdt tittel", "evaluated": "false",
            ]
            let more = try await bank.post(
                app, "/prosjekter", editor,
                bank.form(typed.merging(["action": "addRow-partners", "extraRows-partners": "1"]) { $1 }))
            #expect(more.status == .ok)
            let body = more.body.string
            // Nothing saved, nothing reported yet, everything typed is back (the amount as typed).
            #expect(try await ProjectRecord.query(on: app.db).filter(\.$title == "Beholdt tittel").count() == 0)
            #expect(!body.contains("error-summary"))
            for value in ["NTNU", "Sensorfirma AS", "12 x", "Færre fall", "Beholdt tittel"] {
                #expect(body.contains("value=\"\(value)\"") || body.contains(">\(value)<"), "\(value)")
            }
            #expect(body.contains("<option value=\"business\" selected>Næringsliv</option>"))
            #expect(body.contains("id=\"felt-evaluated-false\" name=\"evaluated\" value=\"false\" checked"))
            // Two filled partner rows and two empty ones; the other groups keep one empty row.
            #expect(body.contains("id=\"felt-partnerName-3\"") && !body.contains("id=\"felt-partnerName-4\""))
            #expect(body.contains("id=\"felt-resultImpact-1\"") && !body.contains("id=\"felt-resultImpact-2\""))
            #expect(body.contains("name=\"extraRows-partners\" value=\"2\""))
            #expect(body.contains("Legg til rad (partner)") && body.contains("Fjern raden når skjemaet sendes"))
            // The button comes back at the new row.
            #expect(body.contains("formaction=\"/prosjekter#felt-partnerRole-4\""))

            // Saving with partner 1 ticked for removal and the amount fixed.
            var fields = bank.form(typed)
            fields["partnersRemove-0"] = "on"
            fields["financingAmount-0"] = "250 000"
            let saved = try await bank.post(app, "/prosjekter", editor, fields)
            #expect(saved.status == .seeOther)
            let record = try #require(
                try await ProjectRecord.query(on: app.db).filter(\.$title == "Beholdt tittel").first())
            let document = try record.document()
            #expect(document.partners == [.init(name: "Sensorfirma AS", role: .business)])
            #expect(document.financing == [.init(source: .researchCouncil, amount: 250_000)])
            #expect(document.results.map(\.description) == ["Færre fall"])
            #expect(document.evaluated == false)
            let page = try await app.get("/prosjekter/\(record.slug)", headers: editor).body.string
            #expect(page.contains("Næringsliv") && page.contains("Forskningsrådet (FORKOMMUNE)"))
            // Money as bokmål writes it (NorwegianFormat.kroner), never the raw "250000".
            #expect(page.contains("250\u{00A0}000\u{00A0}kr") && !page.contains("250000"))
        }
    }

    @Test func eachRowsProblemIsLocatedAtItsFieldAndNothingIsSaved() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let editor = try await signIn(app, as: .municipalityEditor, municipality: "0301")
            let before = try await ProjectRepository(database: app.db).count()
            let response = try await bank.post(
                app, "/prosjekter", editor,
                bank.form([
                    "partnerName-0": "NTNU",  // no kind chosen
                    "partnerRole-1": "business",  // no name
                    "financingSource-0": "eu", "financingAmount-0": "mye",
                    "financingSource-1": "lottery",
                    "resultImpact-0": "efficiency",  // no description
                ]))
            #expect(response.status == .unprocessableEntity)
            let body = response.body.string
            let expected = [
                ("partnerRole-0", "Type partner (partner 1): velg type partner"),
                ("partnerName-1", "Navn på partneren (partner 2): en partner må ha et navn"),
                ("financingAmount-0", "Beløp (kroner) (finansiering 1): «mye» er ikke et beløp i kroner"),
                ("financingSource-1", "Kilde (finansiering 2): ukjent valg «lottery»"),
                ("resultDescription-0", "Beskrivelse av resultatet (resultat 1): beskriv resultatet"),
            ]
            for (control, text) in expected {
                #expect(body.contains("href=\"#felt-\(control)\""), "\(control)")
                #expect(body.contains(text), "\(text)")
                #expect(body.contains("id=\"felt-\(control)-feil\""), "\(control)")
            }
            #expect(body.contains("aria-describedby=\"felt-financingAmount-0-hint felt-financingAmount-0-feil\""))
            #expect(try await ProjectRepository(database: app.db).count() == before)
            // English beside it.
            let english = try await bank.post(
                app, "/prosjekter?lang=en", editor, bank.form(["partnerName-0": "NTNU"]))
            #expect(english.body.string.contains("choose the kind of partner"))
        }
    }

    @Test func rowsAreBoundedAndRowNumbersPastTheLimitAreIgnored() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let editor = try await signIn(app, as: .municipalityEditor, municipality: "0301")
            let limit = ProjectValidation.listLimit
            var fields = bank.form(["action": "addRow-results", "extraRows-results": "100000"])
            fields["resultImpact-\(limit)"] = "quality"
            fields["resultDescription-\(limit)"] = "utenfor grensen"
            let response = try await bank.post(app, "/prosjekter", editor, fields)
            let body = response.body.string
            #expect(response.status == .ok)
            #expect(body.contains("id=\"felt-resultImpact-\(limit - 1)\""))
            #expect(!body.contains("id=\"felt-resultImpact-\(limit)\"") && !body.contains("utenfor grensen"))
            #expect(body.contains("Høyst \(limit) rader."))
        }
    }

    @Test func anUnansweredFactIsUnknownOnTheFormThePageTheAPIAndTheExport() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let admin = try await signIn(app, as: .admin)
            let created = try await bank.post(app, "/prosjekter", admin, bank.form(["title": "Ubesvart evaluering"]))
            #expect(created.status == .seeOther)
            let location = try #require(created.headers.first(name: .location))
            let slug = String(location.dropFirst("/prosjekter/".count))
            for status in ["submitted", "published"] {
                _ = try await bank.post(app, "\(location)/status", admin, ["status": status])
            }
            let form = try await app.get("\(location)/rediger", headers: admin).body.string
            // An empty attribute value renders bare (`value` is value="").
            #expect(form.contains("id=\"felt-evaluated-ukjent\" name=\"evaluated\" value checked"))
            #expect(form.contains(">Vet ikke<") && !form.contains("name=\"evaluated\" value=\"false\" checked"))
            let page = try await app.get(location).body.string
            #expect(page.contains("<dt>Evaluert</dt><dd><span class=\"unknown\">Ukjent</span></dd>"))
            #expect(!page.contains("Nei/ukjent"))
            let api = try await app.get("/api/v1/projects/\(slug)").body.string
            #expect(!api.contains("\"evaluated\""))
            let csv = try await app.get("/prosjekter/eksport.csv").body.string
            let lines = csv.split(whereSeparator: \.isNewline)
            let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
            let column = try #require(header.firstIndex(of: "evaluated"))
            let row = try #require(lines.first { $0.contains("Ubesvart evaluering") })
            #expect(row.split(separator: ",", omittingEmptySubsequences: false)[column] == "")
            // Neither filter finds it; «Ja» finds it once answered.
            for answer in ["true", "false"] {
                let found = try await app.get("/api/v1/projects?evaluated=\(answer)").body.string
                #expect(!found.contains("Ubesvart evaluering"), "\(answer)")
            }
        }
    }
}
