import FornyeIdentity
import Foundation
import Testing

/// ID-token validation (OpenID Connect Core 1.0 §3.1.3.7) against keys in memory, without the web
/// app: every check passes a good token and refuses one that breaks only that rule.
@Suite struct IDTokenValidatorTests {
    let validator = IDTokenValidator(issuer: TestProvider.issuer, clientID: TestProvider.clientID, leeway: 60)
    typealias Claims = TestProvider.Claims

    func validate(_ token: String, keys: ProviderKeys, nonce: String = "nonce-1") async throws -> VerifiedIdentity {
        try await validator.validate(token, nonce: nonce, keys: keys, now: TestProvider.now)
    }

    /// The error validating `claims` signed with `key` throws, or nil when it passes.
    func refusal(_ claims: Claims, key: TestProvider.KeyPair, nonce: String = "nonce-1") async throws -> OIDCError? {
        let keys = JWKSEndpoint(try TestProvider.jwks([key])).keys()
        do {
            _ = try await validate(try await TestProvider.sign(claims, with: key), keys: keys, nonce: nonce)
            return nil
        } catch let error as OIDCError {
            return error
        }
    }

    @Test(arguments: ["RS256", "ES256"]) func aGoodTokenPassesWithEitherAlgorithm(algorithm: String) async throws {
        let key = algorithm == "RS256" ? try await TestProvider.rsa(kid: "r1") : try await TestProvider.ec(kid: "e1")
        let endpoint = JWKSEndpoint(try TestProvider.jwks([key]))
        var claims = Claims()
        claims.email = "  Kari@Example.NO "
        claims.name = " Kari "
        let token = try await TestProvider.sign(claims, with: key)
        let identity = try await validate(token, keys: endpoint.keys())
        #expect(identity.issuer == TestProvider.issuer)
        #expect(identity.subject == "synthetic-1")
        #expect(identity.email == "kari@example.no")
        #expect(identity.emailVerified == false)
        #expect(identity.name == "Kari")
        #expect(identity.idToken == token)
    }

    @Test func issuerAudienceAndAuthorizedParty() async throws {
        let key = try await TestProvider.rsa(kid: "r1")
        var claims = Claims()
        claims.iss = "https://login.example.no/other-tenant"
        #expect(
            try await refusal(claims, key: key)
                == .issuerMismatch(expected: TestProvider.issuer, got: "https://login.example.no/other-tenant"))
        claims = Claims()
        claims.aud = ["another-client"]
        #expect(try await refusal(claims, key: key) == .audienceMismatch)
        claims.aud = []
        #expect(try await refusal(claims, key: key) == .audienceMismatch)
        // Several audiences: azp must be present and name this client.
        claims.aud = [TestProvider.clientID, "another-client"]
        #expect(try await refusal(claims, key: key) == .authorizedPartyMismatch)
        claims.azp = "another-client"
        #expect(try await refusal(claims, key: key) == .authorizedPartyMismatch)
        claims.azp = TestProvider.clientID
        #expect(try await refusal(claims, key: key) == nil)
        // One audience: azp may be absent, but if present it must be this client.
        claims.aud = [TestProvider.clientID]
        claims.azp = "another-client"
        #expect(try await refusal(claims, key: key) == .authorizedPartyMismatch)
        claims.azp = nil
        #expect(try await refusal(claims, key: key) == nil)
    }

    @Test func timesHaveSixtySecondsOfLeewayAndNoMore() async throws {
        let key = try await TestProvider.ec(kid: "e1")
        let now = TestProvider.now.timeIntervalSince1970
        var claims = Claims()
        claims.exp = now - 59
        #expect(try await refusal(claims, key: key) == nil)
        claims.exp = now - 61
        #expect(try await refusal(claims, key: key) == .expired)
        claims.exp = nil
        #expect(try await refusal(claims, key: key) == .missingClaim("exp"))

        claims = Claims()
        claims.iat = now + 59
        #expect(try await refusal(claims, key: key) == nil)
        claims.iat = now + 61
        #expect(try await refusal(claims, key: key) == .issuedInFuture)
        claims.iat = nil
        #expect(try await refusal(claims, key: key) == .missingClaim("iat"))

        claims = Claims()
        claims.nbf = now + 59
        #expect(try await refusal(claims, key: key) == nil)
        claims.nbf = now + 61
        #expect(try await refusal(claims, key: key) == .notYetValid)
    }

    @Test func nonceAndSubject() async throws {
        let key = try await TestProvider.rsa(kid: "r1")
        #expect(try await refusal(Claims(), key: key, nonce: "nonce-2") == .nonceMismatch)
        var claims = Claims()
        claims.nonce = nil
        #expect(try await refusal(claims, key: key) == .nonceMismatch)
        claims = Claims()
        claims.sub = ""
        #expect(try await refusal(claims, key: key) == .missingClaim("sub"))
        claims.sub = String(repeating: "s", count: 256)
        #expect(try await refusal(claims, key: key) == .missingClaim("sub"))
    }

    @Test func signaturesAndAlgorithms() async throws {
        let rsa = try await TestProvider.rsa(kid: "r1")
        let ec = try await TestProvider.ec(kid: "e1")
        let keys = JWKSEndpoint(try TestProvider.jwks([rsa, ec])).keys()
        func error(_ token: String) async -> OIDCError? {
            do {
                _ = try await validate(token, keys: keys)
                return nil
            } catch {
                return error as? OIDCError
            }
        }
        for key in [rsa, ec] {
            let token = try await TestProvider.sign(Claims(), with: key)
            #expect(await error(token) == nil)
            #expect(await error(try TestProvider.tampered(token)) == .badSignature, "\(key.algorithm)")
        }
        // A token signed by another key under a kid the JWKS has.
        let impostor = try await TestProvider.rsa(kid: "r1")
        #expect(await error(try await TestProvider.sign(Claims(), with: impostor)) == .badSignature)
        let ecImpostor = try await TestProvider.ec(kid: "e1")
        #expect(await error(try await TestProvider.sign(Claims(), with: ecImpostor)) == .badSignature)
        // Unsigned, or HMAC keyed with anything (the client secret, the public key's text): refused
        // before any key is looked at.
        #expect(await error(try TestProvider.forged(Claims(), alg: "none", kid: "r1")) == .algorithmNotAllowed("none"))
        #expect(
            await error(try TestProvider.forged(Claims(), alg: "HS256", kid: "r1")) == .algorithmNotAllowed("HS256"))
        #expect(
            await error(try TestProvider.forged(Claims(), alg: "RS384", kid: "r1")) == .algorithmNotAllowed("RS384"))
        // An ES256 header over an RS256 token's claims and signature does not verify.
        let rsaBody = try await TestProvider.sign(Claims(), with: rsa).split(separator: ".")
        let esHeader = try await TestProvider.sign(Claims(), with: ec).split(separator: ".")[0]
        #expect(await error([esHeader, rsaBody[1], rsaBody[2]].joined(separator: ".")) == .badSignature)
        // Malformed and oversized tokens.
        #expect(await error("not-a-token") == .malformed("ID token"))
        #expect(await error("a.b") == .malformed("ID token"))
        #expect(await error(String(repeating: "a", count: IDTokenValidator.maximumTokenBytes + 1)) != nil)
        let noKid = try TestProvider.forged(Claims(), alg: "RS256", kid: "")
        #expect(await error(noKid) == .missingClaim("kid"))
    }

    @Test func anUnknownKeyIDFetchesTheJWKSOnceThenRefuses() async throws {
        let old = try await TestProvider.rsa(kid: "r1")
        let endpoint = JWKSEndpoint(try TestProvider.jwks([old]))
        let keys = endpoint.keys()
        _ = try await validate(try await TestProvider.sign(Claims(), with: old), keys: keys)
        _ = try await validate(try await TestProvider.sign(Claims(), with: old), keys: keys)
        #expect(await endpoint.fetches == 1, "a known key id uses the cache")

        // The provider rotates: a token under the new kid makes exactly one fetch and passes.
        let new = try await TestProvider.ec(kid: "e2")
        await endpoint.replace(with: try TestProvider.jwks([new]))
        _ = try await validate(try await TestProvider.sign(Claims(), with: new), keys: keys)
        #expect(await endpoint.fetches == 2)
        #expect(await keys.fetchCount == 2)

        // A kid the provider does not publish: one fetch, then refused; not a loop of fetches.
        let stranger = try await TestProvider.rsa(kid: "nobody")
        await #expect(throws: OIDCError.unknownKey("nobody")) {
            try await validate(try await TestProvider.sign(Claims(), with: stranger), keys: keys)
        }
        #expect(await endpoint.fetches == 3)
        // The retired key is gone after the refresh.
        await #expect(throws: OIDCError.unknownKey("r1")) {
            try await validate(try await TestProvider.sign(Claims(), with: old), keys: keys)
        }
        #expect(await endpoint.fetches == 4)
    }

    @Test func theJWKSIsBoundedAndOnlySigningKeysCount() async throws {
        let key = try await TestProvider.rsa(kid: "r1")
        let token = try await TestProvider.sign(Claims(), with: key)
        var encryption = key.jwk
        encryption["use"] = "enc"
        // The same key published for encryption only is not a signing key.
        let onlyEncryption = JWKSEndpoint(try JSONSerialization.data(withJSONObject: ["keys": [encryption]])).keys()
        await #expect(throws: OIDCError.unknownKey("r1")) { try await validate(token, keys: onlyEncryption) }
        // An octet key (HMAC) under the kid is skipped, not used.
        let octet = JWKSEndpoint(
            try JSONSerialization.data(withJSONObject: ["keys": [["kty": "oct", "kid": "r1", "k": "c2VjcmV0"]]])
        ).keys()
        await #expect(throws: OIDCError.unknownKey("r1")) { try await validate(token, keys: octet) }
        let many = (0..<101).map { ["kty": "RSA", "kid": "k\($0)", "n": "AQAB", "e": "AQAB"] }
        let tooMany = JWKSEndpoint(try JSONSerialization.data(withJSONObject: ["keys": many])).keys()
        await #expect(throws: OIDCError.malformed("JWKS")) { try await validate(token, keys: tooMany) }
        let huge = JWKSEndpoint(Data(repeating: 0x20, count: DiscoveryDocument.maximumBytes + 1)).keys()
        await #expect(throws: OIDCError.documentTooLarge("JWKS")) { try await validate(token, keys: huge) }
        let broken = JWKSEndpoint(Data("{\"keys\": 3}".utf8)).keys()
        await #expect(throws: OIDCError.malformed("JWKS")) { try await validate(token, keys: broken) }
        // A failing fetch is reported as such.
        let failing = ProviderKeys { throw URLError(.timedOut) }
        let error = await #expect(throws: OIDCError.self) { try await validate(token, keys: failing) }
        guard case .fetchFailed(let what) = error else {
            Issue.record("expected fetchFailed, got \(String(describing: error))")
            return
        }
        #expect(what.hasPrefix("JWKS"))
    }
}
