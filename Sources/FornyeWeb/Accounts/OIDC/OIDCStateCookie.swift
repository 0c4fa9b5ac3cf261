import Crypto
import FornyeIdentity
import Vapor

/// The cookie that carries `OIDCSignInState` from the start of a sign-in to the provider's
/// callback. SameSite=Lax, not Strict: the callback is a top-level navigation from the provider's
/// site, and a Strict cookie would not come along.
enum OIDCStateCookie {
    static let name = "fornye_oidc_state"
    static let keyPurpose = "oidc-sign-in-state-v1"

    static func key(_ request: Request) -> SymmetricKey {
        request.application.fornyeSettings.secret.key(for: keyPurpose)
    }

    static func value(_ state: OIDCSignInState, _ request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: state.sealed(key: key(request)), maxAge: Int(OIDCSignInState.lifetime), path: Paths.oidcSignIn,
            isSecure: request.application.fornyeSettings.behindTLS, isHTTPOnly: true, sameSite: .lax)
    }

    static func expired(_ request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: Paths.oidcSignIn,
            isSecure: request.application.fornyeSettings.behindTLS, isHTTPOnly: true, sameSite: .lax)
    }

    static func open(_ request: Request) -> OIDCSignInState? {
        request.cookies[name].flatMap { OIDCSignInState.open($0.string, key: key(request)) }
    }
}
