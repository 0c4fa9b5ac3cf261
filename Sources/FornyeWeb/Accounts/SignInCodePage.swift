import FornyeStorage
import Vapor

/// The second step of signing in: the six-digit code from the authenticator app, or a recovery code.
struct SignInCodePage {
    var request: Request
    var wrongCode: Bool

    func render() -> String {
        let language = Language.of(request)
        let title = language.pick("Engangskode", "One-time code")
        return PageLayout(title: title, request: request, path: Paths.signInCode).render {
            el("h1") { title }
            if wrongCode {
                el("p", ["class": "error-message", "role": "alert", "id": "kode-feil"]) {
                    language.pick(
                        "Koden stemmer ikke, eller den er brukt før. Etter \(LockoutPolicy.maximumFailures) feil på rad "
                            + "låses kontoen i 15 minutter.",
                        "The code is wrong or was used before. After \(LockoutPolicy.maximumFailures) failures in a row "
                            + "the account is locked for 15 minutes.")
                }
            }
            el("form", ["method": "post", "action": Paths.signInCode, "class": "stacked-form"]) {
                CSRF.field(request)
                FormField(
                    name: "code", label: language.pick("Kode", "Code"), type: "text", autocomplete: "one-time-code",
                    hint: language.pick(
                        "Seks sifre fra autentiseringsappen, eller en av gjenopprettingskodene dine (som ABCDE-FGHJK).",
                        "Six digits from your authenticator app, or one of your recovery codes (like ABCDE-FGHJK).")
                ).node
                el("p") { el("button", ["type": "submit"]) { language.pick("Logg inn", "Sign in") } }
            }
            el("p") {
                el("a", ["href": Paths.login]) { language.pick("Begynn på nytt", "Start again") }
            }
        }
    }
}
