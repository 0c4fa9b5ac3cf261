import FornyeStorage
import Vapor

/// The sign-in form.
struct LoginPage {
    enum Notice {
        case failed
        case expired
        case rateLimited(minutes: Int)
        case identityFailed
        case identityPending
        case providerUnavailable
    }

    /// The sign-in page with `notice` and `status`, as the OpenID Connect steps answer.
    static func response(_ request: Request, notice: Notice, status: HTTPResponseStatus) async throws -> Response {
        try await HTMLPage(
            LoginPage(request: request, email: "", next: Paths.home, notice: notice).render(), status: status
        )
        .encodeResponse(for: request)
    }

    var request: Request
    var email: String
    var next: String
    var notice: Notice?

    func render() -> String {
        let language = Language.of(request)
        let layout = PageLayout(title: language.pick("Logg inn", "Sign in"), request: request, path: Paths.login)
        return layout.render {
            el("h1") { language.pick("Logg inn", "Sign in") }
            switch notice {
            case .failed:
                el("p", ["class": "error-message", "role": "alert", "id": "innlogging-feil"]) {
                    language.pick(
                        "Feil e-post eller passord. Etter \(LockoutPolicy.maximumFailures) mislykkede forsøk på rad "
                            + "låses kontoen i 15 minutter.",
                        "Wrong e-mail or password. After \(LockoutPolicy.maximumFailures) failed attempts in a row "
                            + "the account is locked for 15 minutes.")
                }
            case .expired:
                el("p", ["class": "notice", "role": "status"]) {
                    language.pick(
                        "Økten er utløpt. Logg inn på nytt.",
                        "Your session has expired (økten er utløpt). Sign in again.")
                }
            case .rateLimited(let minutes):
                el("p", ["class": "error-message", "role": "alert", "id": "innlogging-feil"]) {
                    language.pick(
                        "For mange innloggingsforsøk fra denne adressen. Prøv igjen om \(minutes) minutter.",
                        "Too many sign-in attempts from this address. Try again in \(minutes) minutes.")
                }
            case .identityFailed:
                el("p", ["class": "error-message", "role": "alert", "id": "innlogging-feil"]) {
                    language.pick(
                        "Innloggingen hos identitetsleverandøren kunne ikke fullføres. Prøv igjen.",
                        "Sign-in with the identity provider could not be completed. Try again.")
                }
            case .identityPending:
                el("p", ["class": "notice", "role": "status", "id": "innlogging-venter"]) {
                    language.pick(
                        "Du er logget inn hos identitetsleverandøren, men har ennå ikke tilgang til Fornye. "
                            + "En administrator må godkjenne deg først.",
                        "You signed in with the identity provider, but have no access to Fornye yet. "
                            + "An administrator must approve you first.")
                }
            case .providerUnavailable:
                el("p", ["class": "error-message", "role": "alert", "id": "innlogging-feil"]) {
                    language.pick(
                        "Identitetsleverandøren svarer ikke nå. Prøv igjen senere, eller logg inn med passord.",
                        "The identity provider does not answer now. Try again later, or sign in with a password.")
                }
            case nil:
                Node.empty
            }
            let providers = request.application.oidcProviders.providers
            for provider in providers {
                el("form", ["method": "post", "action": Paths.oidcStart(provider: provider.settings.id)]) {
                    CSRF.field(request)
                    el("input", ["type": "hidden", "name": "neste", "value": next])
                    el("button", ["type": "submit"]) {
                        language.pick(
                            "Logg inn med \(provider.settings.displayName)",
                            "Sign in with \(provider.settings.displayName)")
                    }
                }
            }
            // With provider buttons above, the password form gets a heading of its own, so the
            // two ways to sign in read as alternatives rather than as steps of one form.
            if !providers.isEmpty {
                el("h2") { language.pick("Med e-post og passord", "With e-mail and password") }
            }
            el("form", ["method": "post", "action": Paths.login, "class": "stacked-form"]) {
                CSRF.field(request)
                el("input", ["type": "hidden", "name": "neste", "value": next])
                FormField(
                    name: "email", label: language.pick("E-post", "E-mail"), type: "email", value: email,
                    autocomplete: "username"
                ).node
                FormField(
                    name: "password", label: language.pick("Passord", "Password"), type: "password",
                    autocomplete: "current-password"
                ).node
                el("p") {
                    el("button", ["type": "submit"]) { language.pick("Logg inn", "Sign in") }
                }
            }
        }
    }
}
