import FornyeBarometer
import FornyeStorage
import Vapor

/// Asks before a register line is deleted: the line, and a button that deletes it.
struct ProgrammeDeletePage {
    var request: Request
    var line: StoredProgrammeApplication
    var register: MunicipalityRegister

    func render() -> String {
        let language = Language.of(request)
        let pick = language.pick
        let application = line.application
        let applicant = ProgrammeText.applicant(application, register: register)
        let title = pick("Slette linjen?", "Delete the line?")
        return PageLayout(title: title, request: request, synthetic: application.synthetic).render {
            el("p") {
                el("a", ["href": Paths.programmeLine(id: line.id)]) {
                    pick("← Tilbake til linjen", "← Back to the line")
                }
            }
            el("h1") { title }
            el("p") {
                pick(
                    "\(applicant), \(application.call), \(ProgrammeText.status(application.status, language)), søkt \(application.applicationDate). Slettingen føres i revisjonsloggen og kan ikke angres.",
                    "\(applicant), \(application.call), \(ProgrammeText.status(application.status, language)), applied \(application.applicationDate). The deletion is written to the audit log and cannot be undone."
                )
            }
            el("form", ["method": "post", "action": Paths.programmeLineDelete(id: line.id)]) {
                CSRF.field(request)
                el("p") { el("button", ["type": "submit"]) { pick("Slett linjen", "Delete the line") } }
            }
        }
    }
}
