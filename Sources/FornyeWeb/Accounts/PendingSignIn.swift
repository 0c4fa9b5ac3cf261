import Crypto
import Foundation
import Vapor

/// Between a right password and the second factor: a short-lived cookie naming the user, signed
/// with a key derived from the server secret, so no session exists until the code is right and a
/// forged or stale cookie is refused. Kept in the browser, so any instance can finish the sign-in.
struct PendingSignIn: Equatable {
    static let cookieName = "fornye_pending_sign_in"
    static let keyPurpose = "pending-sign-in-v1"
    static let lifetime: TimeInterval = 300

    var userID: UUID
    var next: String
    var expires: Date

    func sealed(key: SymmetricKey) -> String {
        let payload = [
            userID.uuidString, String(Int(expires.timeIntervalSince1970)), Data(next.utf8).base64EncodedString(),
        ]
        .joined(separator: ".")
        let mac = HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: key)
        return payload + "." + Data(mac).base64EncodedString()
    }

    /// The pending sign-in a cookie holds, if its signature is right and it has not expired.
    static func open(_ text: String, key: SymmetricKey, now: Date = Date()) -> PendingSignIn? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let mac = Data(base64Encoded: parts[3]) else { return nil }
        let payload = parts[0..<3].joined(separator: ".")
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(payload.utf8), using: key),
            let userID = UUID(uuidString: parts[0]), let seconds = Int(parts[1]),
            let nextData = Data(base64Encoded: parts[2]), let next = String(data: nextData, encoding: .utf8)
        else { return nil }
        let expires = Date(timeIntervalSince1970: TimeInterval(seconds))
        guard expires > now else { return nil }
        return PendingSignIn(userID: userID, next: LocalRedirect.target(next), expires: expires)
    }

    static func key(_ request: Request) -> SymmetricKey {
        request.application.fornyeSettings.secret.key(for: keyPurpose)
    }

    static func cookie(_ value: String, _ request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, maxAge: Int(lifetime), path: Paths.login,
            isSecure: request.application.fornyeSettings.behindTLS, isHTTPOnly: true, sameSite: .strict)
    }

    static func expiredCookie(_ request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: Paths.login,
            isSecure: request.application.fornyeSettings.behindTLS, isHTTPOnly: true, sameSite: .strict)
    }
}
