import FornyeBarometer
import FornyeFormats
import FornyeStorage
import Vapor

/// One register line: who applied to which call, and a form to change its status, dates, amount
/// and project, with every broken rule at its field; a link to delete the line.
struct ProgrammeLinePage {
    var request: Request
    var line: StoredProgrammeApplication
    var register: MunicipalityRegister
    var form: ProgrammeLineForm? = nil
    var problems: [ProgrammeProblem] = []

    func render() -> String {
        let language = Language.of(request)
        let pick = language.pick
        let application = line.application
        let form = form ?? ProgrammeLineForm(application)
        let problems = problems
        let applicant = ProgrammeText.applicant(application, register: register)
        let title = pick("Endre linje: \(applicant)", "Edit line: \(applicant)")
        func message(_ problem: ProgrammeProblem) -> String {
            FormatMessages.text(problem.message, in: language.formats)
        }
        func errors(_ field: ProgrammeField) -> [String] {
            problems.filter { $0.field == field }.map(message)
        }
        return PageLayout(title: title, request: request, synthetic: application.synthetic).render {
            el("p") { el("a", ["href": Paths.programme]) { pick("← Programregisteret", "← The programme register") } }
            el("h1") { title }
            if !problems.isEmpty {
                el("div", ["class": "error-summary", "role": "alert"]) {
                    el("h2") { pick("Linjen er ikke lagret", "The line was not saved") }
                    el("ul") {
                        for problem in problems {
                            el("li") {
                                if ProgrammeLineForm.fields.contains(problem.field) {
                                    el("a", ["href": "#felt-\(problem.field.rawValue)"]) {
                                        "\(ProgrammeText.field(problem.field, language)): \(message(problem))"
                                    }
                                } else {
                                    "\(ProgrammeText.field(problem.field, language)): \(message(problem))"
                                }
                            }
                        }
                    }
                }
            }
            el("dl") {
                el("dt") { pick("Søker", "Applicant") }
                el("dd") { applicant }
                if !application.units.isEmpty {
                    el("dt") { pick("Enheter", "Units") }
                    el("dd") { application.units.joined(separator: ", ") }
                }
                el("dt") { pick("Utlysning", "Call") }
                el("dd") { application.call }
            }
            el("form", ["method": "post", "action": Paths.programmeLine(id: line.id), "class": "stacked-form"]) {
                CSRF.field(request)
                statusSelect(selected: form.values[.status] ?? "", errors: errors(.status), language: language)
                for (field, hint) in [
                    (ProgrammeField.applicationDate, pick("ÅÅÅÅ-MM-DD eller dd.mm.åååå", "YYYY-MM-DD or dd.mm.yyyy")),
                    (.projectStart, pick("Bare for tilsagn.", "Granted lines only.")),
                    (.projectEnd, pick("Bare for tilsagn.", "Granted lines only.")),
                    (
                        .amount,
                        pick(
                            "Hele kroner: innvilget, eller omsøkt ved avslag.",
                            "Whole kroner: granted, or applied for when rejected.")
                    ),
                    (
                        .projectSlug,
                        pick(
                            "Prosjektets adresse eller kortnavn i Prosjektbanken.",
                            "The project's address or short name in the project bank.")
                    ),
                ] {
                    FormField(
                        name: field.rawValue, label: ProgrammeText.field(field, language),
                        value: form.values[field], hint: hint,
                        error: errors(field).isEmpty ? nil : errors(field).joined(separator: " "),
                        required: field == .applicationDate
                    ).node
                }
                el("p") { el("button", ["type": "submit"]) { pick("Lagre", "Save") } }
            }
            el("p") {
                el("a", ["href": Paths.programmeLineDelete(id: line.id)]) { pick("Slett linjen", "Delete the line") }
            }
        }
    }

    private func statusSelect(selected: String, errors: [String], language: Language) -> Node {
        let id = "felt-\(ProgrammeField.status.rawValue)"
        let selectedStatus = ProgrammeStatus(text: selected)
        return el("div", ["class": "field"]) {
            el("label", ["for": id]) { ProgrammeText.field(.status, language) }
            if !errors.isEmpty {
                el("p", ["class": "error-message", "id": "\(id)-feil"]) { errors.joined(separator: " ") }
            }
            el(
                "select",
                attributes: [
                    ("id", id), ("name", ProgrammeField.status.rawValue),
                    ("aria-describedby", errors.isEmpty ? nil : "\(id)-feil"),
                    ("aria-invalid", errors.isEmpty ? nil : "true"),
                ]
            ) {
                for status in ProgrammeStatus.allCases {
                    el(
                        "option",
                        attributes: [("value", status.rawValue), ("selected", status == selectedStatus ? "" : nil)]
                    ) { ProgrammeText.status(status, language) }
                }
            }
        }
    }
}
