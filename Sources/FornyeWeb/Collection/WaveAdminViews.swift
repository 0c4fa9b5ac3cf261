import FornyeBarometer
import FornyeFormats
import FornyeStorage
import Foundation
import Vapor

/// The analysts' pages for running waves.
struct WaveAdminViews {
    let request: Request
    var language: Language { Language.of(request) }

    struct Problem {
        var field: String
        var nb: String
        var en: String
    }

    func pick(_ nb: String, _ en: String) -> String { language.pick(nb, en) }

    private func layout(_ title: String, synthetic: Bool = false) -> PageLayout {
        PageLayout(title: title, request: request, synthetic: synthetic)
    }

    func list(_ waves: [WaveRecord]) -> String {
        let heading = pick("Innsamling", "Data collection")
        return layout(heading).render {
            el("h1") { heading }
            el("p") {
                el("a", ["class": "button", "href": Paths.newWave]) { pick("Ny bølge", "New wave") }
            }
            if waves.isEmpty {
                el("p") { pick("Ingen bølger samles inn i Fornye ennå.", "No waves are collected in Fornye yet.") }
            } else {
                el("ul", ["class": "wave-list"]) {
                    for wave in waves {
                        el("li") {
                            el("a", ["href": Paths.wave(slug: wave.slug)]) { wave.title }
                            " (\(statusText(wave.status)))"
                        }
                    }
                }
            }
        }
    }

    func statusText(_ status: WaveRecord.Status) -> String { Self.statusText(status, language) }

    static func statusText(_ status: WaveRecord.Status, _ language: Language) -> String {
        switch status {
        case .draft: language.pick("under arbeid", "draft")
        case .open: language.pick("åpen for svar", "open for answers")
        case .closed: language.pick("stengt", "closed")
        case .published: language.pick("publisert", "published")
        }
    }

    func form(
        _ form: WaveAdminController.NewWaveForm, frame: SampleFrame?, problems: [Problem], instruments: [Instrument],
        release: BackgroundRelease? = nil, privacy: WavePrivacy? = nil
    ) -> String {
        let heading =
            frame == nil ? pick("Ny bølge", "New wave") : pick("Kontroller utvalget", "Check the sample frame")
        func error(_ field: String) -> Node {
            let messages = problems.filter { $0.field == field }
            guard !messages.isEmpty else { return .empty }
            return el("div", ["id": "\(field)-error", "class": "error-message"]) {
                el("ul") {
                    for message in messages.prefix(50) { el("li") { pick(message.nb, message.en) } }
                    if messages.count > 50 {
                        el("li") { pick("… og \(messages.count - 50) feil til", "… and \(messages.count - 50) more") }
                    }
                }
            }
        }
        func described(_ field: String) -> String? {
            problems.contains { $0.field == field } ? "\(field)-error" : nil
        }
        return layout(heading).render {
            el("h1") { heading }
            if !problems.isEmpty {
                el("div", ["class": "error-summary", "role": "alert"]) {
                    el("h2") { pick("Bølgen ble ikke opprettet", "The wave was not created") }
                    el("p") {
                        pick(
                            "Ingenting er lagret. Rett feilene og prøv igjen.",
                            "Nothing was stored. Correct the errors and try again.")
                    }
                    el("ul") {
                        for field in [
                            "slug", "title", "subtitle", "mode", "date", "organizer", "contact", "purpose", "retention",
                            "file",
                        ]
                        where problems.contains(where: { $0.field == field }) {
                            el("li") { el("a", ["href": "#\(field)"]) { fieldName(field) } }
                        }
                    }
                }
            }
            if let frame {
                el("p", ["class": "notice", "role": "status"]) {
                    pick(
                        "Utvalget har \(frame.units.count) enheter og ingen feil. Bekreft for å opprette bølgen.",
                        "The frame has \(frame.units.count) units and no errors. Confirm to create the wave.")
                }
                el("p") {
                    pick(
                        "Spørsmålene om kommune, sektor og type arbeidsplass stilles ikke: svarene hentes fra utvalget.",
                        "The questions on municipality, sector and kind of workplace are not asked: the answers come from the frame."
                    )
                }
                if let release {
                    let names = release.variableNames.map {
                        pick(BackgroundRelease.label(of: $0).nb, BackgroundRelease.label(of: $0).en)
                    }
                    el("p", ["class": "notice"]) {
                        names.isEmpty
                            ? pick(
                                "Anonym bølge: ingen bakgrunn om enhetene lagres med svarene, fordi utvalget er for lite til at noen gruppe har minst \(release.minimumGroup) enheter.",
                                "Anonymous wave: no background about the units is stored with the answers, because the frame is too small for any group to have at least \(release.minimumGroup) units."
                            )
                            : pick(
                                "Anonym bølge: med hvert svar lagres bare \(names.joined(separator: ", ")), slik at hver kombinasjon gjelder minst \(release.minimumGroup) enheter i utvalget. Når bølgen stenges, slås grupper med færre enn \(release.minimumGroup) svar sammen.",
                                "Anonymous wave: each response stores only \(names.joined(separator: ", ")), so that every combination covers at least \(release.minimumGroup) units of the frame. When the wave closes, groups with fewer than \(release.minimumGroup) responses are merged."
                            )
                    }
                }
                if let privacy {
                    el("h2") { pick("Dette får respondentene vite", "What respondents are told") }
                    privacyFacts(
                        organizer: privacy.organizer, contact: privacy.contactEmail, purpose: privacy.purpose,
                        retention: privacy.retentionUntil)
                }
                el("div", ["class": "table-wrap"]) {
                    el("table") {
                        el("caption") {
                            pick(
                                "De første \(min(20, frame.units.count)) enhetene",
                                "The first \(min(20, frame.units.count)) units")
                        }
                        el("thead") {
                            el("tr") {
                                for header in [
                                    pick("Rad", "Row"), pick("Enhet", "Unit"), "Kommunenr.", pick("Sektor", "Sector"),
                                    pick("Enhetstype", "Unit type"), pick("E-post", "E-mail"),
                                ] {
                                    el("th", ["scope": "col"]) { header }
                                }
                            }
                        }
                        el("tbody") {
                            for unit in frame.units.prefix(20) {
                                el("tr") {
                                    el("td", ["class": "num"]) { "\(unit.row)" }
                                    el("th", ["scope": "row"]) { unit.name }
                                    el("td") { unit.kommunenummer ?? "–" }
                                    el("td") { choiceLabel(instruments[0], "sector", unit.sector) }
                                    el("td") { choiceLabel(instruments[0], "unit_type", unit.unitType) }
                                    el("td") { unit.contactEmail }
                                }
                            }
                        }
                    }
                }
                el("form", ["method": "post", "action": Paths.newWave]) {
                    CSRF.field(request)
                    for (name, value) in [
                        ("slug", form.slug), ("title", form.title), ("mode", form.mode), ("date", form.date),
                        ("instrument", form.instrument), ("organizer", form.organizer), ("contact", form.contact),
                        ("purpose", form.purpose), ("retention", form.retention), ("subtitle", form.subtitle),
                    ] {
                        el("input", ["type": "hidden", "name": name, "value": value ?? ""])
                    }
                    el(
                        "input",
                        [
                            "type": "hidden", "name": "frame",
                            "value": Data(CSVTable.write(frameRows(frame)).utf8).base64EncodedString(),
                        ])
                    el("input", ["type": "hidden", "name": "confirm", "value": "1"])
                    el("div", ["class": "form-actions"]) {
                        el("button", ["type": "submit"]) { pick("Opprett bølgen", "Create the wave") }
                        el("a", ["href": Paths.newWave]) { pick("Avbryt", "Cancel") }
                    }
                }
            } else {
                el(
                    "form",
                    [
                        "method": "post", "action": Paths.newWave, "enctype": "multipart/form-data",
                        "novalidate": "", "class": "wave-form",
                    ]
                ) {
                    CSRF.field(request)
                    el("label", ["for": "slug"]) { fieldName("slug") }
                    el("p", ["class": "hint", "id": "slug-hint"]) {
                        pick("Brukes i adresser, f.eks. 2026.", "Used in addresses, e.g. 2026.")
                    }
                    error("slug")
                    el(
                        "input",
                        [
                            "type": "text", "id": "slug", "name": "slug", "value": form.slug,
                            "aria-describedby": ["slug-hint", described("slug")].compactMap { $0 }.joined(
                                separator: " "),
                        ])
                    el("label", ["for": "title"]) { fieldName("title") }
                    error("title")
                    el(
                        "input",
                        [
                            "type": "text", "id": "title", "name": "title", "value": form.title,
                            "aria-describedby": described("title"),
                        ])
                    textField(
                        "subtitle", form.subtitle,
                        hint: pick(
                            "Valgfritt. Én setning om bølgen under tittelen når resultatene publiseres, f.eks. hvem som ble spurt og når. Står det ikke noe her, brukes en generell tekst.",
                            "Optional. One sentence about the wave under its title when the results are published, e.g. who was asked and when. When empty, a general sentence is used."
                        ),
                        described: described)
                    error("subtitle")
                    el("label", ["for": "instrument"]) { pick("Spørreskjema", "Questionnaire") }
                    el("select", ["id": "instrument", "name": "instrument"]) {
                        for instrument in instruments {
                            el("option", ["value": CollectionInstruments.key(instrument)]) {
                                "\(language == .en ? (instrument.title.en ?? instrument.title.nb) : instrument.title.nb) (\(instrument.version))"
                            }
                        }
                    }
                    el("fieldset", ["id": "mode-group", "class": "group"]) {
                        el("legend") { fieldName("mode") }
                        error("mode")
                        for (value, nb, en) in [
                            (
                                "anonymous", "Anonym: svarene kan ikke knyttes til enheten",
                                "Anonymous: answers cannot be linked to the unit"
                            ),
                            (
                                "identified", "Identifisert: svarene knyttes til enheten i utvalget",
                                "Identified: answers are linked to the unit in the frame"
                            ),
                        ] {
                            el("div", ["class": "choice"]) {
                                el(
                                    "input",
                                    [
                                        "type": "radio", "id": value == "anonymous" ? "mode" : "mode-\(value)",
                                        "name": "mode", "value": value, "checked": form.mode == value ? "" : nil,
                                        "aria-describedby": described("mode"),
                                    ])
                                el("label", ["for": value == "anonymous" ? "mode" : "mode-\(value)"]) { pick(nb, en) }
                            }
                        }
                    }
                    el("label", ["for": "date"]) { fieldName("date") }
                    el("p", ["class": "hint", "id": "date-hint"]) {
                        pick(
                            "Kommunenumrene kontrolleres mot kommunestrukturen denne dagen (ÅÅÅÅ-MM-DD).",
                            "Municipality numbers are checked against the structure on this day (YYYY-MM-DD).")
                    }
                    error("date")
                    el(
                        "input",
                        [
                            "type": "text", "id": "date", "name": "date", "value": form.date, "class": "short",
                            "aria-describedby": ["date-hint", described("date")].compactMap { $0 }.joined(
                                separator: " "),
                        ])
                    el("fieldset", ["class": "group"]) {
                        el("legend") {
                            pick("Personvern: dette får respondentene vite", "Privacy: what respondents are told")
                        }
                        textField(
                            "organizer", form.organizer,
                            hint: pick("Hvem samler inn svarene, f.eks. KS.", "Who collects the answers, e.g. KS."),
                            described: described)
                        error("organizer")
                        textField(
                            "contact", form.contact,
                            hint: pick(
                                "E-postadressen respondentene kan spørre, også om en erstattet lenke.",
                                "The e-mail address respondents can ask, also about a replaced link."),
                            described: described, type: "email")
                        error("contact")
                        el("label", ["for": "purpose"]) { fieldName("purpose") }
                        el("p", ["class": "hint", "id": "purpose-hint"]) {
                            pick(
                                "Valgfritt. Står det ikke noe her, forklares formålet med Innovasjonsbarometerets egen tekst.",
                                "Optional. When empty, the Innovasjonsbarometer's own text explains the purpose.")
                        }
                        error("purpose")
                        el(
                            "textarea",
                            [
                                "id": "purpose", "name": "purpose", "rows": "3",
                                "aria-describedby": ["purpose-hint", described("purpose")].compactMap { $0 }.joined(
                                    separator: " "),
                            ]
                        ) { form.purpose ?? "" }
                        textField(
                            "retention", form.retention,
                            hint: pick(
                                "Dagen svarene senest slettes eller anonymiseres videre (ÅÅÅÅ-MM-DD).",
                                "The day by which the answers are deleted or further anonymised (YYYY-MM-DD)."),
                            described: described, short: true)
                        error("retention")
                    }
                    el("label", ["for": "file"]) { fieldName("file") }
                    el("p", ["class": "hint", "id": "file-hint"]) {
                        // The column names are the file's own, the same in both languages.
                        pick(
                            "CSV (komma eller semikolon) eller XLSX med kolonnene ",
                            "CSV (comma or semicolon) or XLSX with the columns ")
                        for (index, column) in ["enhet", "kommunenummer", "sektor", "enhetstype", "epost"].enumerated()
                        {
                            if index > 0 { ", " }
                            el("code") { column }
                        }
                        pick(" og eventuelt ", " and optionally ")
                        el("code") { "kontaktperson" }
                        "."
                    }
                    error("file")
                    el(
                        "input",
                        [
                            "type": "file", "id": "file", "name": "file", "accept": ".csv,.xlsx,text/csv",
                            "aria-describedby": ["file-hint", described("file")].compactMap { $0 }.joined(
                                separator: " "),
                        ])
                    el("div", ["class": "form-actions"]) {
                        el("button", ["type": "submit"]) { pick("Kontroller utvalget", "Check the sample frame") }
                    }
                }
            }
        }
    }

    /// A labelled text input with its hint; the error goes after it.
    private func textField(
        _ name: String, _ value: String?, hint: String, described: (String) -> String?, type: String = "text",
        short: Bool = false
    ) -> Node {
        el("div") {
            el("label", ["for": name]) { fieldName(name) }
            el("p", ["class": "hint", "id": "\(name)-hint"]) { hint }
            el(
                "input",
                [
                    "type": type, "id": name, "name": name, "value": value, "class": short ? "short" : nil,
                    "aria-describedby": ["\(name)-hint", described(name)].compactMap { $0 }.joined(separator: " "),
                ])
        }
    }

    /// What the questionnaire's first page tells respondents about privacy, for the analyst to check.
    private func privacyFacts(organizer: String, contact: String, purpose: String?, retention: CalendarDay?) -> Node {
        el("dl", ["class": "facts"]) {
            el("dt") { fieldName("organizer") }
            el("dd") { organizer }
            el("dt") { fieldName("contact") }
            el("dd") { contact }
            el("dt") { fieldName("purpose") }
            el("dd") {
                purpose
                    ?? pick(
                        "(ikke fylt ut: Innovasjonsbarometerets egen tekst)",
                        "(not given: the Innovasjonsbarometer's own text)")
            }
            el("dt") { fieldName("retention") }
            el("dd") { retention.map { PrivacyNotice.date($0, language) } ?? "–" }
        }
    }

    private func fieldName(_ field: String) -> String {
        switch field {
        case "organizer": pick("Hvem samler inn", "Who collects")
        case "contact": pick("Kontakt for respondentene (e-post)", "Contact for respondents (e-mail)")
        case "purpose": pick("Formål", "Purpose")
        case "retention": pick("Svarene slettes senest", "Answers deleted by")
        case "slug": pick("Kortnavn", "Short name")
        case "title": pick("Tittel", "Title")
        case "subtitle": pick("Undertittel på resultatsiden", "Subtitle on the results page")
        case "mode": pick("Svarmodus", "Response mode")
        case "date": pick("Dato for kommunestruktur", "Date of the municipal structure")
        default: pick("Utvalgsfil", "Sample frame file")
        }
    }

    private func frameRows(_ frame: SampleFrame) -> [[String]] {
        [["enhet", "kommunenummer", "sektor", "enhetstype", "epost", "kontaktperson"]]
            + frame.units.map {
                [
                    $0.name, $0.kommunenummer ?? "", "\($0.sector)", "\($0.unitType)", $0.contactEmail,
                    $0.contactName ?? "",
                ]
            }
    }

    private func choiceLabel(_ instrument: Instrument, _ list: String, _ code: Int) -> String {
        guard let choice = instrument.choiceList(named: list)?.choice(code: code) else { return "\(code)" }
        return language == .en ? (choice.label.en ?? choice.label.nb) : choice.label.nb
    }

    func dashboard(_ wave: WaveRecord, notice: String?) async throws -> String {
        let repository = CollectionRepository(database: request.db)
        let waveID = try wave.requireID()
        let progress = try await repository.progress(waveID: waveID)
        let responses = try await repository.responseCount(waveID: waveID)
        let instrument = try wave.instrumentVersion.flatMap(CollectionInstruments.instrument(key:))
        let date = wave.structureDate.flatMap(CalendarDay.init) ?? CalendarDay(Date())
        let monitor = instrument.map {
            FieldworkMonitor(
                progress: progress, instrument: $0, register: try? MunicipalityRegister.bundled(), date: date,
                language: language)
        }
        return layout(wave.title, synthetic: wave.synthetic).render {
            el("p") { el("a", ["href": Paths.waves]) { pick("Alle bølger", "All waves") } }
            el("h1") { wave.title }
            if let notice { el("p", ["class": "notice", "role": "status"]) { notice } }
            el("p") {
                pick("Status: ", "Status: ")
                el("strong") { statusText(wave.status) }
                ". " + pick("Svarmodus: ", "Response mode: ")
                el("strong") {
                    wave.collectionMode == .identified
                        ? pick("identifisert", "identified") : pick("anonym", "anonymous")
                }
                ". " + pick("Spørreskjema: ", "Questionnaire: ") + (wave.instrumentVersion ?? "")
            }
            if let monitor {
                el("div", ["class": "stat-grid"]) {
                    el("p") {
                        el("strong") { "\(monitor.total.units)" }; pick("enheter i utvalget", "units in the frame")
                    }
                    el("p") {
                        el("strong") { "\(monitor.invited)" }; pick("har fått lenke", "have a link")
                    }
                    el("p") {
                        el("strong") { "\(monitor.total.answered)" }; pick("har svart", "have answered")
                    }
                    el("p") {
                        el("strong") { percent(monitor.total.rate) }; pick("svarprosent", "response rate")
                    }
                    el("p") {
                        el("strong") { "\(responses)" }; pick("lagrede svar", "stored responses")
                    }
                }
                if wave.collectionMode != .identified {
                    el("p", ["class": "hint"]) {
                        pick(
                            "Anonym bølge: oversikten viser hvilke enheter som har brukt lenken sin (hvem som har svart), aldri hva de svarte.",
                            "Anonymous wave: the overview shows which units have used their link (who answered), never what they answered."
                        )
                    }
                }
            }
            el("h2") { pick("Handlinger", "Actions") }
            el("div", ["class": "form-actions"]) {
                if wave.status == .draft || wave.status == .closed {
                    statusButton(
                        wave, "open",
                        wave.status == .draft ? pick("Åpne for svar", "Open for answers") : pick("Åpne igjen", "Reopen")
                    )
                }
                if wave.status == .open {
                    statusButton(wave, "closed", pick("Steng bølgen", "Close the wave"))
                }
                if wave.status == .closed {
                    if !PublicationReadiness.hasAnythingToPublish(responses: responses) {
                        el("p", ["class": "notice"]) {
                            pick(
                                "Bølgen har ingen svar ennå, så det er ingenting å publisere.",
                                "The wave has no responses yet, so there is nothing to publish.")
                        }
                    } else if PublicationReadiness.needsConfirmation(responses: responses) {
                        fewResponsesPublishForm(wave, responses: responses)
                    } else {
                        statusButton(wave, "published", pick("Publiser resultatene", "Publish the results"))
                    }
                }
                if wave.status == .published {
                    statusButton(wave, "closed", pick("Avpubliser", "Unpublish"))
                }
            }
            el("p", ["class": "hint"]) {
                switch wave.status {
                case .published:
                    pick("Resultatene er offentlige: ", "The results are public: ")
                    el("a", ["href": Paths.barometerWave(slug: wave.slug)]) { Paths.barometerWave(slug: wave.slug) }
                case .closed:
                    pick(
                        "Stengt: bare analytikere ser resultatene. Publiser for å vise dem på de offentlige sidene.",
                        "Closed: only analysts see the results. Publish to show them on the public pages.")
                default:
                    pick(
                        "En bølge publiseres når den er stengt; bare publiserte bølger vises offentlig.",
                        "A wave is published once closed; only published waves are shown publicly.")
                }
            }
            el("h3") { pick("Importer svar fra fil", "Import responses from a file") }
            el("p") {
                el("a", ["href": Paths.waveImport(slug: wave.slug)]) {
                    pick(
                        "Importer svar (SurveyXact, LimeSurvey, Kobo, SPSS, CSV)",
                        "Import responses (SurveyXact, LimeSurvey, Kobo, SPSS, CSV)")
                }
            }
            el("h3") { pick("Last ned mikrodata", "Download microdata") }
            el("p", ["class": "hint"]) {
                pick(
                    "Hver nedlasting føres i revisjonsloggen (hvem, bølge, format, antall rader).",
                    "Every download is written to the audit log (who, wave, format, rows).")
            }
            el("ul") {
                for (format, nb, en) in [
                    ("csv", "CSV med kodebok (zip)", "CSV with codebook (zip)"),
                    ("xlsx", "Excel (data, variabler, etiketter)", "Excel (data, variables, labels)"),
                    ("sav", "SPSS .sav", "SPSS .sav"), ("json", "JSON", "JSON"),
                ] {
                    el("li") {
                        el("a", ["href": Paths.waveExport(slug: wave.slug, format: format)]) { pick(nb, en) }
                    }
                }
            }
            el("h3") { pick("Invitasjonslenker", "Invitation links") }
            el("p") {
                pick(
                    "Hver enhet får én lenke. Lenkene kan vises og lastes ned så ofte du vil; det endrer dem ikke. En ny lenke til en enhet lager du bare med «Lag ny lenke», som du må bekrefte; den gamle sier da at den er erstattet.",
                    "Each unit gets one link. The links can be shown and downloaded as often as you like; that does not change them. A new link for a unit is made only with «Make a new link», which you confirm; the old one then says it was replaced."
                )
            }
            if let monitor, monitor.invited < monitor.total.units - monitor.total.answered {
                el("form", ["method": "post", "action": Paths.waveInvitations(slug: wave.slug)]) {
                    CSRF.field(request)
                    el("button", ["type": "submit"]) {
                        pick("Lag lenker for enheter uten lenke", "Make links for units without one")
                    }
                }
            }
            el("ul") {
                el("li") {
                    el("a", ["href": Paths.waveLinks(slug: wave.slug)]) {
                        pick("Vis lenkene", "Show the links")
                    }
                }
                el("li") {
                    el("a", ["href": Paths.waveLinksCSV(slug: wave.slug)]) {
                        pick(
                            "Last ned lenker som CSV (fletting i Excel)", "Download links as CSV (mail merge in Excel)")
                    }
                }
            }
            el("p") {
                el("a", ["href": Paths.waveNonRespondents(slug: wave.slug)]) {
                    pick(
                        "Enheter som ikke har svart (CSV for purring)",
                        "Units that have not answered (CSV for reminders)")
                }
            }
            if let organizer = wave.organizer, let contact = wave.contactEmail {
                el("h3") { pick("Personvern på skjemaets første side", "Privacy on the questionnaire's first page") }
                privacyFacts(
                    organizer: organizer, contact: contact, purpose: wave.purpose,
                    retention: wave.retentionUntil.flatMap(CalendarDay.init))
            }
            if let monitor {
                el("h2") { pick("Svarprosent i feltperioden", "Response rate during fieldwork") }
                rateTable(pick("Etter sektor", "By sector"), pick("Sektor", "Sector"), monitor.bySector)
                rateTable(pick("Etter fylke", "By county"), pick("Fylke", "County"), monitor.byCounty)
                rateTable(pick("Etter enhetstype", "By unit type"), pick("Enhetstype", "Unit type"), monitor.byUnitType)
            }
        }
    }

    /// Publishing a wave with few responses: the warning, and a box the analyst must tick.
    private func fewResponsesPublishForm(_ wave: WaveRecord, responses: Int) -> Node {
        let minimum = PublicationReadiness.minimumResponses
        return el("form", ["method": "post", "action": Paths.waveStatus(slug: wave.slug), "class": "confirm"]) {
            CSRF.field(request)
            el("input", ["type": "hidden", "name": "status", "value": "published"])
            el("p", ["class": "notice", "id": "few-responses"]) {
                pick(
                    "Bølgen har bare \(responses) svar (under \(minimum)). Med så få svar blir nesten alle andeler "
                        + "«for usikker» og alle grupper «skjult», og resultatene kan ikke sammenlignes med andre bølger.",
                    "The wave has only \(responses) responses (fewer than \(minimum)). With so few, nearly every share "
                        + "reads «for usikker» (too uncertain) and every group «skjult» (hidden), and the results cannot "
                        + "be compared with other waves.")
            }
            el("p", ["class": "checkbox"]) {
                el(
                    "input",
                    [
                        "type": "checkbox", "name": "confirm_few", "id": "confirm-few", "value": "1", "required": "",
                        "aria-describedby": "few-responses",
                    ])
                el("label", ["for": "confirm-few"]) {
                    pick("Jeg vil publisere likevel", "I want to publish anyway")
                }
            }
            el("button", ["type": "submit"]) { pick("Publiser resultatene", "Publish the results") }
        }
    }

    private func statusButton(_ wave: WaveRecord, _ status: String, _ label: String) -> Node {
        el("form", ["method": "post", "action": Paths.waveStatus(slug: wave.slug)]) {
            CSRF.field(request)
            el("input", ["type": "hidden", "name": "status", "value": status])
            el("button", ["type": "submit"]) { label }
        }
    }

    func percent(_ rate: Double?) -> String {
        guard let rate else { return "–" }
        let text = String(format: "%.1f", rate)
        return language == .nb ? text.replacingOccurrences(of: ".", with: ",") + " %" : text + "%"
    }

    private func rateTable(_ caption: String, _ groupHeader: String, _ rows: [FieldworkMonitor.Row]) -> Node {
        el("div", ["class": "table-wrap"]) {
            el("table") {
                el("caption") { caption }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { groupHeader }
                        el("th", ["scope": "col", "class": "num"]) { pick("Enheter", "Units") }
                        el("th", ["scope": "col", "class": "num"]) { pick("Har svart", "Answered") }
                        el("th", ["scope": "col", "class": "num"]) { pick("Svarprosent", "Response rate") }
                    }
                }
                el("tbody") {
                    for row in rows {
                        el("tr") {
                            el("th", ["scope": "row"]) { row.label }
                            el("td", ["class": "num"]) { "\(row.units)" }
                            el("td", ["class": "num"]) { "\(row.answered)" }
                            el("td", ["class": "num"]) { percent(row.rate) }
                        }
                    }
                }
            }
        }
    }

    func links(_ wave: WaveRecord, links: [UnitLink], base: String, notice: String?) -> String {
        let heading = pick("Invitasjonslenker for \(wave.title)", "Invitation links for \(wave.title)")
        let missing = links.filter { $0.state == .none }.count
        return layout(heading, synthetic: wave.synthetic).render {
            el("p") {
                el("a", ["href": Paths.wave(slug: wave.slug)]) { pick("Tilbake til bølgen", "Back to the wave") }
            }
            el("h1") { heading }
            if let notice { el("p", ["class": "notice", "role": "status"]) { notice } }
            el("p") {
                pick(
                    "Lenkene er de samme hver gang de vises eller lastes ned. Adressen er \(base) (FORNYE_PUBLIC_URL).",
                    "The links are the same every time they are shown or downloaded. The address is \(base) (FORNYE_PUBLIC_URL)."
                )
            }
            if missing > 0 {
                el("form", ["method": "post", "action": Paths.waveInvitations(slug: wave.slug)]) {
                    CSRF.field(request)
                    el("button", ["type": "submit"]) {
                        pick(
                            "Lag lenker for \(missing) enheter uten lenke",
                            "Make links for \(missing) units without one")
                    }
                }
            }
            el("p") {
                el("a", ["href": Paths.waveLinksCSV(slug: wave.slug)]) {
                    pick("Last ned som CSV (fletting i Excel)", "Download as CSV (mail merge in Excel)")
                }
                " · "
                el("a", ["href": Paths.waveReplaceLinks(slug: wave.slug)]) {
                    pick("Lag nye lenker for alle som ikke har svart …", "Make new links for everyone not answered …")
                }
            }
            el("div", ["class": "table-wrap"]) {
                el("table", ["class": "links-table"]) {
                    el("caption") { pick("Lenker per enhet", "Links by unit") }
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) { pick("Enhet", "Unit") }
                            el("th", ["scope": "col"]) { pick("E-post", "E-mail") }
                            el("th", ["scope": "col"]) { pick("Lenke", "Link") }
                            el("th", ["scope": "col", "class": "action"]) { pick("Ny lenke", "New link") }
                        }
                    }
                    el("tbody") {
                        for link in links {
                            el("tr") {
                                el("th", ["scope": "row"]) { link.unit.name }
                                el("td") { link.unit.contactEmail }
                                el("td") {
                                    switch link.state {
                                    case .link(let token): el("code") { base + Paths.answer(token: token) }
                                    case .answered: pick("Har svart", "Has answered")
                                    case .none: pick("Ingen lenke ennå", "No link yet")
                                    case .notShowable:
                                        pick(
                                            "Laget før lenker kunne vises igjen; lag en ny om den er borte",
                                            "Made before links could be shown again; make a new one if it is lost")
                                    }
                                }
                                el("td", ["class": "action"]) {
                                    if link.state != .answered, let id = link.unit.id {
                                        el(
                                            "a",
                                            [
                                                "href":
                                                    Paths.waveReplaceLinks(slug: wave.slug) + "?enhet=\(id.uuidString)"
                                            ]
                                        ) {
                                            pick("Lag ny lenke", "Make a new link")
                                            el("span", ["class": "visually-hidden"]) { " – \(link.unit.name)" }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Asks before links are replaced: what happens to the old ones and to saved answers.
    func confirmReplace(_ wave: WaveRecord, unit: SampleUnitRecord?) -> String {
        let heading =
            unit.map { pick("Ny lenke for \($0.name)?", "A new link for \($0.name)?") }
            ?? pick("Nye lenker for alle som ikke har svart?", "New links for everyone who has not answered?")
        return layout(heading, synthetic: wave.synthetic).render {
            el("p") {
                el("a", ["href": Paths.waveLinks(slug: wave.slug)]) {
                    pick("Tilbake til lenkene", "Back to the links")
                }
            }
            el("h1") { heading }
            el("ul") {
                el("li") {
                    pick(
                        "Den gamle lenken slutter å virke. Den som åpner den, får vite at lenken er erstattet, og hvem de kan spørre\(wave.contactEmail.map { " (\($0))" } ?? "").",
                        "The old link stops working. Whoever opens it is told that it was replaced, and whom to ask\(wave.contactEmail.map { " (\($0))" } ?? "")."
                    )
                }
                el("li") {
                    pick(
                        "Svar som er lagret underveis, følger med til den nye lenken.",
                        "Answers saved along the way move to the new link.")
                }
                el("li") {
                    pick(
                        "Du må sende den nye lenken selv: vis eller last ned lenkene etterpå.",
                        "You send the new link yourself: show or download the links afterwards.")
                }
            }
            el("form", ["method": "post", "action": Paths.waveReplaceLinks(slug: wave.slug)]) {
                CSRF.field(request)
                if let id = unit?.id { el("input", ["type": "hidden", "name": "enhet", "value": id.uuidString]) }
                el("input", ["type": "hidden", "name": "bekreft", "value": "ja"])
                el("div", ["class": "form-actions"]) {
                    el("button", ["type": "submit"]) {
                        unit == nil
                            ? pick("Ja, lag nye lenker", "Yes, make new links")
                            : pick("Ja, lag ny lenke", "Yes, make a new link")
                    }
                    el("a", ["href": Paths.waveLinks(slug: wave.slug)]) { pick("Avbryt", "Cancel") }
                }
            }
        }
    }
}
