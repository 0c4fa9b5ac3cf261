import FornyeIdentity
import Foundation
import Testing

/// The discovery document (OpenID Connect Discovery 1.0): read when it is the configured issuer's
/// and every endpoint is https (or http on the loopback), refused otherwise, and bounded in size.
@Suite struct DiscoveryDocumentTests {
    static let issuer = "https://login.example.no/tenant/v2.0"

    func document(_ changes: [String: Any?] = [:]) throws -> Data {
        var fields: [String: Any] = [
            "issuer": Self.issuer,
            "authorization_endpoint": "https://login.example.no/tenant/oauth2/authorize",
            "token_endpoint": "https://login.example.no/tenant/oauth2/token",
            "jwks_uri": "https://login.example.no/tenant/keys",
            "code_challenge_methods_supported": ["plain", "S256"],
            "id_token_signing_alg_values_supported": ["RS256"],
        ]
        for (key, value) in changes { fields[key] = value }
        return try JSONSerialization.data(withJSONObject: fields)
    }

    @Test func aProvidersDocumentIsRead() throws {
        var document = try DiscoveryDocument.parse(try self.document(), expectedIssuer: Self.issuer)
        #expect(document.tokenEndpoint == "https://login.example.no/tenant/oauth2/token")
        #expect(document.jwksURI == "https://login.example.no/tenant/keys")
        #expect(document.endSessionEndpoint == nil)
        document = try DiscoveryDocument.parse(
            try self.document([
                "end_session_endpoint": "https://login.example.no/logout", "code_challenge_methods_supported": nil,
            ]), expectedIssuer: Self.issuer)
        #expect(document.endSessionEndpoint == "https://login.example.no/logout")
        // The tests' local provider: http on the loopback only.
        let local = "http://127.0.0.1:8141"
        let loopback = try self.document([
            "issuer": local, "authorization_endpoint": local + "/authorize", "token_endpoint": local + "/token",
            "jwks_uri": local + "/jwks",
        ])
        #expect(try DiscoveryDocument.parse(loopback, expectedIssuer: local).issuer == local)
    }

    @Test func theDocumentURLHasOneSlash() {
        #expect(DiscoveryDocument.url(issuer: "https://a.no/t") == "https://a.no/t/.well-known/openid-configuration")
        #expect(DiscoveryDocument.url(issuer: "https://a.no/t/") == "https://a.no/t/.well-known/openid-configuration")
    }

    @Test func anotherIssuerIsRefused() throws {
        #expect(throws: OIDCError.issuerMismatch(expected: Self.issuer, got: Self.issuer + "/")) {
            try DiscoveryDocument.parse(try document(["issuer": Self.issuer + "/"]), expectedIssuer: Self.issuer)
        }
    }

    @Test(arguments: [
        "http://login.example.no/token", "http://10.0.0.1/token", "ftp://login.example.no/token", "token",
        "https://user@login.example.no/token", "https://login.example.no/token#x",
    ]) func endpointsThatAreNotHTTPSAreRefused(endpoint: String) throws {
        for field in ["authorization_endpoint", "token_endpoint", "jwks_uri", "end_session_endpoint"] {
            let error = #expect(throws: OIDCError.self, "\(field)") {
                try DiscoveryDocument.parse(try document([field: endpoint]), expectedIssuer: Self.issuer)
            }
            #expect(error?.description.contains(endpoint) == true, "\(field)")
        }
    }

    @Test func withoutS256OrFieldsOrWithinBoundsItIsRefused() throws {
        #expect(throws: OIDCError.malformed("discovery document: the provider does not offer PKCE with S256")) {
            try DiscoveryDocument.parse(
                try document(["code_challenge_methods_supported": ["plain"]]), expectedIssuer: Self.issuer)
        }
        let missing = #expect(throws: OIDCError.self) {
            try DiscoveryDocument.parse(try document(["jwks_uri": nil]), expectedIssuer: Self.issuer)
        }
        guard case .malformed = missing else {
            Issue.record("expected malformed, got \(String(describing: missing))")
            return
        }
        #expect(throws: OIDCError.self) { try DiscoveryDocument.parse(Data("[]".utf8), expectedIssuer: Self.issuer) }
        // Padding makes a real document too large: refused before it is decoded.
        var padded = try document()
        padded.append(Data(repeating: 0x20, count: DiscoveryDocument.maximumBytes))
        #expect(throws: OIDCError.documentTooLarge("discovery document")) {
            try DiscoveryDocument.parse(padded, expectedIssuer: Self.issuer)
        }
    }
}
