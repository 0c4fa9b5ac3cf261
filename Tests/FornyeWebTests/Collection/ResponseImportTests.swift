import FluentKit
import FornyeBarometer
import FornyeFormats
import FornyeStatistics
import FornyeStorage
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

/// The web import (upload → preview → confirm), microdata exports and publishing of a wave.
@Suite struct ResponseImportTests {
    /// Columns named like the instrument's questions, so the automatic mapping takes them all.
    static let goodCSV = """
        kommunenummer,sector,unit_type,role,innovated_service,innovated_product,innovated_organisation,innovated_communication,newest_type
        0301,1,1,1,1,2,2,2,1 3
        1103,2,5,2,2,2,2,2,
        301,Utdanning og oppvekst,4,Leder,8,1,2,2,2
        5001,1,2,3,2,2,2,1,4
        """

    /// Row 3 (line 3) has sector 9, which the instrument does not have.
    static let badCSV = """
        kommunenummer,sector,unit_type,role,innovated_service,innovated_product,innovated_organisation,innovated_communication,newest_type
        0301,1,1,1,1,2,2,2,1 3
        1103,9,5,2,2,2,2,2,
        """

    struct Signed {
        var headers: HTTPHeaders
        var csrf: String { headers.csrfToken }
    }

    func analyst(_ app: Application) async throws -> Signed { Signed(headers: try await signIn(app, as: .analyst)) }

    /// Uploads `csv` to the wave's import; returns the response (303 to the preview when read).
    func upload(
        _ app: Application, _ user: Signed, slug: String, csv: String, filename: String = "svar.csv",
        fields: [(String, String)] = []
    ) async throws -> TestingHTTPResponse {
        let (formHeaders, body) = WaveAdminTests().multipart(fields, file: csv, filename: filename, csrf: user.csrf)
        var headers = user.headers
        headers.contentType = formHeaders.contentType
        return try await app.testing().sendRequest(
            .POST, "/analyse/innsamling/\(slug)/import", headers: headers, body: body)
    }

    func post(
        _ app: Application, _ user: Signed, _ path: String, _ fields: [(String, String)] = [], csrf: Bool = true
    ) async throws -> TestingHTTPResponse {
        var headers = user.headers
        headers.contentType = .urlEncodedForm
        let body = WaveAdminTests().encode(fields, csrf: csrf ? user.csrf : "")
        return try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    func location(_ response: TestingHTTPResponse) -> String { response.headers.first(name: .location) ?? "" }

    func auditCount(_ app: Application, _ action: AuditAction) async throws -> Int {
        try await AuditEntryRecord.query(on: app.db).filter(\.$action == action.rawValue).count()
    }

    @Test func uploadPreviewAndConfirmStoreEveryRowAndAudit() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app, open: false)
            let slug = fixture.wave.slug
            let user = try await analyst(app)
            let uploaded = try await upload(app, user, slug: slug, csv: Self.goodCSV)
            #expect(uploaded.status == .seeOther)
            let previewPath = location(uploaded)
            #expect(previewPath.hasPrefix("/analyse/innsamling/\(slug)/import/"))
            let preview = try await app.get(previewPath, headers: user.headers)
            #expect(preview.status == .ok)
            let page = preview.body.string
            #expect(page.contains("Alle 4 radene kan importeres"))
            // Answers as they will be stored, with their labels; the three-digit kommunenummer fixed.
            #expect(page.contains("2 = Utdanning og oppvekst"))
            #expect(page.contains("0301"))
            #expect(page.contains("<caption>Kolonnene i filen</caption>"))
            #expect(try await ResponseRecord.query(on: app.db).count() == 0)

            let confirmed = try await post(app, user, previewPath + "/bekreft")
            #expect(confirmed.status == .seeOther)
            let job = try await app.get(location(confirmed), headers: user.headers)
            #expect(job.body.string.contains("Ferdig: 4 svar er importert"))
            #expect(
                try await ResponseRecord.query(on: app.db).filter(\.$wave.$id == fixture.wave.requireID()).count() == 4)
            let entry = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "wave.imported").first()
            #expect(entry?.target == slug)
            #expect(entry?.details == "svar.csv: 4 rows (csv)")
            #expect(entry?.actorID != nil)
            // The upload is gone: confirming again finds nothing and stores nothing.
            #expect(app.importUploads.uploadCount == 0)
            let again = try await post(app, user, previewPath + "/bekreft")
            #expect(again.status == .notFound)
            #expect(try await ResponseRecord.query(on: app.db).count() == 4)
        }
    }

    @Test func aBadRowStoresNothingAndIsShownWithFileRowColumnAndQuestion() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app, open: false)
            let user = try await analyst(app)
            let uploaded = try await upload(app, user, slug: fixture.wave.slug, csv: Self.badCSV, filename: "feil.csv")
            let previewPath = location(uploaded)
            let page = try await app.get(previewPath, headers: user.headers).body.string
            #expect(page.contains("1 feil: ingenting kan importeres"))
            #expect(page.contains("<td>feil.csv</td><td class=\"num\">3</td><td>sector</td><td>sector</td><td>9</td>"))
            #expect(page.contains("<td>9</td><td>forventet en kode eller svartekst fra listen sector: 1 ("))
            let english = try await app.get(previewPath + "?lang=en", headers: user.headers).body.string
            #expect(english.contains("<td>9</td><td>expected a code or answer text of list sector: 1 ("))
            #expect(!page.contains("/bekreft\""))
            let confirmed = try await post(app, user, previewPath + "/bekreft")
            #expect(confirmed.status == .unprocessableEntity)
            #expect(try await ResponseRecord.query(on: app.db).count() == 0)
            #expect(try await auditCount(app, .waveImported) == 0)
            // Cancelling forgets the file.
            let cancelled = try await post(app, user, previewPath + "/avbryt")
            #expect(cancelled.status == .seeOther)
            #expect(app.importUploads.uploadCount == 0)
            #expect(try await app.get(previewPath, headers: user.headers).status == .notFound)
        }
    }

    @Test func unreadableFilesAreRefusedWithTheirLocation() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app, open: false)
            let user = try await analyst(app)
            let broken = "kommunenummer,sector\n0301,\"1\n"
            let response = try await upload(app, user, slug: fixture.wave.slug, csv: broken, filename: "brudd.csv")
            #expect(response.status == .unprocessableEntity)
            // Bokmål on the Norwegian page, location and message both.
            #expect(
                response.body.string.contains(
                    "brudd.csv, linje 2, kolonne 2, felt «sector»: anførselstegnet som åpner dette feltet, blir aldri lukket"
                ))
            #expect(!response.body.string.contains("is never closed"))
            #expect(response.body.string.contains("aria-describedby=\"file-hint file-error\""))
            #expect(app.importUploads.uploadCount == 0)
            let (formHeaders, body) = WaveAdminTests().multipart(
                [], file: broken, filename: "brudd.csv", csrf: user.csrf)
            var headers = user.headers
            headers.contentType = formHeaders.contentType
            let english = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/\(fixture.wave.slug)/import?lang=en", headers: headers, body: body)
            #expect(
                english.body.string.contains(
                    "brudd.csv, line 2, column 2, field &quot;sector&quot;: the quote that opens"))
        }
    }

    @Test func anUploadOverTheLimitGetsTheFormBackWithTheLimitAndItsSize() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app, open: false)
            let user = try await analyst(app)
            let big = String(repeating: "0301,1,1,1,1,2,2,2,1\n", count: 2_700_000)  // about 54 MB
            let (formHeaders, body) = WaveAdminTests().multipart([], file: big, filename: "stor.csv", csrf: user.csrf)
            var headers = user.headers
            headers.contentType = formHeaders.contentType
            // Through the HTTP server: the in-memory tester hands the body over whole, past any limit.
            let response = try await liveRequest(
                app, .POST, "/analyse/innsamling/\(fixture.wave.slug)/import", headers: headers, body: body)
            #expect(response.status == .payloadTooLarge)
            let page = String(buffer: response.body ?? ByteBuffer())
            #expect(page.contains("Filen er for stor: opplastingen var 54,"))
            #expect(page.contains("største tillatte størrelse er 50,0 MB"))
            // The form again, the message at the file field, with a working CSRF token.
            #expect(page.contains("aria-describedby=\"file-hint file-error\""))
            #expect(page.contains("name=\"_csrf\" value=\"\(user.csrf)\""))
            #expect(app.importUploads.uploadCount == 0)
            #expect(try await ResponseRecord.query(on: app.db).count() == 0)
            let en = try await liveRequest(
                app, .POST, "/analyse/innsamling/\(fixture.wave.slug)/import?lang=en", headers: headers, body: body)
            #expect(en.status == .payloadTooLarge)
            #expect(String(buffer: en.body ?? ByteBuffer()).contains("the largest size allowed is 50.0 MB"))
        }
    }

    /// A pending upload survives a restart of the upload store (the spool on disk), only for the
    /// session that made it, and is deleted on confirm, on cancel and when it expires.
    @Test func aPendingUploadSurvivesARestartInTheSpoolAndOnlyItsSessionReachesIt() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withTestApp(seedDemoContent: false, adjust: { $0.importSpoolDirectory = directory.path }) { app in
            let fixture = try await CollectionFixture.make(app, open: false)
            let user = try await analyst(app)
            let uploaded = try await upload(app, user, slug: fixture.wave.slug, csv: Self.goodCSV)
            let previewPath = location(uploaded)
            let id = String(previewPath.split(separator: "/").last ?? "")
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            #expect(files == [id + ".json", id + ".upload"])
            let attributes = try FileManager.default.attributesOfItem(
                atPath: directory.appendingPathComponent(id + ".upload").path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            // A restart: a new store over the same spool, nothing in memory.
            app.storage[ImportUploadStoreKey.self] = ImportUploadStore(spool: ImportSpool(directory: directory))
            #expect(app.importUploads.uploadCount == 0)
            // Another analyst's session does not reach it, nor does a made-up or hostile id.
            let other = try await analyst(app)
            #expect(try await app.get(previewPath, headers: other.headers).status == .notFound)
            let base = "/analyse/innsamling/\(fixture.wave.slug)/import/"
            #expect(try await app.get(base + "..%2F..%2Fetc%2Fpasswd", headers: user.headers).status == .notFound)
            let preview = try await app.get(previewPath, headers: user.headers)
            #expect(preview.status == .ok)
            #expect(preview.body.string.contains("Alle 4 radene kan importeres"))
            #expect(app.importUploads.uploadCount == 1)
            // Restarted again before confirming: confirming reads it from the spool and stores it.
            app.storage[ImportUploadStoreKey.self] = ImportUploadStore(spool: ImportSpool(directory: directory))
            let confirmed = try await post(app, user, previewPath + "/bekreft")
            #expect(confirmed.status == .seeOther)
            #expect(try await ResponseRecord.query(on: app.db).count() == 4)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
            // Expiry deletes the files of an old upload on the next upload.
            _ = try await upload(app, user, slug: fixture.wave.slug, csv: Self.badCSV)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 2)
            #expect(ImportSpool(directory: directory).expire(before: Date().addingTimeInterval(-60)) > 0)
            #expect(ImportSpool(directory: directory).expire(before: Date().addingTimeInterval(60)) == 0)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        }
    }

    @Test func everyPostNeedsTheCSRFToken() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app, open: false)
            let user = try await analyst(app)
            let (formHeaders, body) = WaveAdminTests().multipart([], file: Self.goodCSV, csrf: "")
            var headers = user.headers
            headers.contentType = formHeaders.contentType
            let refused = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/\(fixture.wave.slug)/import", headers: headers, body: body)
            #expect(refused.status == .forbidden)
            #expect(app.importUploads.uploadCount == 0)
            let previewPath = location(try await upload(app, user, slug: fixture.wave.slug, csv: Self.goodCSV))
            for action in ["bekreft", "avbryt", "kobling"] {
                let response = try await post(app, user, previewPath + "/" + action, csrf: false)
                #expect(response.status == .forbidden, "\(action)")
            }
            #expect(app.importUploads.uploadCount == 1)
            #expect(try await ResponseRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func theMappingTableRemapsColumnsAndSavesAMappingToReuse() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app, open: false)
            let slug = fixture.wave.slug
            let user = try await analyst(app)
            // "sektor" and "nr" are no question names: the automatic mapping leaves them unmapped.
            let csv = Self.goodCSV.replacingOccurrences(of: "kommunenummer,sector,", with: "nr,sektor,")
            let previewPath = location(try await upload(app, user, slug: slug, csv: csv))
            let before = try await app.get(previewPath, headers: user.headers).body.string
            #expect(before.contains("kolonnen er verken koblet til et spørsmål eller oppført under «ignore»"))
            let columns = csv.split(separator: "\n")[0].split(separator: ",").map(String.init)
            var fields = columns.enumerated().map { ("c\($0.offset)", $0.element) }
            fields[0].1 = "kommunenummer"
            fields[1].1 = "sector"
            fields.append(("save", "min-kobling"))
            let remapped = try await post(app, user, previewPath + "/kobling", fields)
            #expect(remapped.status == .seeOther)
            let after = try await app.get(location(remapped), headers: user.headers).body.string
            #expect(after.contains("Koblingen er lagret som «min-kobling»."))
            #expect(after.contains("Alle 4 radene kan importeres"))
            let saved = try #require(try await ImportMappingRecord.query(on: app.db).first())
            #expect(saved.name == "min-kobling")
            #expect(try ImportMapping.parse(yaml: saved.yaml, file: "m").columns.map(\.variable).contains("sector"))
            #expect(try await auditCount(app, .importMappingSaved) == 1)
            let yaml = try await app.get(previewPath + "/kobling.yaml", headers: user.headers)
            #expect(yaml.body.string.contains("column: sektor"))

            // The next upload of the same kind of file chooses the saved mapping.
            let again = try await upload(
                app, user, slug: slug, csv: csv, fields: [("mapping", try saved.requireID().uuidString)])
            let page = try await app.get(location(again), headers: user.headers).body.string
            #expect(page.contains("Alle 4 radene kan importeres"))
        }
    }

    @Test func exportsAreReadableInEveryFormatAndAudited() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app, open: false)
            let slug = fixture.wave.slug
            let instrument = try Instrument.innovasjonsbarometer2018
            let table = try SourceReader.read(Data(Self.goodCSV.utf8), file: "svar.csv", format: .csv)
            let imported = try ResponseImporter.run(table, mapping: ImportMapping(name: "auto"), instrument: instrument)
            try await CollectionRepository(database: app.db).importResponses(
                waveID: fixture.wave.requireID(), dataset: imported.dataset)
            let user = try await analyst(app)
            // The anonymous wave's own codebook: its released background instead of the frame's questions.
            let codebook = try JSONDecoder().decode(Codebook.self, from: Data(fixture.wave.codebookJSON.utf8))
            #expect(codebook.variable(named: "kommunenummer") == nil)
            #expect(codebook.variable(named: "county") != nil)
            let downloadCodebook = try await WaveRepository(database: app.db).load(fixture.wave).downloadDataset()
                .codebook
            for format in DatasetFileFormat.allCases {
                let response = try await app.get("/analyse/innsamling/\(slug)/eksport/\(format)", headers: user.headers)
                #expect(response.status == .ok, "\(format)")
                let disposition = response.headers.first(name: .contentDisposition) ?? ""
                #expect(disposition.contains("fornye-\(slug)"), "\(disposition)")
                let (dataset, entries) = try DatasetDownload.read(
                    Data(buffer: response.body), format: format, file: "eksport", codebook: downloadCodebook)
                #expect(dataset.rowCount == 4, "\(format)")
                #expect(Set(try dataset.codes(of: "sector")) == [1, 2], "\(format)")
                #expect(try dataset.codes(of: "county").contains(3), "\(format)")
                // The design travels with the answers (an anonymous import: every response weighs 1).
                #expect(try dataset.measurements(of: "weight") == [1, 1, 1, 1], "\(format)")
                #expect(!entries.contains("SYNTETISKE-DATA.txt"))
                if format == .csv { #expect(entries.count == 2) }
            }
            let entries = try await AuditEntryRecord.query(on: app.db).filter(\.$action == "wave.exported").all()
            #expect(entries.count == 4)
            #expect(
                Set(entries.compactMap(\.details)) == ["csv, 4 rows", "xlsx, 4 rows", "sav, 4 rows", "json, 4 rows"])
            #expect(
                try await app.get("/analyse/innsamling/\(slug)/eksport/pdf", headers: user.headers).status == .notFound)
        }
    }

    @Test func syntheticWavesAreLabelledInEveryExport() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let instrument = try Instrument.innovasjonsbarometer2018
            let wave = try await CollectionRepository(database: app.db).createWave(
                slug: "syn", title: "Syntetisk", instrument: instrument, mode: .anonymous,
                structureDate: CalendarDay("2026-03-01")!, units: [], synthetic: true)
            let table = try SourceReader.read(Data(Self.goodCSV.utf8), file: "svar.csv", format: .csv)
            let imported = try ResponseImporter.run(table, mapping: ImportMapping(name: "auto"), instrument: instrument)
            try await CollectionRepository(database: app.db).importResponses(
                waveID: wave.requireID(), dataset: imported.dataset)
            let user = try await analyst(app)
            let downloadCodebook = try await WaveRepository(database: app.db).load(slug: "syn").downloadDataset()
                .codebook
            for format in DatasetFileFormat.allCases {
                let response = try await app.get("/analyse/innsamling/syn/eksport/\(format)", headers: user.headers)
                #expect(response.headers.first(name: .contentDisposition)?.contains("syntetisk") == true)
                let data = Data(buffer: response.body)
                let (dataset, entries) = try DatasetDownload.read(
                    data, format: format, file: "eksport", codebook: downloadCodebook)
                switch format {
                case .csv: #expect(entries.contains("SYNTETISKE-DATA.txt"))
                case .xlsx: #expect(try XLSXReader.read(data).first?.name == "SYNTETISKE DATA")
                case .sav:
                    #expect(try SAVReader.read(data, file: "x.sav").fileLabel.hasPrefix("SYNTETISKE DATA"))
                case .json: #expect(String(decoding: data, as: UTF8.self).contains("SYNTHETIC DATA"))
                }
                if format != .xlsx { #expect(dataset.codebook.synthetic, "\(format)") }
            }
        }
    }

    @Test func editorsAndThePublicGetNoMicrodata() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app, open: false)
            let path = "/analyse/innsamling/\(fixture.wave.slug)/eksport/csv"
            #expect(try await app.get(path).status == .seeOther)
            let editor = try await signIn(app, as: .municipalityEditor)
            #expect(try await app.get(path, headers: editor).status == .forbidden)
            #expect(try await auditCount(app, .waveExported) == 0)
        }
    }

    @Test func publishingShowsTheWavePubliclyAndUnpublishingHidesIt() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app, open: true)
            let slug = fixture.wave.slug
            let user = try await analyst(app)
            let link = "href=\"/barometer/\(slug)\""
            func publicList() async throws -> String { try await app.get("/barometer").body.string }
            // Open waves cannot be published; closing comes first.
            let early = try await post(app, user, "/analyse/innsamling/\(slug)/status", [("status", "published")])
            #expect(early.status == .conflict)
            #expect(
                try await post(app, user, "/analyse/innsamling/\(slug)/status", [("status", "closed")]).status
                    == .seeOther)
            #expect(try await !publicList().contains(link))
            // No responses: nothing to publish, even confirmed.
            let empty = try await app.get("/analyse/innsamling/\(slug)", headers: user.headers).body.string
            #expect(empty.contains("Bølgen har ingen svar ennå, så det er ingenting å publisere."))
            #expect(!empty.contains("name=\"confirm_few\""))
            let nothing = try await post(
                app, user, "/analyse/innsamling/\(slug)/status", [("status", "published"), ("confirm_few", "1")])
            #expect(nothing.status == .conflict)
            #expect(nothing.body.string.contains("Bølgen har ingen svar å publisere."))
            let imported = try await post(
                app, user, location(try await upload(app, user, slug: slug, csv: Self.goodCSV)) + "/bekreft")
            #expect(imported.status == .seeOther)
            let dashboard = try await app.get("/analyse/innsamling/\(slug)", headers: user.headers).body.string
            #expect(dashboard.contains("Publiser resultatene"))
            // Fewer than 30 responses: the page warns, and publishing needs the box ticked.
            #expect(dashboard.contains("Bølgen har bare 4 svar (under 30)"))
            #expect(dashboard.contains("name=\"confirm_few\""))
            let unconfirmed = try await post(
                app, user, "/analyse/innsamling/\(slug)/status", [("status", "published")])
            #expect(unconfirmed.status == .conflict)
            #expect(unconfirmed.body.string.contains("Jeg vil publisere likevel"))
            #expect(try await WaveRepository(database: app.db).list(statuses: [.published]).isEmpty)
            #expect(
                try await post(
                    app, user, "/analyse/innsamling/\(slug)/status", [("status", "published"), ("confirm_few", "1")]
                ).status == .seeOther)
            #expect(try await publicList().contains(link))
            // Issue 20 item 7: a collected wave does not borrow the 2018 baseline's words; it shows
            // its own sentence, or the general one.
            let results = try await app.get("/barometer/\(slug)").body.string
            #expect(results.contains("vektede andeler med usikkerhet, tester og justerte sammenhenger"))
            #expect(!results.contains("Menon"))
            // The codebook's title names the questionnaire, not a data set the wave would be.
            #expect(results.contains("<dt>Spørreskjema</dt>") && !results.contains("<dt>Datasett</dt>"))
            fixture.wave.subtitle = "Skoler i Agder, våren 2026."
            try await fixture.wave.save(on: app.db)
            _ = try await post(app, user, "/analyse/innsamling/\(slug)/status", [("status", "closed")])
            _ = try await post(
                app, user, "/analyse/innsamling/\(slug)/status", [("status", "published"), ("confirm_few", "1")])
            #expect(try await app.get("/barometer/\(slug)").body.string.contains("Skoler i Agder, våren 2026."))
            #expect(try await WaveRepository(database: app.db).list(statuses: [.published]).map(\.slug) == [slug])
            #expect(try await auditCount(app, .wavePublished) == 2)
            // A published wave takes no answers and no imports until it is unpublished.
            let upload = try await upload(app, user, slug: slug, csv: Self.goodCSV)
            let confirm = try await post(app, user, location(upload) + "/bekreft")
            #expect(confirm.status == .conflict)
            #expect(
                try await post(app, user, "/analyse/innsamling/\(slug)/status", [("status", "closed")]).status
                    == .seeOther)
            #expect(try await !publicList().contains(link))
            #expect(try await auditCount(app, .waveUnpublished) == 2)
            #expect(try await ResponseRecord.query(on: app.db).count() == 4)
        }
    }

    @Test func payloadsInFileNamesColumnNamesAndMappingNamesAreEscaped() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app, open: false)
            let slug = fixture.wave.slug
            let user = try await analyst(app)
            // Every payload as a column name (quoted CSV; the reader refuses NUL bytes, so none here).
            let payloads = XSSCorpus.payloads.filter { !$0.contains("\u{0}") }
            let quote = { (text: String) in "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            let csv =
                (["kommunenummer"] + payloads).map(quote).joined(separator: ",") + "\n"
                + (["0301"] + payloads).map(quote).joined(separator: ",") + "\n"
            // Multipart file names cannot hold a quote; these payloads have none.
            let filename = try #require(XSSCorpus.payloads.first { !$0.contains("\"") && !$0.contains("\u{0}") })
            let uploaded = try await upload(app, user, slug: slug, csv: csv, filename: filename)
            #expect(uploaded.status == .seeOther)
            let previewPath = location(uploaded)
            let page = try await app.get(previewPath, headers: user.headers).body.string
            StoredPayloadEscapingTests.expectEscaped(page, "import preview")
            // A mapping saved under a payload name shows in the upload form's list.
            let remapped = try await post(
                app, user, previewPath + "/kobling", [("c0", "kommunenummer"), ("save", payloads[1])])
            StoredPayloadEscapingTests.expectEscaped(
                try await app.get(location(remapped), headers: user.headers).body.string, "preview after saving")
            StoredPayloadEscapingTests.expectEscaped(
                try await app.get("/analyse/innsamling/\(slug)/import", headers: user.headers).body.string,
                "upload form with saved mappings")
            // A broken file's name comes back in the error message.
            let refused = try await upload(app, user, slug: slug, csv: "a\n\"b\n", filename: filename)
            #expect(refused.status == .unprocessableEntity)
            StoredPayloadEscapingTests.expectEscaped(refused.body.string, "refused upload")
        }
    }
}
