import FornyeStorage
import Vapor

/// `/admin/brukere`: admins list and create users, reset passwords, change roles, disable and
/// enable. New and reset passwords are generated and shown once; every change goes to the
/// audit log.
struct AdminUsersController: RouteCollection {
    struct CreateForm {
        var email: String?
        var name: String?
        var role: String?
        var municipality: String?

        init(_ fields: FormFields) {
            email = fields.first("email")
            name = fields.first("name")
            role = fields.first("role")
            municipality = fields.first("municipality")
        }
    }

    struct RoleForm {
        var role: String?
        var municipality: String?

        init(_ fields: FormFields) {
            role = fields.first("role")
            municipality = fields.first("municipality")
        }
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
        let form = CreateForm(try request.formFields())
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
        let form = RoleForm(try request.formFields())
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
        return request.redirect(to: Paths.adminUser(id: try user.requireID()) + "?endret=rolle", redirectType: .normal)
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
        guard let value = try request.formFields().first("disabled"), ["0", "1"].contains(value) else {
            throw WebError(
                .unprocessableEntity, nb: "«disabled» må være 0 eller 1.", en: "“disabled” must be 0 or 1.",
                parameter: "disabled")
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
        return request.redirect(to: Paths.adminUser(id: try user.requireID()) + "?endret=status", redirectType: .normal)
    }

    static func user(_ request: Request) async throws -> UserRecord {
        guard let id = request.parameters.get("id", as: UUID.self),
            let user = try await UserStore(database: request.db).find(id: id)
        else { throw WebError(.notFound, nb: "Brukeren finnes ikke.", en: "There is no such user.") }
        return user
    }

}

extension AccountError {
    var isConflict: Bool {
        if case .duplicateEmail = self { return true }
        return false
    }
}
