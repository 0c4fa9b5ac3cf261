import FornyeStorage
import Vapor

/// `/konto/passord`: a signed-in user changes their own password. Other sessions of the user
/// end; the one in use stays.
struct PasswordController: RouteCollection {
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
        let form = try request.formFields()
        let users = UserStore(database: request.db)
        guard let user = try await users.find(id: principal.userID) else { throw Abort(.unauthorized) }
        do {
            guard try await request.verifyPassword(form.first("current") ?? "", hash: user.passwordHash) else {
                throw AccountError.wrongCurrentPassword
            }
            let password = form.first("password") ?? ""
            try PasswordPolicy.check(password)
            guard password == form.first("confirm") else { throw AccountError.passwordsDiffer }
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
        return request.redirect(to: Paths.password + "?endret=1", redirectType: .normal)
    }
}

extension Request {
    /// The principal, or 401 (for handlers behind `RequireRole`, where it is always set).
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw Abort(.unauthorized) }
        return principal
    }
}
