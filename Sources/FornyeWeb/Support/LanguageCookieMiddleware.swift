import FornyeReport
import Vapor

/// Keeps the language a person chose: a request with `?lang=` (the language switch, a form's
/// hidden field in the query) sets the `lang` cookie that `Language.of` reads next, so the next
/// page, a form's answer and its error messages come in the same language without `?lang=` on
/// every link. The page's numbers are written in its language too (`NorwegianFormat.language`).
struct LanguageCookieMiddleware: AsyncMiddleware {
    static let maxAge = 365 * 24 * 60 * 60

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await NorwegianFormat.$language.withValue(Language.of(request).report) {
            try await next.respond(to: request)
        }
        guard let asked = request.query[String.self, at: "lang"], let language = Language(rawValue: asked),
            request.cookies["lang"]?.string != language.rawValue
        else { return response }
        response.cookies["lang"] = HTTPCookies.Value(
            string: language.rawValue, maxAge: Self.maxAge, path: "/",
            isSecure: request.application.fornyeSettings.behindTLS, isHTTPOnly: true, sameSite: .lax)
        return response
    }
}
