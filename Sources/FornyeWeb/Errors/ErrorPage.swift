import Vapor

/// The page shown for an error to people: what happened, in their language, and a way on.
struct ErrorPage {
    var status: HTTPResponseStatus
    var detail: String
    var language: Language
    var path: String
    var viewer: PageViewer = .visitor

    func render() -> String {
        let language = language
        let heading: String =
            switch status.code {
            case 404: language.pick("Fant ikke siden", "Page not found")
            case 400: language.pick("Ugyldig forespørsel", "Invalid request")
            case 401, 403: language.pick("Ingen tilgang", "No access")
            case 413: language.pick("For stor forespørsel", "Request too large")
            case 415: language.pick("Innholdstypen støttes ikke", "Unsupported content type")
            case 500...: language.pick("Noe gikk galt", "Something went wrong")
            default: language.pick("Feil", "Error")
            }
        let layout = PageLayout(title: heading, language: language, path: path, viewer: viewer)
        return layout.render {
            el("h1") { heading }
            el("p", ["class": "error-message", "role": "alert"]) { detail }
            el("p") { language.pick("Feilkode: ", "Error code: ") + "\(status.code) \(status.reasonPhrase)" }
            el("p") {
                el("a", ["href": Paths.home]) { language.pick("Til forsiden", "Go to the front page") }
            }
        }
    }
}
