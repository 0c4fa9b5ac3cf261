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
}
