import Foundation

/// Why an OpenID Connect sign-in was refused. The descriptions go to the log and the audit
/// trail; the page shows a general message, since the details help an attacker more than a user.
public enum OIDCError: Error, Equatable, CustomStringConvertible {
    case documentTooLarge(String)
    case malformed(String)
    case fetchFailed(String)
    case issuerMismatch(expected: String, got: String)
    case stateMissingOrExpired
    case stateMismatch
    case stateReplayed
    case providerError(String)
    case tokenEndpointRefused(String)
    case algorithmNotAllowed(String)
    case unknownKey(String)
    case badSignature
    case audienceMismatch
    case authorizedPartyMismatch
    case expired
    case issuedInFuture
    case notYetValid
    case nonceMismatch
    case missingClaim(String)
    case identityRejected
    case accountDisabled

    public var description: String {
        switch self {
        case .documentTooLarge(let what): "the \(what) is larger than \(DiscoveryDocument.maximumBytes) bytes"
        case .malformed(let what): "malformed \(what)"
        case .fetchFailed(let what): "could not fetch \(what)"
        case .issuerMismatch(let expected, let got): "issuer «\(got)» is not the configured «\(expected)»"
        case .stateMissingOrExpired: "no sign-in was started in this browser, or it took longer than 10 minutes"
        case .stateMismatch: "the state does not match the one this browser was given"
        case .stateReplayed: "the state was used before"
        case .providerError(let code): "the provider answered with error «\(code)»"
        case .tokenEndpointRefused(let why): "the token endpoint refused the code: \(why)"
        case .algorithmNotAllowed(let alg): "ID token signed with «\(alg)»; only RS256 and ES256 are accepted"
        case .unknownKey(let kid): "no key «\(kid)» in the provider's JWKS, even after fetching it again"
        case .badSignature: "the ID token's signature is not valid"
        case .audienceMismatch: "the ID token is not for this client (aud)"
        case .authorizedPartyMismatch: "the ID token's azp is not this client"
        case .expired: "the ID token has expired"
        case .issuedInFuture: "the ID token was issued in the future"
        case .notYetValid: "the ID token is not valid yet (nbf)"
        case .nonceMismatch: "the ID token's nonce is not the one this browser was given"
        case .missingClaim(let name): "the ID token has no «\(name)» claim"
        case .identityRejected: "an admin rejected this identity"
        case .accountDisabled: "the linked account is disabled"
        }
    }
}
