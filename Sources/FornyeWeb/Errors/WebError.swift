import FornyeProjectBank
import Vapor

/// A client error with a message in both languages and, when a request parameter caused it, the
/// parameter's name, so the page and the problem details can say exactly what was wrong.
struct WebError: AbortError, Sendable {
    var status: HTTPResponseStatus
    var nb: String
    var en: String
    /// The query parameter, path segment or body field at fault.
    var parameter: String?

    init(_ status: HTTPResponseStatus, nb: String, en: String, parameter: String? = nil) {
        self.status = status
        self.nb = nb
        self.en = en
        self.parameter = parameter
    }

    var reason: String { en }

    func message(_ language: Language) -> String { language.pick(nb, en) }

    static func unknownWave(_ slug: String) -> WebError {
        WebError(
            .notFound, nb: "Fant ingen publisert bølge som heter «\(slug)».",
            en: "There is no published wave called “\(slug)”.", parameter: "wave")
    }

    static func unknownFigure(_ id: String) -> WebError {
        WebError(
            .notFound, nb: "Bølgen har ingen figur som heter «\(id)».", en: "The wave has no figure called “\(id)”.",
            parameter: "figure")
    }

    static func invalidParameter(_ name: String, nb: String, en: String) -> WebError {
        WebError(.badRequest, nb: "Parameteren «\(name)»: \(nb)", en: "Parameter “\(name)”: \(en)", parameter: name)
    }

    static let unknownCollectedWave = WebError(
        .notFound, nb: "Ingen bølge samlet inn i Fornye har dette navnet.",
        en: "No wave collected in Fornye has this name.")

    static let mayNotEditProject = WebError(
        .forbidden, nb: "Du kan ikke redigere prosjektet nå.", en: "You may not edit this project now.")

    /// A refused project write, in the words of the project bank's domain (`ProjectError`).
    static func project(_ error: ProjectError, status: HTTPResponseStatus) -> WebError {
        WebError(status, nb: sentence(error.descriptionNB), en: sentence(error.description))
    }

    /// A domain message (lower-case, no full stop) as a sentence for a page.
    static func sentence(_ message: String) -> String {
        guard let first = message.first else { return message }
        let capitalised = first.uppercased() + message.dropFirst()
        return capitalised.hasSuffix(".") ? capitalised : capitalised + "."
    }
}
