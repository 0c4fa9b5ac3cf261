import FluentKit
import FornyeBarometer
import FornyeFormats
import FornyeStorage
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

@Suite struct WaveAdminTests {
    /// A multipart body with the new-wave fields and a CSV file.
    func multipart(_ fields: [(String, String)], file: String, filename: String = "utvalg.csv", csrf: String)
        -> (HTTPHeaders, ByteBuffer)
    {
        let boundary = "fornye-test-boundary"
        var body = ""
        for (name, value) in [("_csrf", csrf)] + fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\n"
        body += "Content-Type: text/csv\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
        return (headers, ByteBuffer(string: body))
    }

    @Test func thePublicAndRespondentsCannotReachTheAnalystPages() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            try await app.testing().test(.GET, "/analyse/innsamling") { response in
                #expect(response.status == .seeOther)
            }
            let editor = try await signIn(app, as: .municipalityEditor)
            try await app.testing().test(.GET, "/analyse/innsamling", headers: editor) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func aFrameWithErrorsIsRefusedWholeWithLocatedMessages() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            var headers = try await signIn(app, as: .analyst)
            let csv = """
                enhet;kommunenummer;sektor;enhetstype;epost
                Solsiden;0301;1;1;a@solsiden.example
                Fjellet;1201;2;5;ikke-epost
                Havet;4601;3;4;b@havet.example
                """
            let (formHeaders, body) = multipart(
                [("slug", "2026"), ("title", "Barometer 2026"), ("mode", "anonymous"), ("date", "2026-03-01")],
                file: csv, csrf: headers.csrfToken)
            headers.contentType = formHeaders.contentType
            let response = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/ny", headers: headers, body: body)
            #expect(response.status == .unprocessableEntity)
            let text = response.body.string
            #expect(text.contains("utvalg.csv, row 3, column «kommunenummer»"))
            #expect(text.contains("row 3, column «epost»: «ikke-epost» is not an e-mail address"))
            #expect(text.contains("row 4, column «sektor»: «3» is not one of"))
            #expect(text.contains("aria-describedby=\"file-hint file-error\""))
            #expect(try await WaveRecord.query(on: app.db).count() == 0)
            #expect(try await SampleUnitRecord.query(on: app.db).count() == 0)
        }
    }

    static let privacyFields = [
        ("organizer", "KS"), ("contact", "barometer@ks.example"), ("purpose", ""), ("retention", "2099-12-31"),
    ]

    @Test func aSmallFrameCannotBeAnonymous() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            var headers = try await signIn(app, as: .analyst)
            let (formHeaders, body) = multipart(
                [("slug", "2026"), ("title", "Barometer 2026"), ("mode", "anonymous"), ("date", "2026-03-01")]
                    + Self.privacyFields,
                file: CollectionFixture.frameCSV, csrf: headers.csrfToken)
            headers.contentType = formHeaders.contentType
            let response = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/ny", headers: headers, body: body)
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Utvalget har 4 enheter. En anonym bølge trenger minst 5"))
            #expect(try await WaveRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func thePrivacyNoticeIsRequired() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            var headers = try await signIn(app, as: .analyst)
            let (formHeaders, body) = multipart(
                [
                    ("slug", "2026"), ("title", "Barometer 2026"), ("mode", "identified"), ("date", "2026-03-01"),
                    ("organizer", ""), ("contact", "nul\u{1}@x.no"), ("retention", "2020-01-01"),
                ],
                file: CollectionFixture.frameCSV, csrf: headers.csrfToken)
            headers.contentType = formHeaders.contentType
            let response = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/ny", headers: headers, body: body)
            #expect(response.status == .unprocessableEntity)
            let text = response.body.string
            for anchor in ["#organizer", "#contact", "#retention"] { #expect(text.contains("href=\"\(anchor)\"")) }
            #expect(!text.contains("href=\"#purpose\""))
            #expect(try await WaveRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func previewConfirmInviteAnswerAndMonitor() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            var headers = try await signIn(app, as: .analyst)
            let csrf = headers.csrfToken
            let (formHeaders, body) = multipart(
                [
                    ("slug", "2026"), ("title", "Barometer 2026"), ("mode", "identified"), ("date", "2026-03-01"),
                    ("subtitle", "Skoler og sykehjem i Viken, våren 2026."),
                ] + Self.privacyFields,
                file: CollectionFixture.frameCSV, csrf: csrf)
            var uploadHeaders = headers
            uploadHeaders.contentType = formHeaders.contentType
            let preview = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/ny", headers: uploadHeaders, body: body)
            #expect(preview.status == .ok)
            #expect(preview.body.string.contains("Utvalget har 4 enheter og ingen feil"))
            #expect(try await WaveRecord.query(on: app.db).count() == 0)
            // Confirm with the checked frame the preview carries.
            let confirmFields = hiddenFields(preview.body.string)
            headers.contentType = .urlEncodedForm
            let created = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/ny", headers: headers,
                body: ByteBuffer(string: encode(confirmFields, csrf: csrf)))
            #expect(created.status == .seeOther)
            let dashboard = try #require(created.headers.first(name: .location))
            #expect(dashboard == "/analyse/innsamling/2026?opprettet=1")
            #expect(
                try await app.get(dashboard, headers: headers).body.string.contains(
                    "Bølgen er opprettet med 4 enheter."))
            // The analyst sees what respondents are told about privacy.
            #expect(try await app.get(dashboard, headers: headers).body.string.contains("barometer@ks.example"))
            #expect(try await SampleUnitRecord.query(on: app.db).count() == 4)
            let wave = try #require(try await WaveRepository(database: app.db).record(slug: "2026"))
            #expect(wave.organizer == "KS" && wave.contactEmail == "barometer@ks.example")
            #expect(wave.retentionUntil == "2099-12-31" && wave.purpose == nil)
            // The wave's own sentence for its results page travelled through the preview.
            #expect(wave.subtitle == "Skoler og sykehjem i Viken, våren 2026.")

            let opened = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/2026/status", headers: headers,
                body: ByteBuffer(string: encode([("status", "open")], csrf: csrf)))
            #expect(opened.status == .seeOther)
            let made = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/2026/invitasjoner", headers: headers,
                body: ByteBuffer(string: encode([], csrf: csrf)))
            #expect(made.status == .seeOther)
            #expect(made.headers.first(name: .location) == "/analyse/innsamling/2026/lenker?laget=4")
            // Downloaded for Excel: byte order mark and semicolons; built from the configured public
            // address, whatever Host the request names.
            var evil = headers
            evil.replaceOrAdd(name: .host, value: "evil.example")
            let links = try await app.testing().sendRequest(.GET, "/analyse/innsamling/2026/lenker.csv", headers: evil)
            #expect(links.headers.contentType?.subType == "csv")
            #expect(links.body.string.hasPrefix("\u{FEFF}enhet;kommunenummer;epost;kontaktperson;lenke\r\n"))
            #expect(!links.body.string.contains("evil.example"))
            let rows = try CSVTable.parse(links.body.string, file: "lenker.csv").allRows
            #expect(rows.count == 5)
            #expect(rows[0] == ["enhet", "kommunenummer", "epost", "kontaktperson", "lenke"])
            #expect(rows.dropFirst().allSatisfy { $0[4].hasPrefix("http://127.0.0.1:8080/svar/") })
            let tokens = rows.dropFirst().map { String($0[4].split(separator: "/").last!) }
            #expect(Set(tokens).count == 4)
            // No token is stored, only its hash.
            let stored = try await InvitationRecord.query(on: app.db).all()
            #expect(Set(stored.map(\.tokenHash)) == Set(tokens.map(InvitationToken.hash)))
            // Showing or downloading again changes nothing: the same links, every one still working.
            let again = try await app.testing().sendRequest(
                .GET, "/analyse/innsamling/2026/lenker.csv", headers: headers)
            #expect(again.body.string == links.body.string)
            let page = try await app.testing().sendRequest(.GET, "/analyse/innsamling/2026/lenker", headers: headers)
            #expect(page.status == .ok)
            for token in tokens { #expect(page.body.string.contains("/svar/\(token)")) }
            let remade = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/2026/invitasjoner", headers: headers,
                body: ByteBuffer(string: encode([], csrf: csrf)))
            #expect(remade.headers.first(name: .location) == "/analyse/innsamling/2026/lenker?laget=0")
            #expect(try await InvitationRecord.query(on: app.db).count() == 4)
            for token in tokens { #expect(try await app.get("/svar/\(token)").status == .ok) }

            // Solsiden (health, Oslo, nursing home) answers.
            let base = "/svar/\(tokens[0])"
            for (index, page) in nonInnovatorPages.enumerated() {
                _ = try await postForm(app, "\(base)/side/\(index + 1)", page + [("action", "next")])
            }
            let review = try await app.testing().sendRequest(.GET, "\(base)/oversikt")
            #expect(try await postForm(app, "\(base)/send", hiddenFields(review.body.string)).status == .ok)

            try await app.testing().test(.GET, "/analyse/innsamling/2026", headers: headers) { response in
                let text = response.body.string
                #expect(text.contains("<caption>Etter sektor</caption>"))
                #expect(
                    text.contains(
                        "<th scope=\"row\">Helse og omsorg</th><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">100,0 %</td>"
                    ))
                #expect(
                    text.contains(
                        "<th scope=\"row\">Utdanning og oppvekst</th><td class=\"num\">3</td><td class=\"num\">0</td><td class=\"num\">0,0 %</td>"
                    ))
                #expect(text.contains("<th scope=\"row\">03 Oslo</th><td class=\"num\">1</td><td class=\"num\">1</td>"))
                #expect(
                    text.contains("<th scope=\"row\">46 Vestland</th><td class=\"num\">2</td><td class=\"num\">0</td>"))
                #expect(
                    text.contains(
                        "<th scope=\"row\">Uten kommunenummer</th><td class=\"num\">1</td><td class=\"num\">0</td>"))
                #expect(text.contains("25,0 %"))
            }
            try await app.testing().test(.GET, "/analyse/innsamling/2026/ikke-svart.csv", headers: headers) {
                response in
                #expect(response.body.string.hasPrefix("\u{FEFF}enhet;"))
                let rows = try CSVTable.parse(response.body.string, file: "ikke-svart.csv").allRows
                #expect(rows.count == 4)
                #expect(!rows.contains { $0.first == "Solsiden sykehjem" })
            }
            // Replacing one unit's link is a confirmed action; Havet's answers so far move along.
            let havet = "/svar/\(tokens[2])"
            _ = try await postForm(app, "\(havet)/side/1", [("role", "2"), ("action", "save")])
            let unitID = try #require(
                try await SampleUnitRecord.query(on: app.db).filter(\.$name == "Havet barnehage").first()?.requireID())
            let confirm = try await app.testing().sendRequest(
                .GET, "/analyse/innsamling/2026/lenker/ny?enhet=\(unitID.uuidString)", headers: headers)
            #expect(confirm.body.string.contains("Ny lenke for Havet barnehage?"))
            #expect(confirm.body.string.contains("barometer@ks.example"))
            let unconfirmed = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/2026/lenker/ny", headers: headers,
                body: ByteBuffer(string: encode([("enhet", unitID.uuidString)], csrf: csrf)))
            #expect(unconfirmed.status == .unprocessableEntity)
            #expect(try await app.get(havet).status == .ok)
            let replaced = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/2026/lenker/ny", headers: headers,
                body: ByteBuffer(string: encode([("enhet", unitID.uuidString), ("bekreft", "ja")], csrf: csrf)))
            #expect(replaced.headers.first(name: .location) == "/analyse/innsamling/2026/lenker?erstattet=1")
            let old = try await app.get(havet)
            #expect(old.status == .gone)
            #expect(old.body.string.contains("Denne lenken er erstattet"))
            #expect(old.body.string.contains("mailto:barometer@ks.example"))
            // The language switch stays on this link's page, in English.
            #expect(old.body.string.contains("href=\"\(havet)?lang=en\""))
            let replacedNotice = try await app.get("/analyse/innsamling/2026/lenker?erstattet=1", headers: headers)
            #expect(replacedNotice.body.string.contains("1 lenke er erstattet. Den gamle lenken sier"))
            let newRows = try CSVTable.parse(
                try await app.testing().sendRequest(.GET, "/analyse/innsamling/2026/lenker.csv", headers: headers)
                    .body.string, file: "lenker.csv"
            ).rows
            // Solsiden answered: no link; the other two kept theirs; Havet has a new one.
            #expect(
                newRows.map { String($0[4].split(separator: "/").last!) } == [
                    tokens[1], newRows[1][4].split(separator: "/").last.map(String.init)!, tokens[3],
                ])
            let newHavet = String(newRows[1][4].split(separator: "/").last!)
            #expect(newHavet != tokens[2])
            let resumed = try await app.get("/svar/\(newHavet)/side/1")
            #expect(resumed.body.string.contains("id=\"q-role-2\" name=\"role\" value=\"2\" checked"))
            // Closing stops answers.
            _ = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/2026/status", headers: headers,
                body: ByteBuffer(string: encode([("status", "closed")], csrf: csrf)))
            try await app.testing().test(.GET, "/svar/\(tokens[1])") { response in
                #expect(response.status == .gone)
            }
            // Creating, making, exporting and replacing links, non-respondents and closing are audited.
            let actions = try await AuditLog(database: app.db).entries(perPage: 100).entries.map(\.action)
            for action in [
                AuditAction.waveCreated, .invitationsMade, .invitationsExported, .invitationsReplaced,
                .nonRespondentsExported, .waveStatusChanged,
            ] {
                #expect(actions.contains(action.rawValue), "\(action) is audited")
            }
        }
    }

    func encode(_ fields: [(String, String)], csrf: String) -> String {
        let allowed = CharacterSet.alphanumerics.union(.init(charactersIn: "-_."))
        return ([("_csrf", csrf)] + fields).map { (name: String, value: String) -> String in
            let encodedName: String = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
            let encodedValue: String = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
            return encodedName + "=" + encodedValue
        }.joined(separator: "&")
    }
}
