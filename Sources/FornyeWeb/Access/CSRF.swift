public import Vapor

/// Cross-site request forgery protection. Every form carries a token (`CSRF.field`) that is an
/// HMAC, under a key derived from the server secret, of what identifies the visitor: the session
/// when signed in, else a random pre-session value kept in an HttpOnly, SameSite=Strict cookie.
/// A POST, PUT, PATCH or DELETE is refused with 403 before any handler runs, so nothing changes,
/// when its field (or `X-CSRF-Token` header) is not that HMAC, or when its `Origin` (or, without
/// one, `Referer`) names another site (`CSRFOrigin`).
///
/// A cookie and field planted together are worthless without the key; a token read from one
/// session does not work in another. Sign-in makes a new session and so a new token, and it and
/// sign-out replace the pre-session cookie (`CSRF.rotate`). Behind TLS the cookie is named with
/// the `__Host-` prefix, which browsers accept only as Secure, Path=/ and without Domain, so
/// neither a sibling subdomain nor a plain-http page can set it.
public struct CSRFMiddleware: AsyncMiddleware {
    public static let cookieName = "fornye_csrf"
    /// The cookie's name behind TLS.
    public static let hostCookieName = "__Host-fornye_csrf"
    public static let fieldName = "_csrf"
    public static let headerName = "X-CSRF-Token"

    /// The largest body read to find the field; upload routes use a larger limit.
    public let maxBodySize: ByteCount

    public init(maxBodySize: ByteCount = "1mb") {
        self.maxBodySize = maxBodySize
    }

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let state = CSRF.begin(request)
        if [.POST, .PUT, .PATCH, .DELETE].contains(request.method) {
            if let origin = CSRFOrigin.foreignOrigin(of: request) {
                request.logger.warning(
                    "cross-site request refused",
                    metadata: [
                        "route": .string(RequestTelemetryMiddleware.routePattern(of: request)),
                        "origin": .string(String(origin.prefix(200))),
                    ])
                throw WebError(
                    .forbidden,
                    nb: "Skjemaet ble sendt fra et annet nettsted og ble avvist. Åpne siden her og prøv igjen.",
                    en:
                        "The form was sent from another website and was refused. Open the page on this site and try again."
                )
            }
            if request.body.data == nil {
                _ = try await request.body.collect(max: maxBodySize.value).get()
            }
            // A URL-encoded form (every questionnaire page) is read with the one form parser, whose
            // parse the handler reuses: Vapor's content decoder built the whole form for one field,
            // a tenth of a submission's CPU.
            let submitted =
                try request.headers.first(name: Self.headerName)
                ?? (request.headers.contentType == .urlEncodedForm
                    ? request.formFields().first(Self.fieldName)
                    : (try? request.content.get(String.self, at: Self.fieldName)))
            guard let submitted, CSRF.constantTimeEqual(state.token, submitted) else {
                // The route pattern, not the path: a questionnaire path carries the invitation token.
                request.logger.warning(
                    "CSRF token missing or wrong",
                    metadata: ["route": .string(RequestTelemetryMiddleware.routePattern(of: request))])
                throw WebError(
                    .forbidden,
                    nb: "Skjemaets sikkerhetsnøkkel mangler eller er utløpt. Last siden på nytt og prøv igjen.",
                    en: "The form's security token is missing or out of date. Reload the page and try again.")
            }
        }
        let response = try await next.respond(to: request)
        CSRF.finish(request, response)
        return response
    }
}

/// What a request's token is made from, kept in its storage by `CSRF.begin`.
struct CSRFState: Sendable {
    /// The HMAC key, derived from the server secret for this purpose only.
    var key: SymmetricKey
    /// The SHA-256 of the session token, when signed in.
    var sessionHash: String?
    /// The pre-session value the request came with, if it came with a well-formed one.
    var receivedPreSession: String?
    /// The pre-session value the response leaves in the cookie.
    var preSession: String

    /// The token forms carry: bound to the session when there is one, else to the pre-session value.
    var token: String {
        let binding = sessionHash.map { "session:" + $0 } ?? "pre-session:" + preSession
        let mac = HMAC<SHA256>.authenticationCode(for: Data(binding.utf8), using: key)
        return CSRF.base64URL(Data(mac))
    }
}

struct CSRFStateKey: StorageKey {
    typealias Value = CSRFState
}

public enum CSRF {
    /// The purpose the HMAC key is derived for (`ServerSecret.key(for:)`).
    static let keyPurpose = "csrf-v1"

    /// The hidden field every state-changing form carries.
    public static func field(_ request: Request) -> Node {
        el("input", ["type": "hidden", "name": CSRFMiddleware.fieldName, "value": request.csrfToken])
    }

    /// Replaces the request's pre-session value with a new one (after sign-in or sign-out); the
    /// response sets the new cookie.
    public static func rotate(_ request: Request) {
        var state = begin(request)
        state.preSession = newPreSession()
        request.storage[CSRFStateKey.self] = state
    }

    /// The cookie's name for this server: `__Host-` prefixed behind TLS.
    static func cookieName(_ request: Request) -> String {
        request.application.fornyeSettings.behindTLS ? CSRFMiddleware.hostCookieName : CSRFMiddleware.cookieName
    }

    /// Reads the request's pre-session cookie and session into its storage (once) and returns them.
    static func begin(_ request: Request) -> CSRFState {
        if let state = request.storage[CSRFStateKey.self] { return state }
        let received = request.cookies[cookieName(request)].map(\.string).flatMap { isWellFormed($0) ? $0 : nil }
        let state = CSRFState(
            key: request.application.fornyeSettings.secret.key(for: keyPurpose), sessionHash: request.sessionTokenHash,
            receivedPreSession: received, preSession: received ?? newPreSession())
        request.storage[CSRFStateKey.self] = state
        return state
    }

    /// Sets the pre-session cookie on `response` when the request came without it or it was rotated.
    static func finish(_ request: Request, _ response: Response) {
        guard let state = request.storage[CSRFStateKey.self], state.preSession != state.receivedPreSession else {
            return
        }
        response.cookies[cookieName(request)] = HTTPCookies.Value(
            string: state.preSession, path: "/", isSecure: request.application.fornyeSettings.behindTLS,
            isHTTPOnly: true, sameSite: .strict)
    }

    static func newPreSession() -> String {
        base64URL(SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
    }

    static func base64URL(_ bytes: Data) -> String {
        bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func isWellFormed(_ value: String) -> Bool {
        value.utf8.count == 43 && value.utf8.allSatisfy { $0 < 128 }
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}

extension Request {
    /// This request's CSRF token (set up by `CSRFMiddleware`; empty outside its routes).
    public var csrfToken: String { storage[CSRFStateKey.self]?.token ?? "" }
}
