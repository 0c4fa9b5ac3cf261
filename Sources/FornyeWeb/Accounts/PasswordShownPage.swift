import FornyeStorage
import Vapor

/// A generated password, shown once (never stored or logged in clear).
struct PasswordShownPage {
    var request: Request
    var user: UserRecord
    var password: String
    var created: Bool

    func response(status: HTTPResponseStatus) async throws -> Response {
        let language = Language.of(request)
        let user = user
        let password = password
        let title =
            created
            ? language.pick("Bruker opprettet", "User created") : language.pick("Passord nullstilt", "Password reset")
        let html = PageLayout(title: title, request: request).render {
            el("h1") { title }
            el("p") {
                language.pick("Passord for ", "Password for ")
                el("strong") { user.email }
                language.pick(
                    ". Gi det til brukeren på en trygg måte; det vises ikke igjen.",
                    ". Give it to the user securely; it is not shown again.")
            }
            el("p") { el("code", ["class": "secret"]) { password } }
            el("p") {
                el("a", ["href": user.id.map(Paths.adminUser(id:)) ?? Paths.adminUsers]) {
                    language.pick("Til brukeren", "To the user")
                }
            }
        }
        let response = try await HTMLPage(html, status: status).encodeResponse(for: request)
        // The password must not stay in a cache.
        response.headers.cacheControl = .init(noStore: true)
        return response
    }
}
