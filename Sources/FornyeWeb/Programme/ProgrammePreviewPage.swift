import FornyeBarometer
import Vapor

/// A checked register file before it is stored: how many lines per status, the lines as they
/// will be stored, and the choice to add them or replace the register with them.
struct ProgrammePreviewPage {
    var request: Request
    var upload: ProgrammeUpload
    /// Lines in the register now.
    var stored: Int
    var register: MunicipalityRegister

    func render() -> String {
        let language = Language.of(request)
        let pick = language.pick
        let lines = upload.lines
        let register = register
        let stored = stored
        let synthetic = lines.contains(where: \.synthetic)
        let title = pick("Kontrollert: \(upload.filename)", "Checked: \(upload.filename)")
        return PageLayout(title: title, request: request, synthetic: synthetic).render {
            el("p") { el("a", ["href": Paths.programme]) { pick("← Programregisteret", "← The programme register") } }
            el("h1") { title }
            el("p", ["class": "notice", "role": "status"]) {
                pick(
                    "Alle \(lines.count) linjene kan importeres. Ingenting er lagret før du bekrefter.",
                    "All \(lines.count) lines can be imported. Nothing is stored until you confirm.")
            }
            el("ul") {
                for status in ProgrammeStatus.allCases {
                    el("li") {
                        "\(ProgrammeText.status(status, language)): \(lines.filter { $0.status == status }.count)"
                    }
                }
            }
            el("form", ["method": "post", "action": Paths.programmeImportConfirm(id: upload.id)]) {
                CSRF.field(request)
                el("fieldset") {
                    el("legend") { pick("Hvordan skal linjene lagres?", "How should the lines be stored?") }
                    el("div") {
                        el(
                            "input",
                            ["type": "radio", "id": "mode-append", "name": "mode", "value": "append", "checked": ""])
                        el("label", ["for": "mode-append"]) {
                            pick(
                                "Legg dem til de \(stored) linjene i registeret",
                                "Add them to the register's \(stored) lines")
                        }
                    }
                    el("div") {
                        el("input", ["type": "radio", "id": "mode-replace", "name": "mode", "value": "replace"])
                        el("label", ["for": "mode-replace"]) {
                            pick(
                                "Erstatt hele registeret (\(stored) linjer slettes)",
                                "Replace the whole register (\(stored) lines are deleted)")
                        }
                    }
                }
                el("p") { el("button", ["type": "submit"]) { pick("Bekreft og lagre", "Confirm and store") } }
            }
            scrollingTable(label: pick("Linjene i filen", "The lines in the file")) {
                el("table") {
                    el("caption") { pick("Linjene i filen", "The lines in the file") }
                    el("thead") {
                        el("tr") {
                            for header in [
                                pick("Status", "Status"), pick("Søker", "Applicant"), pick("Utlysning", "Call"),
                                pick("Søknadsdato", "Application date"), pick("Prosjektstart", "Project start"),
                                pick("Prosjektslutt", "Project end"), pick("Beløp (kr)", "Amount (NOK)"),
                            ] {
                                el("th", ["scope": "col"]) { header }
                            }
                        }
                    }
                    el("tbody") {
                        for line in lines {
                            el("tr") {
                                el("td") { ProgrammeText.status(line.status, language) }
                                el("td") { ProgrammeText.applicant(line, register: register) }
                                el("td") { line.call }
                                el("td") { ProgrammeText.day(line.applicationDate) }
                                el("td") { ProgrammeText.day(line.projectStart) }
                                el("td") { ProgrammeText.day(line.projectEnd) }
                                el("td", ["class": "num"]) { ProgrammeText.amount(line.amountNOK) }
                            }
                        }
                    }
                }
            }
        }
    }
}
