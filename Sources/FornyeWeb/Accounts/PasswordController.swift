import FornyeStorage
import Vapor

/// `/konto/passord`: a signed-in user changes their own password. Other sessions of the user
/// end; the one in use stays.
struct PasswordController: RouteCollection {
    struct ChangeForm: Content {
        var current: String?
        var password: String?
        var confirm: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let account = routes.signedIn.grouped("konto", "passord")
        account.get(use: form)
        account.post(use: change)
    }

    @Sendable func form(request: Request) async throws -> HTMLPage {
        HTMLPage(
            PasswordPage(request: request, error: nil, changed: request.query[String.self, at: "endret"] == "1")
                .render())
    }

    @Sendable func change(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let form = try request.content.decode(ChangeForm.self)
        let users = UserStore(database: request.db)
        guard let user = try await users.find(id: principal.userID) else { throw Abort(.unauthorized) }
        do {
            guard try await request.verifyPassword(form.current ?? "", hash: user.passwordHash) else {
                throw AccountError.wrongCurrentPassword
            }
            let password = form.password ?? ""
            try PasswordPolicy.check(password)
            guard password == form.confirm else { throw AccountError.passwordsDiffer }
            let hash = try await request.hashPassword(password)
            try await request.db.transaction { transaction in
                try await UserStore(database: transaction).setPasswordHash(user, hash)
                try await SessionStore(database: transaction).deleteAll(
                    userID: principal.userID, exceptTokenHash: request.sessionTokenHash)
                try await AuditLog(database: transaction).record(
                    actor: principal.userID, action: .passwordChanged, target: user.email)
            }
        } catch let error as AccountError {
            return try await HTMLPage(
                PasswordPage(request: request, error: error, changed: false).render(), status: .unprocessableEntity
            )
            .encodeResponse(for: request)
        }
        return request.redirect(to: "/konto/passord?endret=1", redirectType: .normal)
    }
}

extension Request {
    /// The principal, or 401 (for handlers behind `RequireRole`, where it is always set).
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw Abort(.unauthorized) }
        return principal
    }
}

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
            el("form", ["method": "post", "action": "/konto/passord", "class": "stacked-form"]) {
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
