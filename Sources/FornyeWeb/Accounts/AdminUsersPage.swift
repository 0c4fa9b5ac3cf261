import FornyeStorage
import Vapor

/// The users, with a form to create one.
struct UserListPage {
    var request: Request
    var users: [UserRecord]
    var form: AdminUsersController.CreateForm? = nil
    var error: AccountError? = nil

    func render() -> String {
        let language = Language.of(request)
        let layout = PageLayout(title: language.pick("Brukere", "Users"), request: request)
        let error = error
        func fieldError(_ field: String) -> String? { error?.field == field ? error?.message(language) : nil }
        return layout.render {
            el("h1") { language.pick("Brukere", "Users") }
            el("div", ["class": "table-wrap"]) {
                el("table") {
                    el("caption") { language.pick("Alle brukere (\(users.count))", "All users (\(users.count))") }
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) { language.pick("E-post", "E-mail") }
                            el("th", ["scope": "col"]) { language.pick("Navn", "Name") }
                            el("th", ["scope": "col"]) { language.pick("Rolle", "Role") }
                            el("th", ["scope": "col"]) { language.pick("Kommune", "Municipality") }
                            el("th", ["scope": "col"]) { language.pick("Status", "Status") }
                        }
                    }
                    el("tbody") {
                        for user in users {
                            el("tr") {
                                el("th", ["scope": "row"]) {
                                    el("a", ["href": user.id.map(Paths.adminUser(id:)) ?? Paths.adminUsers]) {
                                        user.email
                                    }
                                }
                                el("td") { user.displayName }
                                el("td") { user.role.label(language) }
                                el("td") { user.municipalityNumber ?? "–" }
                                el("td") { UserPage.status(user, language) }
                            }
                        }
                    }
                }
            }
            el("h2", ["id": "ny-bruker"]) { language.pick("Ny bruker", "New user") }
            if let error {
                el("p", ["class": "error-message", "role": "alert"]) {
                    language.pick("Brukeren ble ikke opprettet: ", "The user was not created: ")
                        + error.message(language)
                }
            }
            el(
                "form",
                ["method": "post", "action": Paths.adminUsers, "class": "stacked-form", "aria-labelledby": "ny-bruker"]
            ) {
                CSRF.field(request)
                FormField(
                    name: "email", label: language.pick("E-post", "E-mail"), type: "email", value: form?.email,
                    autocomplete: "off", error: fieldError("email")
                ).node
                FormField(
                    name: "name", label: language.pick("Navn", "Name"), value: form?.name, autocomplete: "off",
                    error: fieldError("name")
                ).node
                roleSelect(
                    name: "role", selected: form?.role.flatMap(Role.init(rawValue:)) ?? .analyst, language: language,
                    error: fieldError("role"))
                FormField(
                    name: "municipality", label: language.pick("Kommunenummer", "Municipality number"),
                    value: form?.municipality,
                    hint: language.pick(
                        "Bare for kommuneredaktører: fire sifre i 2024-strukturen, f.eks. 0301 for Oslo.",
                        "Municipality editors only: four digits in the 2024 structure, e.g. 0301 for Oslo."),
                    error: fieldError("municipality"), required: false
                ).node
                el("p", ["class": "field-hint"]) {
                    language.pick(
                        "Et sterkt passord lages og vises én gang etter at brukeren er opprettet.",
                        "A strong password is generated and shown once after the user is created.")
                }
                el("p") { el("button", ["type": "submit"]) { language.pick("Opprett bruker", "Create user") } }
            }
        }
    }
}
