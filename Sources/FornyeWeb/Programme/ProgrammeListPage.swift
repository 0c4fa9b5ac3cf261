import FornyeBarometer
import FornyeStorage
import Vapor

/// `/analyse/programmet`: every line of the register with its status, applicant, call, dates,
/// amount and project, the number of lines per status, and the ways to import, export and edit.
struct ProgrammeListPage {
    var request: Request
    var lines: [StoredProgrammeApplication]
    var register: MunicipalityRegister

    func render() -> String {
        let language = Language.of(request)
        let pick = language.pick
        let lines = lines
        let register = register
        let synthetic = lines.contains { $0.application.synthetic }
        let title = pick("Programregisteret", "The programme register")
        let notice: String? =
            if let count = request.query[Int.self, at: "importert"] {
                pick("\(count) linjer er importert.", "\(count) lines were imported.")
            } else if request.query[String.self, at: "endret"] != nil {
                pick("Endringen er lagret.", "The change is saved.")
            } else if request.query[String.self, at: "slettet"] != nil {
                pick("Linjen er slettet.", "The line is deleted.")
            } else {
                nil
            }
        return PageLayout(title: title, request: request, synthetic: synthetic).render {
            el("h1") { title }
            if let notice { el("p", ["class": "notice", "role": "status"]) { notice } }
            el("p") {
                pick(
                    "Hvem som søkte hvilken utlysning, og hva som ble resultatet. Evalueringen sammenligner gruppene.",
                    "Who applied to which call, and what came of it. The evaluation compares the groups.")
            }
            el("ul", ["class": "actions"]) {
                el("li") { el("a", ["href": Paths.programmeImport]) { pick("Importer en fil", "Import a file") } }
                el("li") {
                    el("a", ["href": Paths.programmeExport(format: "csv")]) {
                        pick("Last ned som CSV", "Download as CSV")
                    }
                }
                el("li") {
                    el("a", ["href": Paths.programmeExport(format: "xlsx")]) {
                        pick("Last ned som Excel (XLSX)", "Download as Excel (XLSX)")
                    }
                }
                el("li") {
                    el("a", ["href": Paths.programmeCases]) { pick("Intervjuede caser", "Interviewed cases") }
                }
            }
            el("h2") { pick("Linjer per status", "Lines per status") }
            el("dl", ["class": "counts"]) {
                for status in ProgrammeStatus.allCases {
                    el("dt") { ProgrammeText.status(status, language) }
                    el("dd") { String(lines.filter { $0.application.status == status }.count) }
                }
                el("dt") { pick("I alt", "Total") }
                el("dd") { String(lines.count) }
            }
            if lines.isEmpty {
                el("p") { pick("Registeret har ingen linjer ennå.", "The register has no lines yet.") }
            } else {
                scrollingTable(label: pick("Registerets linjer", "The register's lines")) {
                    el("table") {
                        el("caption") {
                            pick("Registerets linjer", "The register's lines")
                                + (synthetic ? " (\(SyntheticLabel.marker))" : "")
                        }
                        el("thead") {
                            el("tr") {
                                for header in [
                                    pick("Status", "Status"), pick("Søker", "Applicant"),
                                    pick("Utlysning", "Call"), pick("Søknadsdato", "Application date"),
                                    pick("Prosjektstart", "Project start"), pick("Prosjektslutt", "Project end"),
                                    pick("Beløp (kr)", "Amount (NOK)"), pick("Prosjektbanken", "Project bank"),
                                    pick("Endre", "Change"),
                                ] {
                                    el("th", ["scope": "col"]) { header }
                                }
                            }
                        }
                        el("tbody") {
                            for line in lines {
                                row(line, register: register, language: language)
                            }
                        }
                    }
                }
            }
        }
    }

    private func row(_ line: StoredProgrammeApplication, register: MunicipalityRegister, language: Language) -> Node {
        let application = line.application
        let applicant = ProgrammeText.applicant(application, register: register)
        return el("tr") {
            el("td") { ProgrammeText.status(application.status, language) }
            el("td") {
                applicant
                if !application.units.isEmpty {
                    el("br")
                    el("span", ["class": "field-hint"]) { application.units.joined(separator: ", ") }
                }
            }
            el("td") { application.call }
            el("td") { ProgrammeText.day(application.applicationDate) }
            el("td") { ProgrammeText.day(application.projectStart) }
            el("td") { ProgrammeText.day(application.projectEnd) }
            el("td", ["class": "num"]) { ProgrammeText.amount(application.amountNOK) }
            el("td") {
                if let slug = application.projectSlug {
                    el("a", ["href": Paths.project(slug: slug)]) { slug }
                } else {
                    "–"
                }
            }
            el("td") {
                el("a", ["href": Paths.programmeLine(id: line.id)]) {
                    language.pick("Rediger", "Edit")
                    el("span", ["class": "visually-hidden"]) { " \(applicant), \(application.call)" }
                }
            }
        }
    }
}
