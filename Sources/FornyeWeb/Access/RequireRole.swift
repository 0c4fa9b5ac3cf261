public import FornyeStorage
public import Vapor

/// Lets a request through only when its principal has one of `roles`; the public gets 401
/// (pages redirect to the login page), a signed-in user without the role 403.
public struct RequireRole: AsyncMiddleware {
    public let roles: Set<Role>

    public init(_ roles: Set<Role>) {
        self.roles = roles
    }

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let principal = request.principal else {
            if !request.url.path.hasPrefix(Paths.api + "/"), request.method == .GET {
                let next = "neste=\(LocalRedirect.queryEncoded(request.url.string))"
                return request.redirect(to: Paths.login + "?\(request.sessionExpired ? "utlopt=1&" : "")\(next)")
            }
            throw WebError(.unauthorized, nb: "Logg inn for å bruke denne siden.", en: "Sign in to use this page.")
        }
        guard roles.contains(principal.role) else {
            throw WebError(
                .forbidden, nb: "Rollen din gir ikke tilgang til denne siden.",
                en: "Your role does not give access to this page.")
        }
        return try await next.respond(to: request)
    }
}

extension RoutesBuilder {
    /// Routes for analysts and admins.
    public var analysts: any RoutesBuilder { grouped(RequireRole([.analyst, .admin])) }
    /// Routes for everyone signed in (admins, analysts, municipality editors).
    public var signedIn: any RoutesBuilder { grouped(RequireRole([.admin, .analyst, .municipalityEditor])) }
    /// Routes for admins only.
    public var admins: any RoutesBuilder { grouped(RequireRole([.admin])) }
}
