public import Foundation

/// The parts of a provider's `/.well-known/openid-configuration` that Fornye uses, checked: the
/// issuer must be the configured one (OpenID Connect Discovery 1.0 §4.3) and every endpoint an
/// allowed address, so a tampered document cannot send codes or secrets elsewhere.
public struct DiscoveryDocument: Sendable, Equatable {
    public var issuer: String
    public var authorizationEndpoint: String
    public var tokenEndpoint: String
    public var jwksURI: String
    /// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0), when the provider has it.
    public var endSessionEndpoint: String?

    /// The largest discovery document or JWKS Fornye reads (real ones are a few kilobytes).
    public static let maximumBytes = 256 * 1024

    public static func url(issuer: String) -> String {
        (issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer) + "/.well-known/openid-configuration"
    }

    private struct Wire: Decodable {
        var issuer: String
        var authorization_endpoint: String
        var token_endpoint: String
        var jwks_uri: String
        var end_session_endpoint: String?
        var code_challenge_methods_supported: [String]?
    }

    public static func parse(_ data: Data, expectedIssuer: String) throws(OIDCError) -> DiscoveryDocument {
        guard data.count <= maximumBytes else { throw .documentTooLarge("discovery document") }
        let wire: Wire
        do { wire = try JSONDecoder().decode(Wire.self, from: data) } catch {
            throw .malformed("discovery document: \(error)")
        }
        guard wire.issuer == expectedIssuer else { throw .issuerMismatch(expected: expectedIssuer, got: wire.issuer) }
        for endpoint in [wire.authorization_endpoint, wire.token_endpoint, wire.jwks_uri]
            + (wire.end_session_endpoint.map { [$0] } ?? [])
        where !OIDCEndpoint.isAllowed(endpoint) {
            throw .malformed("discovery document: endpoint «\(endpoint)» is not https")
        }
        if let methods = wire.code_challenge_methods_supported, !methods.contains("S256") {
            throw .malformed("discovery document: the provider does not offer PKCE with S256")
        }
        return DiscoveryDocument(
            issuer: wire.issuer, authorizationEndpoint: wire.authorization_endpoint, tokenEndpoint: wire.token_endpoint,
            jwksURI: wire.jwks_uri, endSessionEndpoint: wire.end_session_endpoint)
    }
}
