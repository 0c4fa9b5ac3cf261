import FornyeStorage
import FornyeWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// «Vi har gjenbrukt dette» (issue 20, item 13): a municipal editor records a reuse in a few
/// fields; it shows on the project page, the reuse pages and the reusing municipality's profile.
extension ProjectBankWebTests {
    static let original = "/prosjekter/jobb-smartere-skien"
    static let reuseForm = original + "/vi-har-gjenbrukt"

    @Test func anEditorRecordsAReuseThatEveryReusePageShows() async throws {
        try await withTestApp { app in
            let drammen = try await signIn(app, as: .municipalityEditor, municipality: "3301")
            #expect(!(try await app.get(Self.original).body.string.contains(Self.reuseForm)))
            #expect(try await app.get(Self.original, headers: drammen).body.string.contains(Self.reuseForm))
            let form = try await app.get(Self.reuseForm, headers: drammen)
            #expect(form.status == .ok)
            #expect(form.body.string.contains("Drammen (3301)"))
            let valid = [
                "municipality": "3301", "unit": "Hjemmetjenesten " + Self.xss, "month": "2025-03",
                "changes": "Kortere kurs",
            ]
            // Without the form's token nothing is written.
            #expect(try await post(app, Self.reuseForm, drammen, valid, token: false).status == .forbidden)
            let saved = try await post(app, Self.reuseForm, drammen, valid)
            #expect(saved.status == .seeOther)
            #expect(saved.headers.first(name: .location) == Self.original + "#gjenbruk")
            for path in [Self.original, "/prosjekter/gjenbruk", Self.original + "/gjenbruk"] {
                let body = try await app.get(path).body.string
                #expect(body.contains("Hjemmetjenesten"), "\(path)")
                #expect(body.contains("mars 2025"), "\(path)")
                #expect(!body.contains("<script>alert(1)"), "\(path)")
                #expect(body.contains("&lt;script&gt;alert(1)"), "\(path)")
            }
            #expect(try await app.get("/prosjekter/gjenbruk?lang=en").body.string.contains("Recorded reuse"))
            let log = try await AuditLog(database: app.db).entries(AuditFilter(action: .projectReuseRecorded))
            #expect(log.entries.map(\.details) == ["3301 2025-03"])
        }
    }

    @Test func aRefusedReuseComesBackWithItsErrorsAtTheFields() async throws {
        try await withTestApp { app in
            let drammen = try await signIn(app, as: .municipalityEditor, municipality: "3301")
            let refused = try await post(
                app, Self.reuseForm, drammen,
                [
                    "municipality": "3301", "unit": Self.xss, "month": "2025-13",
                    "changes": String(repeating: "x", count: 2_001),
                ])
            #expect(refused.status == .unprocessableEntity)
            let body = refused.body.string
            #expect(body.contains("href=\"#felt-month\""))
            #expect(body.contains("href=\"#felt-changes\""))
            #expect(body.contains("skriv måneden som ÅÅÅÅ-MM"))
            #expect(body.contains("aria-invalid=\"true\""))
            // A month a browser's month picker cannot hold comes back in a text field: in a
            // type=month input Chromium would empty it on load (project.py checks it in Chromium).
            #expect(body.contains("type=\"text\" id=\"felt-month\" name=\"month\" value=\"2025-13\""))
            // What was typed comes back, escaped.
            #expect(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!body.contains("<script>alert(1)"))
            // Another municipality's number and the owner's own project are refused at the field.
            let other = try await post(
                app, Self.reuseForm, drammen, ["municipality": "4601", "unit": "", "month": "2025-01", "changes": ""])
            #expect(other.status == .unprocessableEntity)
            #expect(other.body.string.contains("bare for sin egen kommune"))
            // A valid month stays in the month picker.
            #expect(other.body.string.contains("type=\"month\" id=\"felt-month\" name=\"month\" value=\"2025-01\""))
            let skien = try await signIn(app, as: .municipalityEditor, municipality: "4003")
            #expect(!(try await app.get(Self.original, headers: skien).body.string.contains(Self.reuseForm)))
            let own = try await post(
                app, Self.reuseForm, skien, ["municipality": "4003", "unit": "", "month": "2025-01", "changes": ""])
            #expect(own.status == .unprocessableEntity)
            // Nothing of these was stored.
            #expect(!(try await app.get("/prosjekter/gjenbruk").body.string.contains("Registrert gjenbruk")))
            // Analysts may not, the public is asked to sign in.
            let analyst = try await signIn(app, as: .analyst)
            #expect(try await app.get(Self.reuseForm, headers: analyst).status == .forbidden)
            #expect(
                try await post(app, Self.reuseForm, try await publicHeaders(app), ["month": "2025-01"]).status
                    == .unauthorized)
        }
    }
}
