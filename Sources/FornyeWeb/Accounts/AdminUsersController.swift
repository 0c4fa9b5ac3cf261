import FornyeStorage
import Vapor

/// `/admin/brukere`: admins list and create users, reset passwords, change roles, disable and
/// enable. New and reset passwords are generated and shown once; every change goes to the
/// audit log.
struct AdminUsersController: RouteCollection {
    struct CreateForm: Content {
        var email: String?
        var name: String?
        var role: String?
        var municipality: String?
    }

    struct RoleForm: Content {
        var role: String?
        var municipality: String?
    }

    struct StatusForm: Content {
        var disabled: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.admins.grouped("admin", "brukere")
        users.get(use: list)
        users.post(use: create)
        users.get(":id", use: show)
        users.post(":id", "rolle", use: changeRole)
        users.post(":id", "passord", use: resetPassword)
        users.post(":id", "status", use: changeStatus)
    }

    @Sendable func list(request: Request) async throws -> HTMLPage {
        let users = try await UserStore(database: request.db).list()
        return HTMLPage(UserListPage(request: request, users: users).render())
    }

    @Sendable func create(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let form = try request.content.decode(CreateForm.self)
        let password = Passwords.generate()
        let hash = try await request.hashPassword(password)
        let user: UserRecord
        do {
            guard let role = form.role.flatMap(Role.init(rawValue:)) else {
                throw AccountError.roleCannotSignIn(.respondent)
            }
            user = try await UserStore(database: request.db).createAudited(
                email: form.email ?? "", displayName: form.name ?? "", role: role,
                municipalityNumber: form.municipality, passwordHash: hash, actor: principal.userID)
        } catch let error as AccountError {
            let users = try await UserStore(database: request.db).list()
            return try await HTMLPage(
                UserListPage(request: request, users: users, form: form, error: error).render(),
                status: error.isConflict ? .conflict : .unprocessableEntity
            ).encodeResponse(for: request)
        }
        return try await PasswordShownPage(request: request, user: user, password: password, created: true)
            .response(status: .created)
    }

    @Sendable func show(request: Request) async throws -> HTMLPage {
        let user = try await Self.user(request)
        return HTMLPage(UserPage(request: request, user: user).render())
    }

    @Sendable func changeRole(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let user = try await Self.user(request)
        let form = try request.content.decode(RoleForm.self)
        let before = UserStore.roleDetails(user.role, user.municipalityNumber)
        do {
            guard let role = form.role.flatMap(Role.init(rawValue:)) else {
                throw AccountError.roleCannotSignIn(.respondent)
            }
            try await request.db.transaction { transaction in
                try await UserStore(database: transaction).setRole(user, role, municipalityNumber: form.municipality)
                try await AuditLog(database: transaction).record(
                    actor: principal.userID, action: .userRoleChanged, target: user.email,
                    details: "\(before) → \(UserStore.roleDetails(user.role, user.municipalityNumber))")
            }
        } catch let error as AccountError {
            // The record may hold the refused values; show the stored ones.
            let stored = try await Self.user(request)
            return try await HTMLPage(
                UserPage(request: request, user: stored, error: error).render(), status: .unprocessableEntity
            ).encodeResponse(for: request)
        }
        return request.redirect(to: "/admin/brukere/\(try user.requireID())?endret=rolle", redirectType: .normal)
    }

    @Sendable func resetPassword(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let user = try await Self.user(request)
        let userID = try user.requireID()
        let password = Passwords.generate()
        let hash = try await request.hashPassword(password)
        try await request.db.transaction { transaction in
            try await UserStore(database: transaction).setPasswordHash(user, hash)
            try await SessionStore(database: transaction).deleteAll(userID: userID)
            try await AuditLog(database: transaction).record(
                actor: principal.userID, action: .passwordReset, target: user.email)
        }
        return try await PasswordShownPage(request: request, user: user, password: password, created: false)
            .response(status: .ok)
    }

    @Sendable func changeStatus(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let user = try await Self.user(request)
        let form = try request.content.decode(StatusForm.self)
        guard let value = form.disabled, ["0", "1"].contains(value) else {
            throw Abort(.unprocessableEntity, reason: "disabled must be 0 or 1")
        }
        let disabled = value == "1"
        do {
            try await request.db.transaction { transaction in
                try await UserStore(database: transaction).setDisabled(user, disabled)
                try await AuditLog(database: transaction).record(
                    actor: principal.userID, action: disabled ? .userDisabled : .userEnabled, target: user.email)
            }
        } catch let error as AccountError {
            let stored = try await Self.user(request)
            return try await HTMLPage(
                UserPage(request: request, user: stored, error: error).render(), status: .unprocessableEntity
            ).encodeResponse(for: request)
        }
        return request.redirect(to: "/admin/brukere/\(try user.requireID())?endret=status", redirectType: .normal)
    }

    static func user(_ request: Request) async throws -> UserRecord {
        guard let id = request.parameters.get("id", as: UUID.self),
            let user = try await UserStore(database: request.db).find(id: id)
        else { throw Abort(.notFound, reason: "No such user.") }
        return user
    }

}

extension AccountError {
    var isConflict: Bool {
        if case .duplicateEmail = self { return true }
        return false
    }
}

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
                                    el("a", ["href": "/admin/brukere/\(user.id?.uuidString ?? "")"]) { user.email }
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
                ["method": "post", "action": "/admin/brukere", "class": "stacked-form", "aria-labelledby": "ny-bruker"]
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
                    name: "municipality", label: language.pick("Kommunenummer", "Kommunenummer (municipality number)"),
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
        let base = "/admin/brukere/\(user.id?.uuidString ?? "")"
        let changed = request.query[String.self, at: "endret"]
        let layout = PageLayout(title: user.displayName, request: request)
        return layout.render {
            el("p") { el("a", ["href": "/admin/brukere"]) { language.pick("← Alle brukere", "← All users") } }
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
                    name: "municipality", label: language.pick("Kommunenummer", "Kommunenummer (municipality number)"),
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
                el("a", ["href": "/admin/brukere/\(user.id?.uuidString ?? "")"]) {
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
