import FornyeBarometer
import FornyeFormats
import FornyeStatistics
import FornyeStorage
import Foundation
import Vapor

/// The pages of a response import: upload, preview with the mapping table, progress.
struct ResponseImportViews {
    let request: Request
    var language: Language { Language.of(request) }

    func pick(_ nb: String, _ en: String) -> String { language.pick(nb, en) }

    func formatName(_ format: SourceFormat) -> String {
        switch format {
        case .csv: pick("CSV (komma eller semikolon)", "CSV (comma or semicolon)")
        case .limesurvey: "LimeSurvey CSV"
        case .kobo: pick("KoboToolbox / ODK (CSV eller XLSX)", "KoboToolbox / ODK (CSV or XLSX)")
        case .surveyxact: pick("SurveyXact-arbeidsbok (data og labels)", "SurveyXact workbook (data and labels)")
        case .sav: "SPSS .sav"
        case .xlsx: pick("XLSX (første ark)", "XLSX (first sheet)")
        }
    }

    private func backLink(_ wave: WaveRecord) -> Node {
        el("p") {
            el("a", ["href": Paths.wave(slug: wave.slug)]) { pick("Tilbake til bølgen", "Back to the wave") }
        }
    }

    func form(_ wave: WaveRecord, saved: [ImportMappingRecord], problems: [WaveAdminViews.Problem]) -> String {
        let heading = pick("Importer svar til \(wave.title)", "Import responses into \(wave.title)")
        func error(_ field: String) -> Node {
            let messages = problems.filter { $0.field == field }
            guard !messages.isEmpty else { return .empty }
            return el("div", ["id": "\(field)-error", "class": "error-message"]) {
                for message in messages { el("p") { pick(message.nb, message.en) } }
            }
        }
        func described(_ field: String, hint: String? = nil) -> String? {
            let ids = [hint, problems.contains { $0.field == field } ? "\(field)-error" : nil].compactMap { $0 }
            return ids.isEmpty ? nil : ids.joined(separator: " ")
        }
        return PageLayout(title: heading, request: request, synthetic: wave.synthetic).render {
            backLink(wave)
            el("h1") { heading }
            if !problems.isEmpty {
                el("div", ["class": "error-summary", "role": "alert"]) {
                    el("h2") { pick("Filen ble ikke lest inn", "The file was not read") }
                    el("p") { pick("Ingenting er lagret.", "Nothing was stored.") }
                    el("ul") {
                        for problem in problems {
                            el("li") { el("a", ["href": "#\(problem.field)"]) { pick(problem.nb, problem.en) } }
                        }
                    }
                }
            }
            el("p") {
                pick(
                    "Filen kontrolleres i sin helhet før noe lagres. Du ser de første radene slik de blir lagret, og kan rette koblingen mellom kolonner og spørsmål før du bekrefter.",
                    "The whole file is checked before anything is stored. You see the first rows as they will be stored, and can correct how columns map to questions before you confirm."
                )
            }
            el(
                "form",
                [
                    "method": "post", "action": Paths.waveImport(slug: wave.slug), "enctype": "multipart/form-data",
                    "novalidate": "",
                ]
            ) {
                CSRF.field(request)
                el("label", ["for": "file"]) { pick("Svarfil", "Response file") }
                el("p", ["class": "hint", "id": "file-hint"]) {
                    pick(
                        "CSV, XLSX (SurveyXact eller første ark), LimeSurvey-CSV, Kobo/XLSForm-eksport eller SPSS .sav; høyst 50 MB.",
                        "CSV, XLSX (SurveyXact or first sheet), LimeSurvey CSV, Kobo/XLSForm export or SPSS .sav; at most 50 MB."
                    )
                }
                error("file")
                el(
                    "input",
                    [
                        "type": "file", "id": "file", "name": "file", "accept": ".csv,.xlsx,.sav,text/csv",
                        "aria-describedby": described("file", hint: "file-hint"),
                    ])
                el("label", ["for": "format"]) { pick("Filtype", "Kind of file") }
                error("format")
                el("select", ["id": "format", "name": "format", "aria-describedby": described("format")]) {
                    el("option", ["value": ""]) { pick("Etter filnavnet", "From the file name") }
                    for format in SourceFormat.allCases {
                        el("option", ["value": format.rawValue]) { formatName(format) }
                    }
                }
                el("label", ["for": "mapping"]) { pick("Lagret kobling", "Saved mapping") }
                el("p", ["class": "hint", "id": "mapping-hint"]) {
                    pick(
                        "Automatisk: kolonner som heter som et spørsmål (også gruppe/spørsmål og spørsmål[kode]) kobles uten videre.",
                        "Automatic: columns named like a question (also group/question and question[code]) are mapped as they are."
                    )
                }
                error("mapping")
                el(
                    "select",
                    [
                        "id": "mapping", "name": "mapping",
                        "aria-describedby": described("mapping", hint: "mapping-hint"),
                    ]
                ) {
                    el("option", ["value": ""]) { pick("Automatisk", "Automatic") }
                    for record in saved {
                        el("option", ["value": record.id?.uuidString ?? ""]) { record.name }
                    }
                }
                el("label", ["for": "mappingFile"]) {
                    pick("Eller last opp en kobling (YAML)", "Or upload a mapping (YAML)")
                }
                error("mappingFile")
                el(
                    "input",
                    [
                        "type": "file", "id": "mappingFile", "name": "mappingFile", "accept": ".yaml,.yml",
                        "aria-describedby": described("mappingFile"),
                    ])
                el("div", ["class": "form-actions"]) {
                    el("button", ["type": "submit"]) { pick("Kontroller filen", "Check the file") }
                }
            }
        }
    }

    /// The questions a column can answer, as select options: every question with an answer, and
    /// for multiple-choice questions each option (`question[code]`) for one-column-per-option files.
    private func targets(_ instrument: Instrument) -> [(value: String, label: String)] {
        var options: [(String, String)] = []
        for question in instrument.questions where question.type.hasAnswer {
            let label = language == .en ? (question.label.en ?? question.label.nb) : question.label.nb
            let short = label.count > 60 ? String(label.prefix(60)) + "…" : label
            options.append((question.name, "\(question.name) – \(short)"))
            if question.type == .multipleChoice, let list = instrument.choices(of: question) {
                for choice in list.choices {
                    let text = language == .en ? (choice.label.en ?? choice.label.nb) : choice.label.nb
                    options.append(("\(question.name)[\(choice.code)]", "\(question.name)[\(choice.code)] – \(text)"))
                }
            }
        }
        return options
    }

    /// Columns of the mapping table shown on one page: each has a select with every question and
    /// option, so the page grows with them; a file may have up to `SourceReader.Limits`' columns.
    static let columnsPerPage = 50
    /// Names listed under «Ikke importert» at most.
    static let ignoredListed = 50

    /// `text` cut to `limit` characters for display (a cell or a column name may be long).
    static func short(_ text: String, _ limit: Int = 80) -> String {
        text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// The pages of the mapping table: how many, and the 0-based page `requested` clamped to them.
    static func columnPages(columns: Int, requested: Int) -> (count: Int, page: Int) {
        let count = max(1, (columns + columnsPerPage - 1) / columnsPerPage)
        return (count, min(max(0, requested), count - 1))
    }

    /// The preview page, its mapping table showing the columns of `page` (0-based). Its size is
    /// bounded whatever the file: one page of columns, cut texts, at most
    /// `ResponseImporter.problemLimit` problems and `ignoredListed` ignored names.
    func preview(
        _ wave: WaveRecord, upload: ImportUpload, instrument: Instrument, notice: String?, page requested: Int = 0
    ) -> String {
        let preview = upload.preview
        func short(_ text: String, _ limit: Int = 80) -> String { Self.short(text, limit) }
        let heading = pick("Kontroller importen", "Check the import")
        let bound = Dictionary(
            preview.bindings.map { ($0.column, $0.variable) }, uniquingKeysWith: { first, _ in first })
        let questions = preview.bindings.reduce(into: [String]()) { names, binding in
            let name = binding.variable.split(separator: "[").first.map(String.init) ?? binding.variable
            if !names.contains(name) { names.append(name) }
        }
        let options = targets(instrument)
        let path = Paths.waveImportUpload(slug: wave.slug, upload: upload.id)
        return PageLayout(title: heading, request: request, synthetic: wave.synthetic).render {
            backLink(wave)
            el("h1") { heading }
            if let notice { el("p", ["class": "notice", "role": "status"]) { short(notice, 300) } }
            el("dl", ["class": "facts"]) {
                el("dt") { pick("Fil", "File") }
                el("dd") {
                    short(upload.filename, 200)
                        + (upload.table.sheet.map { pick(", ark «\(short($0))»", ", sheet «\(short($0))»") } ?? "")
                }
                el("dt") { pick("Filtype", "Kind of file") }
                el("dd") { formatName(upload.format) }
                el("dt") { pick("Kobling", "Mapping") }
                el("dd") {
                    upload.mapping.name == "automatisk"
                        ? pick("automatisk", "automatic")
                        : short(upload.mapping.name, 100)
                            + (upload.mapping.automatic ? pick(" (med automatikk)", " (with automatic)") : "")
                }
                el("dt") { pick("Rader", "Rows") }
                el("dd") { "\(preview.rowCount)" }
                el("dt") { pick("Kolonner koblet til spørsmål", "Columns mapped to questions") }
                el("dd") { "\(preview.bindings.count) / \(upload.table.columns.count)" }
            }
            if preview.problems.isEmpty {
                el("p", ["class": "notice", "role": "status"]) {
                    pick(
                        "Alle \(preview.rowCount) radene kan importeres. Ingenting er lagret ennå: bekreft nederst på siden.",
                        "All \(preview.rowCount) rows can be imported. Nothing is stored yet: confirm at the foot of the page."
                    )
                }
            } else {
                el("div", ["class": "error-summary", "role": "alert", "id": "problems"]) {
                    el("h2") {
                        pick(
                            "\(preview.problems.count)\(preview.problemsTruncated ? "+" : "") feil: ingenting kan importeres",
                            "\(preview.problems.count)\(preview.problemsTruncated ? "+" : "") problems: nothing can be imported"
                        )
                    }
                    el("p") {
                        pick(
                            "Rett filen eller koblingen. Hver feil viser fil, rad, kolonne og spørsmål.",
                            "Correct the file or the mapping. Each problem names the file, row, column and question.")
                    }
                    problemTable(preview.problems)
                }
            }
            el("h2") { pick("De første radene slik de blir lagret", "The first rows as they will be stored") }
            if questions.isEmpty {
                el("p") { pick("Ingen kolonner er koblet til spørsmål.", "No column is mapped to a question.") }
            } else {
                el("div", ["class": "table-wrap"]) {
                    el("table") {
                        el("caption") {
                            pick(
                                "De første \(preview.rows.count) radene (spørsmål → svar med etikett)",
                                "The first \(preview.rows.count) rows (question → answer with label)")
                        }
                        el("thead") {
                            el("tr") {
                                el("th", ["scope": "col"]) { pick("Rad i filen", "Row in the file") }
                                for name in questions { el("th", ["scope": "col"]) { name } }
                            }
                        }
                        el("tbody") {
                            for (index, row) in preview.rows.enumerated() {
                                el("tr") {
                                    el("th", ["scope": "row", "class": "num"]) { "\(upload.table.rowNumbers[index])" }
                                    for name in questions { el("td") { short(row[name] ?? "", 100) } }
                                }
                            }
                        }
                    }
                }
            }
            el("h2", ["id": "kobling"]) { pick("Kobling: kolonne → spørsmål", "Mapping: column → question") }
            el("p", ["id": "mapping-help", "class": "hint"]) {
                pick(
                    "Velg spørsmålet hver kolonne svarer på, eller «ikke importer». For flervalg med én kolonne per svaralternativ velger du alternativet (spørsmål[kode]).",
                    "Choose the question each column answers, or «do not import». For multiple choice with one column per option, choose the option (question[code])."
                )
            }
            let columns = upload.table.columns
            let (pageCount, page) = Self.columnPages(columns: columns.count, requested: requested)
            let shown = (page * Self.columnsPerPage)..<min(columns.count, (page + 1) * Self.columnsPerPage)
            if pageCount > 1 {
                el("p", ["id": "mapping-pages", "class": "hint"]) {
                    pick(
                        "Kolonne \(shown.lowerBound + 1)–\(shown.upperBound) av \(columns.count) vises. Kolonnene på de andre sidene beholder koblingen sin når du bruker koblingen her.",
                        "Columns \(shown.lowerBound + 1)–\(shown.upperBound) of \(columns.count) are shown. The columns on the other pages keep their mapping when you apply the mapping here."
                    )
                }
                columnPager(path: path, page: page, count: pageCount, columns: columns.count)
            }
            el("form", ["method": "post", "action": Paths.waveImportMapping(slug: wave.slug, upload: upload.id)]) {
                CSRF.field(request)
                el("input", ["type": "hidden", "name": "side", "value": "\(page + 1)"])
                el("div", ["class": "table-wrap"]) {
                    el("table") {
                        el("caption") {
                            pageCount > 1
                                ? pick(
                                    "Kolonnene i filen (\(shown.lowerBound + 1)–\(shown.upperBound) av \(columns.count))",
                                    "The file's columns (\(shown.lowerBound + 1)–\(shown.upperBound) of \(columns.count))"
                                )
                                : pick("Kolonnene i filen", "The file's columns")
                        }
                        el("thead") {
                            el("tr") {
                                el("th", ["scope": "col"]) { pick("Kolonne", "Column") }
                                el("th", ["scope": "col"]) { pick("Første verdi", "First value") }
                                el("th", ["scope": "col"]) { pick("Spørsmål", "Question") }
                            }
                        }
                        el("tbody") {
                            for index in shown {
                                let column = columns[index]
                                let current = bound[column] ?? ""
                                el("tr") {
                                    el("th", ["scope": "row"]) {
                                        el("label", ["for": "c\(index)", "class": "inline-label"]) { short(column) }
                                    }
                                    el("td") { short(upload.table.rows.first.map { $0[index] } ?? "") }
                                    el("td") {
                                        el(
                                            "select",
                                            [
                                                "id": "c\(index)", "name": "c\(index)",
                                                "aria-describedby": "mapping-help",
                                            ]
                                        ) {
                                            el("option", ["value": "", "selected": current.isEmpty ? "" : nil]) {
                                                pick("(ikke importer)", "(do not import)")
                                            }
                                            for option in options {
                                                el(
                                                    "option",
                                                    [
                                                        "value": option.value,
                                                        "selected": option.value == current ? "" : nil,
                                                    ]
                                                ) { option.label }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                el("label", ["for": "save"]) {
                    pick("Lagre koblingen som (valgfritt)", "Save the mapping as (optional)")
                }
                el("p", ["class": "hint", "id": "save-hint"]) {
                    pick(
                        "Et navn, f.eks. surveyxact-2026. En lagret kobling med samme navn erstattes.",
                        "A name, e.g. surveyxact-2026. A saved mapping of the same name is replaced.")
                }
                el("input", ["type": "text", "id": "save", "name": "save", "aria-describedby": "save-hint"])
                el("div", ["class": "form-actions"]) {
                    el("button", ["type": "submit", "class": "secondary"]) {
                        pick("Bruk koblingen og kontroller igjen", "Apply the mapping and check again")
                    }
                    el("a", ["href": Paths.waveImportMappingYAML(slug: wave.slug, upload: upload.id)]) {
                        pick("Last ned koblingen (YAML)", "Download the mapping (YAML)")
                    }
                }
            }
            if !preview.ignored.isEmpty {
                el("p") {
                    let listed = preview.ignored.prefix(Self.ignoredListed).map { short($0) }.joined(separator: ", ")
                    let more = preview.ignored.count - min(preview.ignored.count, Self.ignoredListed)
                    pick("Ikke importert: ", "Not imported: ") + listed
                        + (more > 0 ? pick(" og \(more) til", " and \(more) more") : "")
                }
            }
            el("h2") { pick("Bekreft", "Confirm") }
            el("div", ["class": "form-actions"]) {
                if preview.problems.isEmpty {
                    el(
                        "form",
                        ["method": "post", "action": Paths.waveImportConfirm(slug: wave.slug, upload: upload.id)]
                    ) {
                        CSRF.field(request)
                        el("button", ["type": "submit"]) {
                            pick("Importer \(preview.rowCount) svar", "Import \(preview.rowCount) responses")
                        }
                    }
                }
                el("form", ["method": "post", "action": Paths.waveImportCancel(slug: wave.slug, upload: upload.id)]) {
                    CSRF.field(request)
                    el("button", ["type": "submit", "class": "secondary"]) {
                        pick("Avbryt og slett filen", "Cancel and delete the file")
                    }
                }
            }
        }
    }

    /// Previous and next page of the mapping table, with where the page stands.
    private func columnPager(path: String, page: Int, count: Int, columns: Int) -> Node {
        let first = page * Self.columnsPerPage + 1
        let last = min(columns, (page + 1) * Self.columnsPerPage)
        return el("nav", ["aria-label": pick("Sider med kolonner", "Pages of columns"), "class": "pagination"]) {
            if page > 0 {
                el("a", ["href": "\(path)?side=\(page)#kobling", "rel": "prev"]) {
                    pick("Forrige kolonner", "Previous columns")
                }
            }
            el("span") {
                pick(
                    "Side \(page + 1) av \(count): kolonne \(first)–\(last)",
                    "Page \(page + 1) of \(count): columns \(first)–\(last)")
            }
            if page + 1 < count {
                el("a", ["href": "\(path)?side=\(page + 2)#kobling", "rel": "next"]) {
                    pick("Neste kolonner", "Next columns")
                }
            }
        }
    }

    private func problemTable(_ problems: [ImportProblem]) -> Node {
        func short(_ text: String, _ limit: Int = 80) -> String { Self.short(text, limit) }
        return el("div", ["class": "table-wrap"]) {
            el("table") {
                el("caption") { pick("Feil i filen", "Problems in the file") }
                el("thead") {
                    el("tr") {
                        for header in [
                            pick("Fil", "File"), pick("Rad", "Row"), pick("Kolonne", "Column"),
                            pick("Spørsmål", "Question"), pick("Verdi", "Value"), pick("Feil", "Problem"),
                        ] {
                            el("th", ["scope": "col"]) { header }
                        }
                    }
                }
                el("tbody") {
                    for problem in problems {
                        el("tr") {
                            el("td") { short(problem.file, 200) + (problem.sheet.map { " (\(short($0)))" } ?? "") }
                            el("td", ["class": "num"]) { problem.row.map(String.init) ?? "–" }
                            el("td") { problem.column.map { short($0) } ?? "–" }
                            el("td") { problem.field.map { short($0) } ?? "–" }
                            el("td") { short(problem.value ?? "") }
                            el("td") { short(problem.message(in: language.formats), 400) }
                        }
                    }
                }
            }
        }
    }

    func job(_ wave: WaveRecord, job: ImportJob) -> String {
        let heading = pick("Import av \(job.filename)", "Import of \(job.filename)")
        let running: Bool
        switch job.state {
        case .waiting, .storing: running = true
        case .finished, .failed: running = false
        }
        var layout = PageLayout(title: heading, request: request, synthetic: wave.synthetic)
        // Without JavaScript the page reloads itself every two seconds while the import runs.
        layout.refreshSeconds = running ? 2 : nil
        return layout.render {
            backLink(wave)
            el("h1") { heading }
            switch job.state {
            case .waiting:
                el("p", ["class": "notice", "role": "status"]) {
                    pick(
                        "Venter på tur …  Siden oppdateres av seg selv.",
                        "Waiting its turn … The page refreshes itself.")
                }
            case .storing(let done):
                el("p", ["class": "notice", "role": "status"]) {
                    pick(
                        "Lagrer: \(done) av \(job.total) rader. Siden oppdateres av seg selv.",
                        "Storing: \(done) of \(job.total) rows. The page refreshes itself.")
                }
                el("progress", ["max": "\(job.total)", "value": "\(done)"]) { "\(done) / \(job.total)" }
            case .finished(let stored):
                el("p", ["class": "notice", "role": "status"]) {
                    pick(
                        "Ferdig: \(stored) svar er importert til \(wave.title).",
                        "Done: \(stored) responses were imported into \(wave.title).")
                }
            case .failed(let message):
                el("div", ["class": "error-summary", "role": "alert"]) {
                    el("h2") { pick("Importen feilet; ingenting er lagret", "The import failed; nothing was stored") }
                    el("p") { message }
                }
            }
        }
    }
}
