import FornyeBarometer
import FornyeFormats
import Vapor

/// The upload form for a register file, and after a refused upload the reason: a file that
/// cannot be read, or every problem at its file, row, column and field. Nothing is stored then.
struct ProgrammeImportPage {
    var request: Request
    /// Why the file could not be read at all (bokmål, English).
    var message: (nb: String, en: String)? = nil
    /// The problems of a file that was read.
    var problems: ProgrammeFileError? = nil

    func render() -> String {
        let language = Language.of(request)
        let pick = language.pick
        let title = pick("Importer programregisteret", "Import the programme register")
        let refused = message != nil || problems != nil
        let fileError = refused ? "file-error" : nil
        return PageLayout(title: title, request: request, path: Paths.programmeImport).render {
            el("p") { el("a", ["href": Paths.programme]) { pick("← Programregisteret", "← The programme register") } }
            el("h1") { title }
            if refused {
                el("div", ["class": "error-summary", "role": "alert", "id": "file-error"]) {
                    el("h2") { pick("Filen kan ikke importeres", "The file cannot be imported") }
                    el("p") { pick("Ingenting er lagret.", "Nothing was stored.") }
                    if let message { el("p") { pick(message.nb, message.en) } }
                    if let problems {
                        el("p") {
                            let count = "\(problems.problems.count)\(problems.truncated ? "+" : "")"
                            pick(
                                "\(count) feil. Rett dem i filen og last den opp igjen; hver feil er oppgitt med fil, rad, kolonne og felt.",
                                "\(count) problems. Correct them in the file and upload it again; each names the file, row, column and field."
                            )
                        }
                    }
                }
                if let problems { Self.problemTable(problems, language: language) }
            }
            // The column names are the file's own, the same in both languages.
            el("p") {
                pick(
                    "Filen kontrolleres i sin helhet før noe lagres. Kolonner: ",
                    "The whole file is checked before anything is stored. Columns: ")
                for (index, field) in ProgrammeField.allCases.enumerated() {
                    if index > 0 { ", " }
                    el("code") { field.rawValue }
                }
                pick(
                    ". Påkrevd: kommunenummer eller fylkesnummer, utlysning, soknadsdato og status (Tilsagn, Avslag, Ikke søkt).",
                    ". Required: kommunenummer or fylkesnummer, utlysning, soknadsdato and status (granted, rejected, not applied)."
                )
            }
            el(
                "form",
                ["method": "post", "action": Paths.programmeImport, "enctype": "multipart/form-data"]
            ) {
                CSRF.field(request)
                el("div", ["class": "field"]) {
                    el("label", ["for": "file"]) { pick("Registerfil", "Register file") }
                    el("p", ["class": "field-hint", "id": "file-hint"]) {
                        pick(
                            "CSV (komma eller semikolon) eller XLSX (første ark); høyst 5 MB.",
                            "CSV (comma or semicolon) or XLSX (first sheet); at most 5 MB.")
                    }
                    el(
                        "input",
                        attributes: [
                            ("type", "file"), ("id", "file"), ("name", "file"), ("required", ""),
                            ("accept", ".csv,.xlsx,text/csv"),
                            ("aria-describedby", ["file-hint", fileError].compactMap { $0 }.joined(separator: " ")),
                            ("aria-invalid", refused ? "true" : nil),
                        ])
                }
                el("p") { el("button", ["type": "submit"]) { pick("Kontroller filen", "Check the file") } }
            }
        }
    }

    /// Every problem with its location; the messages in the page's language where the format
    /// catalogue has them.
    static func problemTable(_ error: ProgrammeFileError, language: Language) -> Node {
        let pick = language.pick
        return scrollingTable(label: pick("Feil i filen", "Problems in the file")) {
            el("table") {
                el("caption") { pick("Feil i filen", "Problems in the file") }
                el("thead") {
                    el("tr") {
                        for header in [
                            pick("Fil", "File"), pick("Rad", "Row"), pick("Kolonne", "Column"),
                            pick("Felt", "Field"), pick("Feil", "Problem"),
                        ] {
                            el("th", ["scope": "col"]) { header }
                        }
                    }
                }
                el("tbody") {
                    for problem in error.problems {
                        el("tr") {
                            el("td") { String(problem.location.file.prefix(200)) }
                            el("td", ["class": "num"]) { problem.location.line.map(String.init) ?? "–" }
                            el("td", ["class": "num"]) { problem.location.column.map(String.init) ?? "–" }
                            el("td") { problem.location.field.map { String($0.prefix(80)) } ?? "–" }
                            el("td") { String(FormatMessages.text(problem.message, in: language.formats).prefix(400)) }
                        }
                    }
                }
            }
        }
    }
}
