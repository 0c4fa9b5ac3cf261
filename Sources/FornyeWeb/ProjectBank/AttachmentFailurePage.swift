import FornyeStorage
import Vapor

/// An attachment upload refused, said on a page of its own with the form to try again; nothing
/// was stored.
struct AttachmentFailurePage {
    var request: Request
    var record: ProjectRecord
    var fileName: String?
    var message: String
    var limits: AttachmentLimits

    func render() -> String {
        let record = record
        let fileName = fileName
        let message = message
        let limits = limits
        let language = Language.of(request)
        let layout = PageLayout(
            title: language.pick("Vedlegget ble ikke lagret", "The attachment was not saved"), request: request)
        return layout.render {
            el("p") { el("a", ["href": Paths.project(slug: record.slug)]) { "← " + record.title } }
            el("h1") { language.pick("Vedlegget ble ikke lagret", "The attachment was not saved") }
            el("div", ["class": "error-summary", "role": "alert"]) {
                el("h2") { language.pick("Dette er feil", "What is wrong") }
                el("ul") {
                    el("li") {
                        el("a", ["href": "#felt-vedlegg"]) {
                            (fileName.map { "«\($0)»: " } ?? "") + message
                        }
                    }
                }
                el("p") {
                    language.pick(
                        "Ingen filer fra denne opplastingen er lagret.", "No file from this upload was saved.")
                }
            }
            attachmentUploadForm(
                slug: record.slug, csrfToken: request.csrfToken, language: language, limits: limits,
                error: message)
        }
    }
}
