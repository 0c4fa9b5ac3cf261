import FornyeStorage
public import Vapor

/// Reads the session cookie and sets `request.principal`. Registered globally, before every
/// route, so each handler and `RequireRole` sees who is asking. A missing, unknown or expired
/// session means the public; an expired one also marks the request (`sessionExpired`) and
/// clears the cookie, so the login page can say why.
public struct SessionAuthenticator: AsyncMiddleware {
    public static let cookieName = "fornye_session"

    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var clearCookie = false
        if let token = request.cookies[Self.cookieName]?.string, !token.isEmpty {
            let hash = SessionToken.hash(token)
            switch try await SessionStore(database: request.db).lookup(tokenHash: hash) {
            case .valid(_, let user):
                request.principal = Principal(
                    userID: try user.requireID(), displayName: user.displayName, role: user.role,
                    municipalityNumber: user.municipalityNumber)
                request.storage[SessionTokenHashKey.self] = hash
            case .expired:
                request.sessionExpired = true
                clearCookie = true
            case .missing:
                clearCookie = true
            }
        }
        let response = try await next.respond(to: request)
        if clearCookie, response.cookies[Self.cookieName] == nil {
            response.cookies[Self.cookieName] = Self.expiredCookie(request)
        }
        return response
    }

    static func cookie(_ token: String, _ request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: token, maxAge: Int(SessionStore.absoluteTimeout), path: "/",
            isSecure: request.application.fornyeSettings.behindTLS, isHTTPOnly: true, sameSite: .lax)
    }

    static func expiredCookie(_ request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
            isSecure: request.application.fornyeSettings.behindTLS, isHTTPOnly: true, sameSite: .lax)
    }
}

struct SessionTokenHashKey: StorageKey {
    typealias Value = String
}

struct SessionExpiredKey: StorageKey {
    typealias Value = Bool
}

extension Request {
    /// True when the request came with a session that had timed out.
    public var sessionExpired: Bool {
        get { storage[SessionExpiredKey.self] ?? false }
        set { storage[SessionExpiredKey.self] = newValue }
    }

    /// The SHA-256 of this request's session token, when signed in.
    var sessionTokenHash: String? { storage[SessionTokenHashKey.self] }
}
