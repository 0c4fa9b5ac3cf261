import FornyeStorage
import Vapor

/// `/admin/identiteter`: admins approve (with a role and municipality of their choosing) or
/// reject OpenID Connect identities that matched no account at their first sign-in.
struct PendingIdentitiesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let identities = routes.admins.grouped("admin", "identiteter")
        identities.get(use: list)
        identities.post(":id", "godkjenn", use: approve)
        identities.post(":id", "avvis", use: reject)
    }

    @Sendable func list(request: Request) async throws -> HTMLPage {
        let pending = try await ExternalIdentityStore(database: request.db).pending()
        return HTMLPage(PendingIdentitiesPage(request: request, identities: pending).render())
    }

    private func identityID(_ request: Request) throws -> UUID {
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
            throw Abort(.notFound, reason: "no such identity")
        }
        return id
    }

    @Sendable func approve(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let id = try identityID(request)
        let form = try request.formFields()
        let store = ExternalIdentityStore(database: request.db)
        do {
            guard let role = form.first("role").flatMap(Role.init(rawValue:)) else {
                throw AccountError.roleCannotSignIn(.respondent)
            }
            _ = try await store.approve(
                id: id, email: form.first("email") ?? "", displayName: form.first("name") ?? "", role: role,
                municipalityNumber: form.first("municipality"),
                passwordHash: try await request.hashPassword(Passwords.generate()), actor: principal.userID)
        } catch let error as AccountError {
            return try await HTMLPage(
                PendingIdentitiesPage(
                    request: request, identities: try await store.pending(), failed: id,
                    error: error.message(Language.of(request))
                ).render(), status: .unprocessableEntity
            ).encodeResponse(for: request)
        } catch let error as ExternalIdentityError {
            throw Abort(.notFound, reason: error.description)
        }
        return request.redirect(to: Paths.adminIdentities + "?endret=godkjent", redirectType: .normal)
    }

    @Sendable func reject(request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        do {
            try await ExternalIdentityStore(database: request.db).reject(
                id: try identityID(request), actor: principal.userID)
        } catch let error as ExternalIdentityError {
            throw Abort(.notFound, reason: error.description)
        }
        return request.redirect(to: Paths.adminIdentities + "?endret=avvist", redirectType: .normal)
    }
}
