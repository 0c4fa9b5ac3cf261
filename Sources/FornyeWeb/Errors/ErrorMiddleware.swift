import Vapor

/// Turns every error into a response, replacing Vapor's `ErrorMiddleware`: problem details for the
/// API (and for clients that accept only JSON), an accessible page in bokmål or English for
/// everyone else. Client errors say what was wrong; a server error never shows its internal
/// message or a stack trace, only that something failed, and is logged in full.
struct FornyeErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return Self.response(for: error, request: request)
        }
    }

    static func response(for error: any Error, request: Request) -> Response {
        let language = Language.of(request)
        let status: HTTPResponseStatus
        let detail: String
        var parameter: String?
        var headers = HTTPHeaders()
        switch error {
        case let error as WebError:
            status = error.status
            detail = error.message(language)
            parameter = error.parameter
        case let error as FormFieldsError:
            status = error.status
            detail = error.message(language)
        case let error as any AbortError:
            status = error.status
            headers = error.headers
            detail = status.code >= 500 ? serverErrorText(language) : clientErrorText(status, error.reason, language)
        default:
            status = .internalServerError
            detail = serverErrorText(language)
        }
        // The route pattern, not the URL, so a token in a path or query never reaches the log.
        request.logger.log(
            level: status.code >= 500 ? .error : .debug, "\(status.code) \(status.reasonPhrase)",
            metadata: [
                "method": .string(request.method.rawValue),
                "route": .string(RequestTelemetryMiddleware.routePattern(of: request)),
                "error": .string(status.code >= 500 ? String(reflecting: error) : detail),
            ])
        let response: Response
        if wantsProblemDetails(request) {
            let problem = ProblemDetails(
                type: parameter != nil && status == .badRequest ? ProblemDetails.invalidParameterType : "about:blank",
                title: status.reasonPhrase, status: Int(status.code), detail: detail, instance: request.url.path,
                parameter: parameter)
            response = problem.response()
        } else {
            let html = ErrorPage(
                status: status, detail: detail, language: language, path: request.url.path, viewer: PageViewer(request)
            ).render()
            var pageHeaders = HTTPHeaders()
            pageHeaders.contentType = .html
            pageHeaders.cacheControl = .init(noStore: true)
            response = Response(status: status, headers: pageHeaders, body: .init(string: html))
        }
        // Keep headers an error asks for (Allow, WWW-Authenticate, Location), never its content type.
        for (name, value) in headers where name.lowercased() != "content-type" && name.lowercased() != "content-length"
        {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        return response
    }

    /// `/api/*`, or a client that accepts JSON but not HTML.
    static func wantsProblemDetails(_ request: Request) -> Bool {
        let path = request.url.path
        if path == Paths.api || path.hasPrefix(Paths.api + "/") { return true }
        let accepted = request.headers.accept.map(\.mediaType)
        guard !accepted.isEmpty else { return false }
        let json = accepted.contains { $0.subType == "json" || $0.subType.hasSuffix("+json") }
        let html = accepted.contains { $0 == .html || ($0.type == "*" && $0.subType == "*") || $0.type == "text" }
        return json && !html
    }

    static func serverErrorText(_ language: Language) -> String {
        language.pick(
            "Noe gikk galt hos oss. Feilen er logget; prøv igjen senere.",
            "Something went wrong on our side. The error has been logged; please try again later.")
    }

    /// The reason of a client error; Vapor's own reasons are in English, so bokmål readers get a
    /// sentence for the status with the reason beside it.
    static func clientErrorText(_ status: HTTPResponseStatus, _ reason: String, _ language: Language) -> String {
        let general: (String, String)
        switch status {
        case .notFound: general = ("Siden eller ressursen finnes ikke.", "The page or resource does not exist.")
        case .payloadTooLarge: general = ("Forespørselen er for stor.", "The request is too large.")
        case .unsupportedMediaType:
            general = ("Innholdstypen støttes ikke her.", "This content type is not supported here.")
        case .badRequest: general = ("Forespørselen er ugyldig.", "The request is invalid.")
        case .unauthorized: general = ("Du må logge inn.", "You need to sign in.")
        case .forbidden: general = ("Du har ikke tilgang.", "You do not have access.")
        case .methodNotAllowed: general = ("Metoden er ikke tillatt her.", "The method is not allowed here.")
        default: general = (status.reasonPhrase, status.reasonPhrase)
        }
        let text = language.pick(general.0, general.1)
        // Vapor's default reason for a status is its phrase; only a specific reason adds information.
        return reason == status.reasonPhrase || reason.isEmpty || reason == text ? text : "\(text) \(reason)"
    }
}
