import FluentKit
import FornyeBarometer
import FornyeStorage
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

/// The programme register's pages: import (upload → preview → confirm, all or nothing), the
/// table, editing and deleting a line with the audit log, exports, and who may use them.
@Suite struct ProgrammePagesTests {
    static let goodCSV = """
        kommunenummer;utlysning;soknadsdato;status;prosjektstart;prosjektslutt;belop_nok;prosjektbanken
        0806;FORKOMMUNE 2018;10.04.2018;Tilsagn;2018-09-01;2019-06-30;1 200 000;jobb-smartere-skien
        1103;FORKOMMUNE 2018;2018-04-12;Avslag;;;250000;
        0301;FORKOMMUNE 2018;2018-04-30;Ikke søkt;;;;
        """

    /// Row 2 has a negative amount, row 3 a kommunenummer that did not exist in 2024, row 4 no date.
    static let badCSV = """
        kommunenummer,utlysning,soknadsdato,status,belop_nok
        0806,FORKOMMUNE,2018-04-10,Tilsagn,-5
        1201,FORKOMMUNE,2024-04-10,Avslag,
        0301,FORKOMMUNE,,Avslag,
        """

    let imports = ResponseImportTests()

    func upload(_ app: Application, _ user: ResponseImportTests.Signed, csv: String, filename: String) async throws
        -> TestingHTTPResponse
    {
        let (formHeaders, body) = WaveAdminTests().multipart([], file: csv, filename: filename, csrf: user.csrf)
        var headers = user.headers
        headers.contentType = formHeaders.contentType
        return try await app.testing().sendRequest(.POST, Paths.programmeImport, headers: headers, body: body)
    }

    func repository(_ app: Application) throws -> ProgrammeRepository {
        ProgrammeRepository(database: app.db, register: try MunicipalityRegister.bundled())
    }

    @Test func aGoodFileIsPreviewedThenStoredAndListed() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let user = try await imports.analyst(app)
            let uploaded = try await upload(app, user, csv: Self.goodCSV, filename: "register.csv")
            #expect(uploaded.status == .seeOther)
            let previewPath = imports.location(uploaded)
            #expect(previewPath.hasPrefix(Paths.programmeImport + "/"))
            #expect(try await repository(app).count() == 0)
            let preview = try await app.get(previewPath, headers: user.headers)
            #expect(preview.status == .ok)
            #expect(preview.body.string.contains("Alle 3 linjene kan importeres"))
            let confirmed = try await imports.post(app, user, previewPath + "/bekreft", [("mode", "replace")])
            #expect(confirmed.status == .seeOther)
            #expect(imports.location(confirmed) == Paths.programme + "?importert=3")
            #expect(try await repository(app).count() == 3)
            #expect(try await imports.auditCount(app, .programmeImported) == 1)
            let list = try await app.get(Paths.programme, headers: user.headers).body.string
            #expect(list.contains("Skien (0806)"))
            #expect(list.contains("1\u{00A0}200\u{00A0}000"))
            #expect(list.contains("href=\"/prosjekter/jobb-smartere-skien\""))
            #expect(list.contains("<dt>Avslag</dt><dd>1</dd>"))
            // The upload is gone once confirmed: a second confirm stores nothing.
            let again = try await imports.post(app, user, previewPath + "/bekreft", [("mode", "append")])
            #expect(again.status == .notFound)
            #expect(try await repository(app).count() == 3)
        }
    }

    @Test func aBadFileShowsEveryProblemAtItsPlaceAndStoresNothing() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let user = try await imports.analyst(app)
            let refused = try await upload(app, user, csv: Self.badCSV, filename: "feil.csv")
            #expect(refused.status == .unprocessableEntity)
            let page = refused.body.string
            #expect(page.contains("Ingenting er lagret."))
            #expect(page.contains("<caption>Feil i filen</caption>"))
            // File, row, column and field of the negative amount.
            #expect(
                page.contains("<td>feil.csv</td><td class=\"num\">2</td><td class=\"num\">5</td><td>belop_nok</td>"))
            #expect(page.contains("<td class=\"num\">3</td><td class=\"num\">1</td><td>kommunenummer</td>"))
            #expect(page.contains("<td class=\"num\">4</td><td class=\"num\">3</td><td>soknadsdato</td>"))
            #expect(try await repository(app).count() == 0)
            #expect(try await imports.auditCount(app, .programmeImported) == 0)
        }
    }

    @Test func anEditIsCheckedAtTheFieldAndAudited() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let user = try await imports.analyst(app)
            let line = ProgrammeApplication(
                municipalityNumber: "0806", call: "FORKOMMUNE 2018", applicationDate: CalendarDay("2018-04-10")!,
                status: .granted, projectStart: CalendarDay("2018-09-01"), amountNOK: 500_000)
            try await repository(app).importApplications([line], replace: true, actor: nil, source: "test")
            let id = try #require(try await repository(app).list().first?.id)
            let form = try await app.get(Paths.programmeLine(id: id), headers: user.headers)
            #expect(form.status == .ok)
            #expect(form.body.string.contains("value=\"500000\""))
            // An end before the start: refused, the domain's message at the end field, nothing changed.
            let fields: [(String, String)] = [
                ("status", "granted"), ("soknadsdato", "2018-04-10"), ("prosjektstart", "2018-09-01"),
                ("prosjektslutt", "2018-08-01"), ("belop_nok", "600 000"), ("prosjektbanken", ""),
            ]
            let refused = try await imports.post(app, user, Paths.programmeLine(id: id), fields)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("id=\"felt-prosjektslutt-feil\""))
            #expect(try await repository(app).list().first?.application.amountNOK == 500_000)
            var good = fields
            good[3] = ("prosjektslutt", "30.06.2019")
            let saved = try await imports.post(app, user, Paths.programmeLine(id: id), good)
            #expect(saved.status == .seeOther)
            let stored = try #require(try await repository(app).list().first?.application)
            #expect(stored.amountNOK == 600_000 && stored.projectEnd == CalendarDay("2019-06-30"))
            let entry = try #require(
                try await AuditEntryRecord.query(on: app.db).filter(\.$action == AuditAction.programmeEdited.rawValue)
                    .first())
            #expect(entry.details == "prosjektslutt, belop_nok")
            #expect(entry.actorID != nil)
            // Delete after the confirmation page.
            #expect(try await app.get(Paths.programmeLineDelete(id: id), headers: user.headers).status == .ok)
            let deleted = try await imports.post(app, user, Paths.programmeLineDelete(id: id))
            #expect(deleted.status == .seeOther)
            #expect(try await repository(app).count() == 0)
            #expect(try await imports.auditCount(app, .programmeDeleted) == 1)
        }
    }

    @Test func exportsAreAuditedAndSyntheticLinesLabelled() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let user = try await imports.analyst(app)
            let line = ProgrammeApplication(
                municipalityNumber: "0806", call: "FORKOMMUNE 2018", applicationDate: CalendarDay("2018-04-10")!,
                status: .rejected, synthetic: true)
            try await repository(app).importApplications([line], replace: true, actor: nil, source: "test")
            let csv = try await app.get(Paths.programmeExport(format: "csv"), headers: user.headers)
            #expect(csv.status == .ok)
            #expect(csv.body.string.contains("0806"))
            #expect(csv.body.string.contains(SyntheticLabel.marker))
            let xlsx = try await app.get(Paths.programmeExport(format: "xlsx"), headers: user.headers)
            #expect(xlsx.status == .ok && xlsx.body.readableBytes > 100)
            #expect(try await imports.auditCount(app, .programmeExported) == 2)
            let list = try await app.get(Paths.programme, headers: user.headers).body.string
            #expect(list.contains(SyntheticLabel.marker))
            #expect(try await app.get(Paths.programmeCases, headers: user.headers).status == .ok)
        }
    }

    @Test func thePublicAndEditorsAreTurnedAway() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let anonymous = try await app.get(Paths.programme)
            #expect(anonymous.status == .seeOther)
            #expect(imports.location(anonymous).hasPrefix(Paths.login))
            let editor = ResponseImportTests.Signed(headers: try await signIn(app, as: .municipalityEditor))
            #expect(try await app.get(Paths.programme, headers: editor.headers).status == .forbidden)
            #expect(try await app.get(Paths.programmeCases, headers: editor.headers).status == .forbidden)
            let refused = try await upload(app, editor, csv: Self.goodCSV, filename: "register.csv")
            #expect(refused.status == .forbidden)
            #expect(try await repository(app).count() == 0)
        }
    }
}
