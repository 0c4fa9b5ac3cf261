import Fluent
import FornyeBarometer
import FornyeFormats
import FornyeStorage
import Foundation
import Vapor

/// Analysts run waves here: create one from an instrument and a sample frame (CSV or XLSX, with
/// a preview, all or nothing), make invitation links, open and close it, follow the fieldwork.
struct WaveAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let waves = routes.analysts.grouped("analyse", "innsamling")
        waves.get(use: list)
        waves.get("ny", use: newWave)
        waves.post("ny", use: createWave)
        waves.get(":slug", use: dashboard)
        waves.post(":slug", "status", use: setStatus)
        waves.post(":slug", "invitasjoner", use: makeLinks)
        waves.get(":slug", "lenker", use: showLinks)
        waves.get(":slug", "lenker.csv", use: downloadLinks)
        waves.get(":slug", "lenker", "ny", use: confirmReplace)
        waves.post(":slug", "lenker", "ny", use: replaceLinks)
        waves.get(":slug", "ikke-svart.csv", use: nonRespondents)
    }

    struct NewWaveForm: Content {
        var slug: String?
        var title: String?
        var mode: String?
        var date: String?
        var instrument: String?
        var file: File?
        /// The checked frame from the preview, base64 CSV, so confirming needs no new upload.
        var frame: String?
        var confirm: String?
        var organizer: String?
        var contact: String?
        var purpose: String?
        var retention: String?
        var subtitle: String?

        /// The first step uploads the frame (multipart, Vapor's decoder); the confirmation posts a
        /// URL-encoded form, read by the one form parser.
        static func read(_ request: Request) throws -> NewWaveForm {
            guard request.headers.contentType == .urlEncodedForm else { return try request.content.decode(Self.self) }
            let fields = try request.formFields()
            return NewWaveForm(
                slug: fields.first("slug"), title: fields.first("title"), mode: fields.first("mode"),
                date: fields.first("date"), instrument: fields.first("instrument"), file: nil,
                frame: fields.first("frame"), confirm: fields.first("confirm"), organizer: fields.first("organizer"),
                contact: fields.first("contact"), purpose: fields.first("purpose"),
                retention: fields.first("retention"),
                subtitle: fields.first("subtitle")
            )
        }
    }

    @Sendable func list(request: Request) async throws -> HTMLPage {
        let waves = try await CollectionRepository(database: request.db).collectedWaves()
        return HTMLPage(WaveAdminViews(request: request).list(waves))
    }

    @Sendable func newWave(request: Request) async throws -> HTMLPage {
        let views = WaveAdminViews(request: request)
        return HTMLPage(
            views.form(
                NewWaveForm(date: CalendarDay(Date()).description), frame: nil, problems: [],
                instruments: try CollectionInstruments.available()))
    }

    /// Previews the frame, or with `confirm` creates the wave and redirects (303) to its page, so
    /// reloading that page does not send the form again.
    @Sendable func createWave(request: Request) async throws -> Response {
        let form = try NewWaveForm.read(request)
        let views = WaveAdminViews(request: request)
        let instruments = try CollectionInstruments.available()
        var problems: [WaveAdminViews.Problem] = []
        let slug = (form.slug ?? "").trimmingCharacters(in: .whitespaces)
        if slug.isEmpty || slug.count > 40
            || !slug.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        {
            problems.append(
                .init(
                    field: "slug", nb: "Bruk 1–40 tegn: a–z, 0–9 og bindestrek.",
                    en: "Use 1–40 characters: a–z, 0–9 and hyphens."))
        } else if let existing = try await WaveRepository(database: request.db).record(slug: slug) {
            // The confirmation sent again (back and confirm, or a resent POST): this form made the wave.
            if form.confirm != nil, Self.wasMade(existing, by: form, instruments: instruments) {
                return request.redirect(to: Paths.wave(slug: existing.slug) + "?fantes=1", redirectType: .normal)
            }
            problems.append(
                .init(
                    field: "slug", nb: "Det finnes allerede en bølge med kortnavnet «\(slug)».",
                    en: "A wave called «\(slug)» exists already."))
        }
        let title = (form.title ?? "").trimmingCharacters(in: .whitespaces)
        if title.isEmpty { problems.append(.init(field: "title", nb: "Skriv en tittel.", en: "Enter a title.")) }
        var subtitle: String?
        switch WaveSubtitle.check(form.subtitle) {
        case .success(let checked): subtitle = checked
        case .failure(let list): problems += list.problems.map { .init(field: $0.field, nb: $0.nb, en: $0.en) }
        }
        let mode = form.mode.flatMap(CollectionMode.init(rawValue:))
        if mode == nil {
            problems.append(
                .init(field: "mode", nb: "Velg anonym eller identifisert.", en: "Choose anonymous or identified."))
        }
        let date = form.date.flatMap(CalendarDay.init)
        if date == nil || date! < MunicipalityRegister.coverageStart || date! >= MunicipalityRegister.coverageEnd {
            problems.append(
                .init(
                    field: "date", nb: "Skriv en dato fra 2018 til 2026 som ÅÅÅÅ-MM-DD.",
                    en: "Enter a date from 2018 to 2026 as YYYY-MM-DD."))
        }
        var privacy: WavePrivacy?
        switch WavePrivacy.check(
            organizer: form.organizer, contactEmail: form.contact, purpose: form.purpose,
            retentionUntil: form.retention, today: CalendarDay(Date()))
        {
        case .success(let checked): privacy = checked
        case .failure(let list):
            let fields = ["contact_email": "contact", "retention_until": "retention"]
            problems += list.problems.map { .init(field: fields[$0.field] ?? $0.field, nb: $0.nb, en: $0.en) }
        }
        let instrument = instruments.first { CollectionInstruments.key($0) == form.instrument } ?? instruments[0]
        // The frame: an uploaded file (CSV or XLSX), or the one checked in the preview.
        var rows: [[String]]? = nil
        var rowNumbers: [Int]? = nil
        func readCSV(_ data: Data, file: String) {
            do {
                let table = try CSVTable.read(data, file: file)
                rows = table.allRows
                rowNumbers = [1] + table.lines
            } catch {
                problems.append(.init(field: "file", nb: error.description(in: .nb), en: error.description(in: .en)))
            }
        }
        if let file = form.file, file.data.readableBytes > 0 {
            let data = Data(buffer: file.data)
            if file.filename.lowercased().hasSuffix(".xlsx") {
                do {
                    let sheet = try XLSXReader.read(data).first
                    rows = sheet?.rows.map(\.cells) ?? []
                    rowNumbers = sheet?.rows.map(\.number)
                } catch {
                    problems.append(
                        .init(
                            field: "file", nb: "\(file.filename): kan ikke leses som XLSX: \(error)",
                            en: "\(file.filename): cannot be read as XLSX: \(error)"))
                }
            } else {
                readCSV(data, file: file.filename)
            }
        } else if let frame = form.frame, let data = Data(base64Encoded: frame) {
            readCSV(data, file: "utvalg.csv")
        } else {
            problems.append(
                .init(
                    field: "file", nb: "Velg en fil med utvalget (CSV eller XLSX).",
                    en: "Choose a file with the sample frame (CSV or XLSX)."))
        }
        var frame: SampleFrame? = nil
        if let rows, let date {
            let checked = SampleFrame(
                rows: rows, rowNumbers: rowNumbers, instrument: instrument,
                register: try? MunicipalityRegister.bundled(), on: date)
            frame = checked
            let name = form.file?.filename.isEmpty == false ? form.file!.filename : "utvalg.csv"
            for issue in checked.issues {
                problems.append(.init(field: "file", nb: "\(name), \(issue)", en: "\(name), \(issue)"))
            }
        }
        var release: BackgroundRelease?
        if let frame, frame.isValid, mode == .anonymous, let date {
            release = try CollectionRepository.anonymousRelease(
                for: frame.units, structureDate: date, minimumGroup: BackgroundRelease.defaultMinimumGroup)
            if release == nil {
                let needed = BackgroundRelease.defaultMinimumGroup
                problems.append(
                    .init(
                        field: "mode",
                        nb:
                            "Utvalget har \(frame.units.count) enheter. En anonym bølge trenger minst \(needed), ellers kan svarene knyttes til enhetene. Velg identifisert, og si det til respondentene.",
                        en:
                            "The frame has \(frame.units.count) units. An anonymous wave needs at least \(needed), or the answers could be linked to the units. Choose identified, and tell the respondents."
                    ))
            }
        }
        guard problems.isEmpty, let frame, let mode, let date, let privacy else {
            return try await HTMLPage(
                views.form(form, frame: nil, problems: problems, instruments: instruments), status: .unprocessableEntity
            ).encodeResponse(for: request)
        }
        if form.confirm == nil {
            return try await HTMLPage(
                views.form(
                    form, frame: frame, problems: [], instruments: instruments, release: release, privacy: privacy)
            ).encodeResponse(for: request)
        }
        let wave = try await CollectionRepository(database: request.db).createWave(
            slug: slug, title: title, instrument: instrument, mode: mode, structureDate: date, units: frame.units,
            privacy: privacy, subtitle: subtitle)
        request.logger.notice("wave created", metadata: ["wave": "\(wave.slug)", "units": "\(frame.units.count)"])
        try await request.audit(.waveCreated, target: wave.slug, details: "\(frame.units.count) units, \(mode)")
        return request.redirect(to: Paths.wave(slug: wave.slug) + "?opprettet=1", redirectType: .normal)
    }

    /// True when `wave` is the one `form` describes: same title, mode, structure date and instrument.
    static func wasMade(_ wave: WaveRecord, by form: NewWaveForm, instruments: [Instrument]) -> Bool {
        let instrument = instruments.first { CollectionInstruments.key($0) == form.instrument } ?? instruments.first
        return wave.instrumentVersion != nil && wave.instrumentVersion == instrument.map(CollectionInstruments.key)
            && wave.title == (form.title ?? "").trimmingCharacters(in: .whitespaces)
            && wave.collectionMode?.rawValue == form.mode
            && wave.structureDate == form.date.flatMap(CalendarDay.init)?.description
    }

    private func wave(_ request: Request) async throws -> WaveRecord {
        guard let slug = request.parameters.get("slug"),
            let wave = try await WaveRepository(database: request.db).record(slug: slug), wave.instrumentVersion != nil
        else { throw WebError.unknownCollectedWave }
        return wave
    }

    @Sendable func dashboard(request: Request) async throws -> HTMLPage {
        let wave = try await wave(request)
        let views = WaveAdminViews(request: request)
        var notice: String?
        if request.query[String.self, at: "opprettet"] != nil {
            let units = try await CollectionRepository(database: request.db).units(waveID: wave.requireID()).count
            notice = views.pick(
                "Bølgen er opprettet med \(units) enheter.", "The wave was created with \(units) units.")
        } else if request.query[String.self, at: "fantes"] != nil {
            notice = views.pick(
                "Bølgen «\(wave.slug)» var allerede opprettet. Skjemaet ble sendt på nytt, og ingenting er endret.",
                "The wave «\(wave.slug)» had already been created. The form was sent again, and nothing was changed.")
        }
        return HTMLPage(try await views.dashboard(wave, notice: notice))
    }

    @Sendable func setStatus(request: Request) async throws -> Response {
        let wave = try await wave(request)
        let fields = try request.formFields()
        guard let status = WaveRecord.Status(rawValue: fields.first("status") ?? ""), status != .draft else {
            throw WebError(
                .unprocessableEntity, nb: "Status må være åpen, stengt eller publisert.",
                en: "The status must be open, closed or published.", parameter: "status")
        }
        guard CollectionRepository.mayChangeStatus(from: wave.status, to: status) else {
            func text(_ language: Language) -> String {
                let from = WaveAdminViews.statusText(wave.status, language)
                let to = WaveAdminViews.statusText(status, language)
                return language.pick(
                    "En bølge kan ikke gå fra «\(from)» til «\(to)»: under arbeid → åpen ⇄ stengt ⇄ publisert.",
                    "A wave cannot go from “\(from)” to “\(to)”: draft → open ⇄ closed ⇄ published.")
            }
            throw WebError(.conflict, nb: text(.nb), en: text(.en))
        }
        let repository = CollectionRepository(database: request.db)
        let responses = status == .published ? try await repository.responseCount(waveID: wave.requireID()) : 0
        if status == .published, !PublicationReadiness.hasAnythingToPublish(responses: responses) {
            throw WebError(
                .conflict, nb: "Bølgen har ingen svar å publisere.", en: "The wave has no responses to publish.")
        }
        if status == .published, fields.first("confirm_few") != "1",
            PublicationReadiness.needsConfirmation(responses: responses)
        {
            throw WebError(
                .conflict,
                nb:
                    "Bølgen har færre enn \(PublicationReadiness.minimumResponses) svar: kryss av for «Jeg vil publisere likevel».",
                en:
                    "The wave has fewer than \(PublicationReadiness.minimumResponses) responses: tick “I want to publish anyway”."
            )
        }
        try await repository.setStatus(status, waveID: wave.requireID())
        request.logger.notice("wave status changed", metadata: ["wave": "\(wave.slug)", "status": "\(status)"])
        let action: AuditAction =
            switch (wave.status, status) {
            case (_, .published): .wavePublished
            case (.published, _): .waveUnpublished
            default: .waveStatusChanged
            }
        try await request.audit(action, target: wave.slug, details: "\(wave.status.rawValue) → \(status.rawValue)")
        // The public pages show published waves only; computed results of the wave are dropped.
        request.application.barometerStore.invalidate(wave.slug)
        return request.redirect(to: Paths.wave(slug: wave.slug), redirectType: .normal)
    }

    /// Links for the units that have none; links already made are left as they are.
    @Sendable func makeLinks(request: Request) async throws -> Response {
        let wave = try await wave(request)
        let made = try await CollectionRepository(database: request.db).makeMissingLinks(
            waveID: wave.requireID(), tokens: request.application.invitationTokens)
        request.logger.notice("invitations made", metadata: ["wave": "\(wave.slug)", "count": "\(made)"])
        try await request.audit(.invitationsMade, target: wave.slug, details: "\(made) links")
        return request.redirect(to: Paths.waveLinks(slug: wave.slug) + "?laget=\(made)", redirectType: .normal)
    }

    /// The links as they are, as often as asked: showing them never changes one.
    @Sendable func showLinks(request: Request) async throws -> Response {
        let wave = try await wave(request)
        let links = try await CollectionRepository(database: request.db).links(
            waveID: wave.requireID(), tokens: request.application.invitationTokens)
        try await request.audit(.invitationsExported, target: wave.slug, details: "\(links.count) units as page")
        let notice = Self.linksNotice(request)
        let response = try await HTMLPage(
            WaveAdminViews(request: request).links(
                wave, links: links, base: request.application.fornyeSettings.publicBaseURL, notice: notice)
        ).encodeResponse(for: request)
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    private static func linksNotice(_ request: Request) -> String? {
        let language = Language.of(request)
        if let made = request.query[Int.self, at: "laget"] {
            return made == 1
                ? language.pick("1 ny lenke er laget.", "1 new link was made.")
                : language.pick("\(made) nye lenker er laget.", "\(made) new links were made.")
        }
        if let replaced = request.query[Int.self, at: "erstattet"] {
            return replaced == 1
                ? language.pick(
                    "1 lenke er erstattet. Den gamle lenken sier nå at den er erstattet, og hvem man kan spørre.",
                    "1 link was replaced. The old link now says it was replaced, and whom to ask.")
                : language.pick(
                    "\(replaced) lenker er erstattet. De gamle lenkene sier nå at de er erstattet, og hvem man kan spørre.",
                    "\(replaced) links were replaced. The old links now say they were replaced, and whom to ask.")
        }
        return nil
    }

    /// The same links as the page, as CSV for mail merge: semicolons and a byte order mark, as
    /// Norwegian Excel opens them.
    @Sendable func downloadLinks(request: Request) async throws -> Response {
        let wave = try await wave(request)
        let links = try await CollectionRepository(database: request.db).links(
            waveID: wave.requireID(), tokens: request.application.invitationTokens)
        let base = request.application.fornyeSettings.publicBaseURL
        let rows =
            [["enhet", "kommunenummer", "epost", "kontaktperson", "lenke"]]
            + links.compactMap { link -> [String]? in
                guard case .link(let token) = link.state else { return nil }
                return [
                    link.unit.name, link.unit.kommunenummer ?? "", link.unit.contactEmail, link.unit.contactName ?? "",
                    base + Paths.answer(token: token),
                ]
            }
        try await request.audit(
            .invitationsExported, target: wave.slug, details: "\(rows.count - 1) links as CSV")
        return Self.csvResponse(CSVTable.writeForExcel(rows), filename: "invitasjoner-\(wave.slug).csv")
    }

    /// What replacing links does, before it is done.
    @Sendable func confirmReplace(request: Request) async throws -> HTMLPage {
        let wave = try await wave(request)
        let unit = try await replaceTarget(request.query[String.self, at: "enhet"], wave: wave, on: request.db)
        return HTMLPage(WaveAdminViews(request: request).confirmReplace(wave, unit: unit))
    }

    /// Replaces one unit's link or every unanswered unit's, once confirmed.
    @Sendable func replaceLinks(request: Request) async throws -> Response {
        let wave = try await wave(request)
        // `enhet`: a unit's id, absent for every unit that has not answered.
        let form = try request.formFields()
        let unit = try await replaceTarget(form.first("enhet"), wave: wave, on: request.db)
        guard form.first("bekreft") == "ja" else {
            return try await HTMLPage(
                WaveAdminViews(request: request).confirmReplace(wave, unit: unit), status: .unprocessableEntity
            ).encodeResponse(for: request)
        }
        let replaced = try await CollectionRepository(database: request.db).replaceLinks(
            waveID: wave.requireID(), unitIDs: try unit.map { [try $0.requireID()] },
            tokens: request.application.invitationTokens)
        try await request.audit(
            .invitationsReplaced, target: wave.slug,
            details: "\(replaced) links" + (unit.map { ", unit \($0.name)" } ?? ", all units not answered"))
        return request.redirect(
            to: Paths.waveLinks(slug: wave.slug) + "?erstattet=\(replaced)", redirectType: .normal)
    }

    /// The unit named by `id` in the wave, nil for "all"; a wrong id is 404.
    private func replaceTarget(_ id: String?, wave: WaveRecord, on database: any Database) async throws
        -> SampleUnitRecord?
    {
        guard let id, !id.isEmpty else { return nil }
        guard let uuid = UUID(uuidString: id),
            let unit = try await CollectionRepository(database: database).unit(uuid, waveID: wave.requireID())
        else {
            throw WebError(
                .notFound, nb: "Ingen enhet i bølgen har denne id-en.", en: "No unit of this wave has that id.")
        }
        return unit
    }

    @Sendable func nonRespondents(request: Request) async throws -> Response {
        let wave = try await wave(request)
        let progress = try await CollectionRepository(database: request.db).progress(waveID: wave.requireID())
        let rows =
            [["enhet", "kommunenummer", "sektor", "enhetstype", "epost", "kontaktperson"]]
            + progress.filter { !$0.answered }.map { item in
                [
                    item.unit.name, item.unit.kommunenummer ?? "", "\(item.unit.sector)", "\(item.unit.unitType)",
                    item.unit.contactEmail, item.unit.contactName ?? "",
                ]
            }
        try await request.audit(.nonRespondentsExported, target: wave.slug, details: "\(rows.count - 1) units")
        return Self.csvResponse(CSVTable.writeForExcel(rows), filename: "ikke-svart-\(wave.slug).csv")
    }

    static func csvResponse(_ text: String, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: filename)
        headers.cacheControl = .init(noStore: true)
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
