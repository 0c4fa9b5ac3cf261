import FornyeStorage
import Vapor

/// One user, with forms to change the role, reset the password and disable or enable.
struct UserPage {
    var request: Request
    var user: UserRecord
    var error: AccountError? = nil

    static func status(_ user: UserRecord, _ language: Language) -> String {
        if user.disabled { return language.pick("Deaktivert", "Disabled") }
        if user.isLocked() { return language.pick("Midlertidig låst", "Temporarily locked") }
        return language.pick("Aktiv", "Active")
    }

    func render() -> String {
        let language = Language.of(request)
        let user = user
        let error = error
        let base = user.id.map(Paths.adminUser(id:)) ?? Paths.adminUsers
        let changed = request.query[String.self, at: "endret"]
        let layout = PageLayout(title: user.displayName, request: request)
        return layout.render {
            el("p") { el("a", ["href": Paths.adminUsers]) { language.pick("← Alle brukere", "← All users") } }
            el("h1") { user.displayName }
            if changed != nil {
                el("p", ["class": "notice", "role": "status"]) {
                    language.pick("Endringen er lagret.", "The change is saved.")
                }
            }
            if let error {
                el("p", ["class": "error-message", "role": "alert"]) { error.message(language) }
            }
            el("dl") {
                el("dt") { language.pick("E-post", "E-mail") }
                el("dd") { user.email }
                el("dt") { language.pick("Rolle", "Role") }
                el("dd") { user.role.label(language) }
                el("dt") { language.pick("Kommunenummer", "Kommunenummer") }
                el("dd") { user.municipalityNumber ?? "–" }
                el("dt") { language.pick("Status", "Status") }
                el("dd") { Self.status(user, language) }
            }
            el("h2", ["id": "rolle"]) { language.pick("Endre rolle", "Change role") }
            el(
                "form",
                ["method": "post", "action": "\(base)/rolle", "class": "stacked-form", "aria-labelledby": "rolle"]
            ) {
                CSRF.field(request)
                roleSelect(
                    name: "role", selected: user.role, language: language,
                    error: error?.field == "role" ? error?.message(language) : nil)
                FormField(
                    name: "municipality", label: language.pick("Kommunenummer", "Municipality number"),
                    value: user.municipalityNumber,
                    hint: language.pick("Bare for kommuneredaktører.", "Municipality editors only."),
                    error: error?.field == "municipality" ? error?.message(language) : nil, required: false
                ).node
                el("p") { el("button", ["type": "submit"]) { language.pick("Lagre rolle", "Save role") } }
            }
            el("h2", ["id": "passord"]) { language.pick("Nullstill passord", "Reset password") }
            el("form", ["method": "post", "action": "\(base)/passord", "aria-labelledby": "passord"]) {
                CSRF.field(request)
                el("p", ["class": "field-hint"]) {
                    language.pick(
                        "Et nytt passord lages og vises én gang. Brukerens innlogginger avsluttes.",
                        "A new password is generated and shown once. The user's sessions end.")
                }
                el("p") { el("button", ["type": "submit"]) { language.pick("Nullstill passord", "Reset password") } }
            }
            el("h2", ["id": "status"]) { language.pick("Tilgang", "Access") }
            el("form", ["method": "post", "action": "\(base)/status", "aria-labelledby": "status"]) {
                CSRF.field(request)
                el("input", ["type": "hidden", "name": "disabled", "value": user.disabled ? "0" : "1"])
                el("p") {
                    el("button", ["type": "submit"]) {
                        user.disabled
                            ? language.pick("Aktiver brukeren", "Enable the user")
                            : language.pick("Deaktiver brukeren", "Disable the user")
                    }
                }
            }
        }
    }
}
