import FornyeStorage
import Vapor

/// `/konto/passord`: the signed-in user changes their own password.
struct PasswordPage {
    var request: Request
    var error: AccountError?
    var changed: Bool

    func render() -> String {
        let language = Language.of(request)
        let layout = PageLayout(title: language.pick("Bytt passord", "Change password"), request: request)
        let error = error
        return layout.render {
            el("h1") { language.pick("Bytt passord", "Change password") }
            if changed {
                el("p", ["class": "notice", "role": "status"]) {
                    language.pick(
                        "Passordet er byttet. Andre innlogginger med den gamle kontoen er avsluttet.",
                        "The password is changed. Your other sessions have been signed out.")
                }
            }
            el("form", ["method": "post", "action": Paths.password, "class": "stacked-form"]) {
                CSRF.field(request)
                FormField(
                    name: "current", label: language.pick("Nåværende passord", "Current password"), type: "password",
                    autocomplete: "current-password", error: error?.field == "current" ? error?.message(language) : nil
                ).node
                FormField(
                    name: "password", label: language.pick("Nytt passord", "New password"), type: "password",
                    autocomplete: "new-password",
                    hint: language.pick(
                        "Minst \(PasswordPolicy.minimumLength) tegn. En setning av flere ord er lett å huske.",
                        "At least \(PasswordPolicy.minimumLength) characters. A sentence of several words is easy to remember."
                    ),
                    error: error?.field == "password" ? error?.message(language) : nil
                ).node
                FormField(
                    name: "confirm", label: language.pick("Gjenta nytt passord", "Repeat new password"),
                    type: "password",
                    autocomplete: "new-password", error: error?.field == "confirm" ? error?.message(language) : nil
                ).node
                el("p") { el("button", ["type": "submit"]) { language.pick("Bytt passord", "Change password") } }
            }
        }
    }
}
