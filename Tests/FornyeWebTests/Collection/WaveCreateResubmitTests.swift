import FornyeStorage
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

/// «Opprett bølgen» follows post/redirect/get, and the confirmation sent again finds the wave.
@Suite struct WaveCreateResubmitTests {
    @Test func confirmingAgainLeadsToTheWaveInsteadOfAnError() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let admin = WaveAdminTests()
            var headers = try await signIn(app, as: .analyst)
            let csrf = headers.csrfToken
            let fields =
                [("slug", "2026"), ("title", "Barometer 2026"), ("mode", "identified"), ("date", "2026-03-01")]
                + WaveAdminTests.privacyFields
            let (formHeaders, body) = admin.multipart(fields, file: CollectionFixture.frameCSV, csrf: csrf)
            var uploadHeaders = headers
            uploadHeaders.contentType = formHeaders.contentType
            let preview = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/ny", headers: uploadHeaders, body: body)
            let confirmFields = hiddenFields(preview.body.string)
            #expect(confirmFields.contains { $0.0 == "confirm" })
            headers.contentType = .urlEncodedForm
            func confirm(_ fields: [(String, String)]) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .POST, "/analyse/innsamling/ny", headers: headers,
                    body: ByteBuffer(string: admin.encode(fields, csrf: csrf)))
            }
            let created = try await confirm(confirmFields)
            #expect(created.status == .seeOther)
            #expect(created.headers.first(name: .location) == "/analyse/innsamling/2026?opprettet=1")
            // The same confirmation again: to the wave, with a message, and nothing made twice.
            let again = try await confirm(confirmFields)
            #expect(again.status == .seeOther)
            let location = try #require(again.headers.first(name: .location))
            #expect(location == "/analyse/innsamling/2026?fantes=1")
            let page = try await app.testing().sendRequest(.GET, location, headers: headers)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Bølgen «2026» var allerede opprettet"))
            #expect(page.body.string.contains("<h1>Barometer 2026</h1>"))
            #expect(try await WaveRecord.query(on: app.db).count() == 1)
            #expect(try await SampleUnitRecord.query(on: app.db).count() == 4)
            let created2 = try await AuditLog(database: app.db).entries(perPage: 100).entries
                .filter { $0.action == AuditAction.waveCreated.rawValue }
            #expect(created2.count == 1)
            // Another wave under the same short name is still refused at the field.
            let other = try await confirm(confirmFields.map { $0.0 == "title" ? ($0.0, "Et annet barometer") : $0 })
            #expect(other.status == .unprocessableEntity)
            #expect(other.body.string.contains("Det finnes allerede en bølge med kortnavnet «2026»."))
            // A preview (no confirmation) of the same form is refused the same way: nothing to create.
            let preview2 = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/ny", headers: uploadHeaders, body: body)
            #expect(preview2.status == .unprocessableEntity)
        }
    }
}
