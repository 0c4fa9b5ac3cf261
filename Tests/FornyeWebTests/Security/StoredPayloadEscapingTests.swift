import FluentKit
import FornyeBarometer
import FornyeStatistics
import FornyeStorage
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

/// The XSS corpus stored in the free texts of waves, codebooks, sample frames and questionnaire
/// answers comes back escaped on every page that shows it, and the API serves it only as JSON.
/// (Account texts: `AccountEscapingTests`; project fields: `ProjectBankWebTests`.)
@Suite struct StoredPayloadEscapingTests {
    static let slug = "xss-wave"

    /// A payload (cycling through the corpus) for the `index`th text.
    static func payload(_ index: Int) -> String {
        XSSCorpus.payloads[index % XSSCorpus.payloads.count]
    }

    /// Every corpus fragment unescaped, and every markup payload verbatim, is an issue; and the
    /// marker must show, or the page did not show the stored text at all.
    static func expectEscaped(
        _ body: String, _ comment: Comment, shown: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        XSSCorpus.expectEscaped(body, comment, sourceLocation: sourceLocation)
        for payload in XSSCorpus.payloads where payload.contains("<") && body.contains(payload) {
            Issue.record("payload verbatim in \(comment): \(payload)", sourceLocation: sourceLocation)
        }
        if shown {
            #expect(body.contains("fx55"), "\(comment) shows the stored text", sourceLocation: sourceLocation)
        }
    }

    /// The demo baseline with a payload in its title, short title and every variable, value and
    /// multiple-response label (Norwegian and English), stored as a published wave.
    static func storePayloadWave(_ app: Application) async throws {
        let repository = WaveRepository(database: app.db)
        let demo = try await repository.load(slug: DemoContent.baselineSlug)
        var counter = 0
        func next() -> String {
            counter += 1
            return payload(counter)
        }
        var codebook = demo.dataset.codebook
        codebook.title = next()
        codebook.variables = codebook.variables.map { variable in
            var variable = variable
            variable.label += " " + next()
            variable.labelEnglish = (variable.labelEnglish ?? variable.name) + " " + next()
            variable.valueLabels = variable.valueLabels.map {
                ValueLabel(
                    code: $0.code, label: $0.label + " " + next(), labelEnglish: ($0.labelEnglish ?? "") + next())
            }
            return variable
        }
        codebook.multipleResponseSets = codebook.multipleResponseSets.map {
            MultipleResponseSet(
                name: $0.name, label: $0.label + " " + next(), labelEnglish: ($0.labelEnglish ?? "") + next(),
                items: $0.items)
        }
        var columns: [String: Column] = [:]
        for variable in codebook.variables {
            columns[variable.name] = try demo.dataset.column(named: variable.name)
        }
        var wave = demo
        wave.slug = slug
        wave.title = payload(0) + " (SYNTETISKE DATA)"
        wave.shortTitle = payload(3)
        wave.weightSource = payload(4)
        wave.dataset = try Dataset(codebook: codebook, columns: columns)
        try await repository.insert(wave, status: .published)
    }

    @Test func waveTitlesAndCodebookLabelsAreEscapedOnPagesAndOnlyJSONInTheAPI() async throws {
        try await withTestApp { app in
            try await Self.storePayloadWave(app)
            let pages = [
                "/", "/barometer", "/barometer/\(Self.slug)", "/barometer/\(Self.slug)?sector=1",
                "/barometer/\(Self.slug)?county=03&unit_type=1", "/metode",
            ]
            for path in pages {
                let response = try await app.get(path)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers.contentType?.subType == "html", "\(path)")
                // The method page and home may not list the wave; all others must show it.
                Self.expectEscaped(response.body.string, "\(path)", shown: path.hasPrefix("/barometer"))
            }
            let english = try await app.get("/barometer/\(Self.slug)?lang=en")
            Self.expectEscaped(english.body.string, "English results")

            let api = [
                "/api/v1/waves", "/api/v1/waves/\(Self.slug)", "/api/v1/waves/\(Self.slug)/figures",
                "/api/v1/waves/\(Self.slug)/figures/fig-4-3", "/api/v1/waves/\(Self.slug)/estimates?variable=innovated",
                "/api/v1/waves/\(Self.slug)/estimates?variable=innovated&by=sector",
                "/api/v1/waves/\(Self.slug)/estimates?variable=nope",
            ]
            for path in api {
                let response = try await app.get(path)
                let type = response.headers.contentType
                #expect(type?.type == "application", "\(path): \(String(describing: type))")
                #expect(type?.subType == "json" || type?.subType == "problem+json", "\(path)")
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                // JSON carries the texts as data; parsing proves it is JSON, not a page.
                #expect(
                    (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) != nil, "\(path)")
            }
            let waves = try await app.get("/api/v1/waves/\(Self.slug)")
            #expect(waves.body.string.contains("fx55"))
            // The figure downloads (CSV) are not served as HTML either.
            let download = try await app.get("/barometer/\(Self.slug)/figurer/fig-4-3.csv")
            #expect(download.status == .ok)
            #expect(download.headers.contentType?.subType != "html")
        }
    }

    /// A sample frame whose unit names and contact names are payloads (e-mail must be valid).
    static var payloadFrameCSV: String {
        var lines = ["enhet,kommunenummer,sektor,enhetstype,epost,kontaktperson"]
        for index in 0..<XSSCorpus.payloads.count {
            // The CSV reader refuses NUL bytes (no text file holds one), so that payload's NUL is dropped.
            let quote = { (text: String) in
                "\"" + text.replacingOccurrences(of: "\u{0}", with: "").replacingOccurrences(of: "\"", with: "\"\"")
                    + "\""
            }
            lines.append(
                "\(quote(payload(index))),0301,1,1,enhet\(index)@example.no,\(quote(payload(index + 7)))")
        }
        return lines.joined(separator: "\n")
    }

    @Test func sampleFrameNamesAndWaveTitlesAreEscapedInCollectionPages() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            var headers = try await signIn(app, as: .analyst)
            let csrf = headers.csrfToken
            // The preview of an uploaded frame shows every unit and the typed title.
            let (formHeaders, body) = WaveAdminTests().multipart(
                [
                    ("slug", "xss"), ("title", Self.payload(1)), ("mode", "identified"), ("date", "2026-03-01"),
                    ("organizer", Self.payload(2)), ("contact", "kontakt@example.no"), ("purpose", Self.payload(3)),
                    ("retention", "2099-12-31"),
                ],
                file: Self.payloadFrameCSV, csrf: csrf)
            headers.contentType = formHeaders.contentType
            let preview = try await app.testing().sendRequest(
                .POST, "/analyse/innsamling/ny", headers: headers, body: body)
            #expect(preview.status == .ok)
            Self.expectEscaped(preview.body.string, "frame preview")
            headers.contentType = nil

            // The stored wave, through the repository (as the CLI `wave-create` stores it).
            let fixture = try await Self.payloadCollection(app)
            for path in ["/analyse/innsamling", "/analyse/innsamling/\(fixture.wave.slug)"] {
                let response = try await app.get(path, headers: headers)
                #expect(response.status == .ok, "\(path)")
                Self.expectEscaped(response.body.string, "\(path)")
            }
            // The respondent sees the wave title on the questionnaire's first page (before new links
            // replace these); the question pages do not show it.
            let token = fixture.tokens[0]
            for path in ["/svar/\(token)", "/svar/\(token)/side/1"] {
                let response = try await app.get(path)
                #expect(response.status == .ok, "\(path)")
                Self.expectEscaped(response.body.string, "\(path)", shown: !path.hasSuffix("/side/1"))
            }
            let links = try await app.get("/analyse/innsamling/\(fixture.wave.slug)/lenker", headers: headers)
            #expect(links.status == .ok)
            Self.expectEscaped(links.body.string, "invitation links")
            let unit = try #require(fixture.unitIDs.first)
            let confirm = try await app.get(
                "/analyse/innsamling/\(fixture.wave.slug)/lenker/ny?enhet=\(unit.uuidString)", headers: headers)
            Self.expectEscaped(confirm.body.string, "replace a link")
            let csv = try await app.get("/analyse/innsamling/\(fixture.wave.slug)/ikke-svart.csv", headers: headers)
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.body.string.contains(Self.payload(0)), "CSV carries the data as it is")

        }
    }

    @Test func typedAnswersComeBackEscapedOnTheQuestionnaireAndReview() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app)
            let base = "/svar/\(fixture.tokens[0])"
            // The kommunenummer, the 2018 instrument's one typed field, comes from the sample frame: a
            // payload posted for it is neither echoed nor stored.
            for payload in XSSCorpus.payloads {
                let response = try await postForm(
                    app, "\(base)/side/1",
                    [
                        ("kommunenummer", payload), ("sector", "1"), ("unit_type", "1"), ("role", "1"),
                        ("action", "save"),
                    ]
                )
                #expect(response.status == .ok)
                Self.expectEscaped(response.body.string, "questionnaire page 1 with «\(payload)»", shown: false)
                let draft = try await CollectionRepository(database: app.db).draft(
                    invitationID: try #require(
                        try await InvitationRecord.query(on: app.db)
                            .filter(\.$tokenHash == InvitationToken.hash(fixture.tokens[0])).first()
                    ).requireID())
                #expect(draft?["kommunenummer"] == .text("0301"), "\(payload)")
            }
            // Payloads as choice codes and as field names are refused, not echoed as markup.
            let foreign = try await postForm(
                app, "\(base)/side/2",
                [("innovated_service", XSSCorpus.payloads[0]), (XSSCorpus.payloads[2], "1"), ("action", "next")])
            Self.expectEscaped(foreign.body.string, "questionnaire page 2", shown: false)
            // The review page after valid answers, with a payload as the submission key.
            for (index, page) in nonInnovatorPages.enumerated() {
                _ = try await postForm(app, "\(base)/side/\(index + 1)", page + [("action", "next")])
            }
            let review = try await app.get("\(base)/oversikt")
            #expect(review.status == .ok)
            Self.expectEscaped(review.body.string, "review", shown: false)
            let send = try await postForm(
                app, "\(base)/send", hiddenFields(review.body.string).map { ($0.0, XSSCorpus.payloads[4]) })
            Self.expectEscaped(send.body.string, "send with payload fields", shown: false)
        }
    }

    /// Extends `ProjectBankWebTests.everyFreeTextFieldComesBackEscaped` (one payload, the project's own
    /// pages) to the whole corpus, a published project, and the pages and API that list it.
    @Test func publishedProjectTextsAreEscapedInListsAndOnlyJSONInTheAPI() async throws {
        try await withTestApp { app in
            let bank = ProjectBankWebTests()
            let admin = try await signIn(app, as: .admin)
            let textFields = [
                "title", "summary", "problem", "targetGroup", "solution", "novelty", "serviceArea", "ownerName",
                "organisation", "evaluationText", "challenges", "lessons", "reuseConditions", "contactName",
                "contactRole", "linkTitle", "basedOn",
            ]
            var fields = bank.form(["ownerMunicipality": ""])
            for (index, field) in textFields.enumerated() {
                fields[field] = Self.payload(index).replacingOccurrences(of: "\u{0}", with: "")
            }
            fields["title"] = String(Self.payload(0).prefix(190))
            fields["partnerRole-0"] = "research"
            fields["partnerName-0"] = String(Self.payload(5).prefix(190))
            fields["financingSource-0"] = "eu"
            fields["financingAmount-0"] = "1000"
            fields["financingStatus-0"] = "granted"
            fields["financingNote-0"] = Self.payload(6)
            fields["resultImpact-0"] = "quality"
            fields["resultDescription-0"] = Self.payload(7)
            fields["contactEmail"] = "a@b.no"
            fields["contactConsent"] = "on"
            fields["linkURL"] = "https://example.no/"
            let created = try await bank.post(app, "/prosjekter", admin, fields)
            #expect(created.status == .seeOther)
            let location = try #require(created.headers.first(name: .location))
            #expect(try await bank.post(app, "\(location)/status", admin, ["status": "submitted"]).status == .seeOther)
            #expect(try await bank.post(app, "\(location)/status", admin, ["status": "published"]).status == .seeOther)
            let slug = String(location.split(separator: "/").last ?? "")
            for path in [location, "/prosjekter", "/prosjekter?q=fx55", "/prosjekter/gjenbruk"] {
                let response = try await app.get(path)
                #expect(response.status == .ok, "\(path)")
                Self.expectEscaped(response.body.string, "\(path)", shown: path != "/prosjekter/gjenbruk")
            }
            for path in ["/api/v1/projects", "/api/v1/projects/\(slug)", "/prosjekter/eksport.json"] {
                let response = try await app.get(path)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers.contentType?.subType == "json", "\(path)")
                #expect(response.body.string.contains("fx55"), "\(path)")
                #expect(
                    (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) != nil, "\(path)")
            }
            let csv = try await app.get("/prosjekter/eksport.csv")
            #expect(csv.headers.contentType?.subType == "csv")
        }
    }

    /// A wave stored through `CollectionRepository` with the payload frame, invited and open.
    static func payloadCollection(_ app: Application) async throws -> CollectionFixture {
        let instrument = try Instrument.innovasjonsbarometer2018
        let day = CalendarDay("2026-03-01")!
        let frame = SampleFrame(
            csv: Data(payloadFrameCSV.utf8), file: "utvalg.csv", instrument: instrument,
            register: try MunicipalityRegister.bundled(),
            on: day)
        #expect(frame.isValid, "\(frame.issues)")
        let repository = CollectionRepository(database: app.db)
        let wave = try await repository.createWave(
            slug: "xss-frame", title: payload(0), instrument: instrument, mode: .identified, structureDate: day,
            units: frame.units,
            privacy: WavePrivacy(
                organizer: payload(2), contactEmail: "kontakt@example.no", purpose: payload(3),
                retentionUntil: CalendarDay("2099-12-31")!))
        let units = try await repository.units(waveID: wave.requireID())
        let tokens = try await repository.makeLinksForTesting(waveID: wave.requireID(), tokens: app.invitationTokens)
        try await repository.setStatus(.open, waveID: wave.requireID())
        return CollectionFixture(wave: wave, tokens: tokens, unitIDs: try units.map { try $0.requireID() })
    }
}
