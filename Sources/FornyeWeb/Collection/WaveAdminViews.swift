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
                el("a", ["class": "button", "href": "/analyse/innsamling/ny"]) { pick("Ny bølge", "New wave") }
            }
            if waves.isEmpty {
                el("p") { pick("Ingen bølger samles inn i Fornye ennå.", "No waves are collected in Fornye yet.") }
            } else {
                el("ul", ["class": "wave-list"]) {
                    for wave in waves {
                        el("li") {
                            el("a", ["href": "/analyse/innsamling/\(wave.slug)"]) { wave.title }
                            " (\(statusText(wave.status)))"
                        }
                    }
                }
            }
        }
    }

    func statusText(_ status: WaveRecord.Status) -> String {
        switch status {
        case .draft: pick("under arbeid", "draft")
        case .open: pick("åpen for svar", "open for answers")
        case .closed: pick("stengt", "closed")
        case .published: pick("publisert", "published")
        }
    }

    func form(
        _ form: WaveAdminController.NewWaveForm, frame: SampleFrame?, problems: [Problem], instruments: [Instrument]
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
                        for field in ["slug", "title", "mode", "date", "file"]
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
                el("form", ["method": "post", "action": "/analyse/innsamling/ny"]) {
                    CSRF.field(request)
                    for (name, value) in [
                        ("slug", form.slug), ("title", form.title), ("mode", form.mode), ("date", form.date),
                        ("instrument", form.instrument),
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
                        el("a", ["href": "/analyse/innsamling/ny"]) { pick("Avbryt", "Cancel") }
                    }
                }
            } else {
                el(
                    "form",
                    [
                        "method": "post", "action": "/analyse/innsamling/ny", "enctype": "multipart/form-data",
                        "novalidate": "",
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
                    el("label", ["for": "instrument"]) { pick("Spørreskjema", "Questionnaire") }
                    el("select", ["id": "instrument", "name": "instrument"]) {
                        for instrument in instruments {
                            el("option", ["value": CollectionInstruments.key(instrument)]) {
                                "\(language == .en ? (instrument.title.en ?? instrument.title.nb) : instrument.title.nb) (\(instrument.version))"
                            }
                        }
                    }
                    el("fieldset", ["id": "mode-group"]) {
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
                    el("label", ["for": "file"]) { fieldName("file") }
                    el("p", ["class": "hint", "id": "file-hint"]) {
                        pick(
                            "CSV (komma eller semikolon) eller XLSX med kolonnene enhet, kommunenummer, sektor, enhetstype, epost og eventuelt kontaktperson.",
                            "CSV (comma or semicolon) or XLSX with the columns enhet, kommunenummer, sektor, enhetstype, epost and optionally kontaktperson."
                        )
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

    private func fieldName(_ field: String) -> String {
        switch field {
        case "slug": pick("Kortnavn", "Short name")
        case "title": pick("Tittel", "Title")
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
            el("p") { el("a", ["href": "/analyse/innsamling"]) { pick("Alle bølger", "All waves") } }
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
                    statusButton(wave, "published", pick("Publiser resultatene", "Publish the results"))
                }
                if wave.status == .published {
                    statusButton(wave, "closed", pick("Avpubliser", "Unpublish"))
                }
            }
            el("p", ["class": "hint"]) {
                switch wave.status {
                case .published:
                    pick("Resultatene er offentlige: ", "The results are public: ")
                    el("a", ["href": "/barometer/\(wave.slug)"]) { "/barometer/\(wave.slug)" }
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
                el("a", ["href": "/analyse/innsamling/\(wave.slug)/import"]) {
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
                        el("a", ["href": "/analyse/innsamling/\(wave.slug)/eksport/\(format)"]) { pick(nb, en) }
                    }
                }
            }
            el("h3") { pick("Invitasjonslenker", "Invitation links") }
            el("p") {
                pick(
                    "Lenkene vises bare én gang; Fornye lagrer dem ikke. Nye lenker lages for alle enheter som ikke har svart, og tidligere ubrukte lenker slutter å virke.",
                    "Links are shown once only; Fornye does not keep them. New links are made for every unit that has not answered, and earlier unused links stop working."
                )
            }
            el("form", ["method": "post", "action": "/analyse/innsamling/\(wave.slug)/invitasjoner"]) {
                CSRF.field(request)
                el("div", ["class": "form-actions"]) {
                    el("button", ["type": "submit", "name": "format", "value": "csv"]) {
                        pick("Last ned lenker som CSV (fletting)", "Download links as CSV (mail merge)")
                    }
                    el("button", ["type": "submit", "name": "format", "value": "html", "class": "secondary"]) {
                        pick("Vis lenkene", "Show the links")
                    }
                }
            }
            el("p") {
                el("a", ["href": "/analyse/innsamling/\(wave.slug)/ikke-svart.csv"]) {
                    pick(
                        "Enheter som ikke har svart (CSV for purring)",
                        "Units that have not answered (CSV for reminders)")
                }
            }
            if let monitor {
                el("h2") { pick("Svarprosent i feltperioden", "Response rate during fieldwork") }
                rateTable(pick("Etter sektor", "By sector"), pick("Sektor", "Sector"), monitor.bySector)
                rateTable(pick("Etter fylke", "By county"), pick("Fylke", "County"), monitor.byCounty)
                rateTable(pick("Etter enhetstype", "By unit type"), pick("Enhetstype", "Unit type"), monitor.byUnitType)
            }
        }
    }

    private func statusButton(_ wave: WaveRecord, _ status: String, _ label: String) -> Node {
        el("form", ["method": "post", "action": "/analyse/innsamling/\(wave.slug)/status"]) {
            CSRF.field(request)
            el("input", ["type": "hidden", "name": "status", "value": status])
            el("button", ["type": "submit"]) { label }
        }
    }

    func percent(_ rate: Double?) -> String {
        guard let rate else { return "–" }
        let text = String(format: "%.1f", rate)
        return (language == .nb ? text.replacingOccurrences(of: ".", with: ",") : text) + " %"
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

    func links(_ wave: WaveRecord, links: [(SampleUnitRecord, String)]) -> String {
        let heading = pick("Invitasjonslenker for \(wave.title)", "Invitation links for \(wave.title)")
        return layout(heading).render {
            el("h1") { heading }
            el("p", ["class": "notice", "role": "status"]) {
                pick(
                    "\(links.count) nye lenker. Kopier dem nå: de vises ikke igjen.",
                    "\(links.count) new links. Copy them now: they are not shown again.")
            }
            el("div", ["class": "table-wrap"]) {
                el("table") {
                    el("caption") { pick("Lenker per enhet", "Links by unit") }
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) { pick("Enhet", "Unit") }
                            el("th", ["scope": "col"]) { pick("E-post", "E-mail") }
                            el("th", ["scope": "col"]) { pick("Lenke", "Link") }
                        }
                    }
                    el("tbody") {
                        for (unit, link) in links {
                            el("tr") {
                                el("th", ["scope": "row"]) { unit.name }
                                el("td") { unit.contactEmail }
                                el("td") { el("code") { link } }
                            }
                        }
                    }
                }
            }
            el("p") {
                el("a", ["href": "/analyse/innsamling/\(wave.slug)"]) { pick("Tilbake til bølgen", "Back to the wave") }
            }
        }
    }
}
