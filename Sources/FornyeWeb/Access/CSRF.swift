public import Vapor

/// Cross-site request forgery protection by the double-submit pattern: a random token in an
/// HttpOnly, SameSite=Strict cookie, repeated in a hidden field of every form (`CSRF.field`).
/// A POST, PUT, PATCH or DELETE whose field (or `X-CSRF-Token` header) does not match the cookie
/// is refused with 403 before any handler runs, so nothing changes.
///
/// Sign-in rotates the token (`CSRF.rotate`) so a token planted before login is worthless after.
public struct CSRFMiddleware: AsyncMiddleware {
    public static let cookieName = "fornye_csrf"
    public static let fieldName = "_csrf"
    public static let headerName = "X-CSRF-Token"

    /// The largest body read to find the field; upload routes use a larger limit.
    public let maxBodySize: ByteCount

    public init(maxBodySize: ByteCount = "1mb") {
        self.maxBodySize = maxBodySize
    }

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let cookieToken = request.cookies[Self.cookieName].map(\.string).flatMap { CSRF.isWellFormed($0) ? $0 : nil }
        if [.POST, .PUT, .PATCH, .DELETE].contains(request.method) {
            if request.body.data == nil {
                _ = try await request.body.collect(max: maxBodySize.value).get()
            }
            // A URL-encoded form (every questionnaire page) is scanned directly: Vapor's content
            // decoder built the whole form for one field, a tenth of a submission's CPU.
            let submitted =
                request.headers.first(name: Self.headerName)
                ?? (request.headers.contentType == .urlEncodedForm
                    ? request.body.string.flatMap { FormFields(body: $0).first(Self.fieldName) }
                    : (try? request.content.get(String.self, at: Self.fieldName)))
            guard let cookieToken, let submitted, CSRF.constantTimeEqual(cookieToken, submitted) else {
                // The route pattern, not the path: a questionnaire path carries the invitation token.
                request.logger.warning(
                    "CSRF token missing or wrong",
                    metadata: ["route": .string(RequestTelemetryMiddleware.routePattern(of: request))])
                throw Abort(
                    .forbidden,
                    reason:
                        "The form's security token is missing or out of date. Reload the page and try again. "
                        + "(Skjemaets sikkerhetsnøkkel mangler eller er utløpt. Last siden på nytt og prøv igjen.)")
            }
        }
        let token = cookieToken ?? CSRF.newToken()
        request.storage[CSRFTokenKey.self] = token
        let response = try await next.respond(to: request)
        if let rotated = request.storage[CSRFTokenKey.self], rotated != cookieToken {
            response.cookies[Self.cookieName] = CSRF.cookie(
                rotated, secure: request.application.fornyeSettings.behindTLS)
        }
        return response
    }
}

struct CSRFTokenKey: StorageKey {
    typealias Value = String
}

public enum CSRF {
    /// The hidden field every state-changing form carries.
    public static func field(_ request: Request) -> Node {
        el("input", ["type": "hidden", "name": CSRFMiddleware.fieldName, "value": request.csrfToken])
    }

    /// Replaces the request's token with a new one (after sign-in or sign-out); the response
    /// sets the new cookie.
    public static func rotate(_ request: Request) {
        request.storage[CSRFTokenKey.self] = newToken()
    }

    static func newToken() -> String {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 43 && token.utf8.allSatisfy { $0 < 128 }
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    static func cookie(_ token: String, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .strict)
    }
}

extension Request {
    /// This request's CSRF token (set by `CSRFMiddleware`; empty outside its routes).
    public var csrfToken: String { storage[CSRFTokenKey.self] ?? "" }
}
