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

    @Test func previewConfirmInviteAnswerAndMonitor() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            var headers = try await signIn(app, as: .analyst)
            let csrf = headers.csrfToken
            let (formHeaders, body) = multipart(
                [("slug", "2026"), ("title", "Barometer 2026"), ("mode", "anonymous"), ("date", "2026-03-01")],
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
            #expect(created.status == .ok)
            #expect(created.body.string.contains("Bølgen er opprettet med 4 enheter."))
            #expect(try await SampleUnitRecord.query(on: app.db).count() == 4)

            let opened = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/2026/status", headers: headers,
                body: ByteBuffer(string: encode([("status", "open")], csrf: csrf)))
            #expect(opened.status == .seeOther)
            let links = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/2026/invitasjoner", headers: headers,
                body: ByteBuffer(string: encode([("format", "csv")], csrf: csrf)))
            #expect(links.headers.contentType?.subType == "csv")
            let rows = try CSVTable.parse(links.body.string, file: "lenker.csv").allRows
            #expect(rows.count == 5)
            #expect(rows[0] == ["enhet", "kommunenummer", "epost", "kontaktperson", "lenke"])
            let tokens = rows.dropFirst().map { String($0[4].split(separator: "/").last!) }
            #expect(Set(tokens).count == 4)
            // No token is stored, only its hash.
            let stored = try await InvitationRecord.query(on: app.db).all()
            #expect(Set(stored.map(\.tokenHash)) == Set(tokens.map(InvitationToken.hash)))

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
                let rows = try CSVTable.parse(response.body.string, file: "lenker.csv").allRows
                #expect(rows.count == 4)
                #expect(!rows.contains { $0.first == "Solsiden sykehjem" })
            }
            // New links skip the unit that answered and retire the old unused ones.
            let again = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/2026/invitasjoner", headers: headers,
                body: ByteBuffer(string: encode([("format", "csv")], csrf: csrf)))
            #expect(try CSVTable.parse(again.body.string, file: "lenker.csv").allRows.count == 4)
            try await app.testing().test(.GET, "/svar/\(tokens[1])") { response in
                #expect(response.status == .notFound)
            }
            // Closing stops answers.
            _ = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/2026/status", headers: headers,
                body: ByteBuffer(string: encode([("status", "closed")], csrf: csrf)))
            let newToken = String(
                try CSVTable.parse(again.body.string, file: "lenker.csv").rows[0][4].split(separator: "/").last!)
            try await app.testing().test(.GET, "/svar/\(newToken)") { response in
                #expect(response.status == .gone)
            }
            // Creating, exporting links and non-respondents, and closing are in the audit log.
            let actions = try await AuditLog(database: app.db).entries(perPage: 100).entries.map(\.action)
            for action in [
                AuditAction.waveCreated, .invitationsExported, .nonRespondentsExported, .waveStatusChanged,
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
