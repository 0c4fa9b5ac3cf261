import Crypto
import CryptoExtras
import FornyeIdentity
import Foundation
import JWTKit
import Testing

/// A provider's signing side in memory, for the validator's tests: one RSA (RS256) and one
/// P-256 (ES256) key per rotation, their public JWKS, and tokens signed, unsigned or tampered as a
/// test needs. Keys are generated per process and never leave it (test data only).
final class TestProvider: Sendable {
    static let issuer = "https://login.example.no/tenant"
    static let clientID = "fornye"
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    struct KeyPair: Sendable {
        var kid: String
        var algorithm: String
        var signer: JWTKeyCollection
        var jwk: [String: String]
    }

    static func rsa(kid: String) async throws -> KeyPair {
        let key = try Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        let primitives = try key.publicKey.getKeyPrimitives()
        let signer = await JWTKeyCollection().add(rsa: key, digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid))
        return KeyPair(
            kid: kid, algorithm: "RS256", signer: signer,
            jwk: [
                "kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256",
                "n": Base64URL.encode(primitives.modulus), "e": Base64URL.encode(primitives.publicExponent),
            ])
    }

    static func ec(kid: String) async throws -> KeyPair {
        let key = ES256PrivateKey()
        let parameters = try #require(key.publicKey.parameters)
        let signer = await JWTKeyCollection().add(ecdsa: key, kid: JWKIdentifier(string: kid))
        return KeyPair(
            kid: kid, algorithm: "ES256", signer: signer,
            jwk: [
                "kty": "EC", "kid": kid, "use": "sig", "alg": "ES256", "crv": "P-256", "x": parameters.x,
                "y": parameters.y,
            ])
    }

    /// The claims of a good ID token at `now`; tests change one at a time.
    struct Claims: JWTPayload {
        var iss: String? = TestProvider.issuer
        var sub: String? = "synthetic-1"
        var aud: [String]? = [TestProvider.clientID]
        var azp: String?
        var exp: Double? = TestProvider.now.timeIntervalSince1970 + 300
        var iat: Double? = TestProvider.now.timeIntervalSince1970
        var nbf: Double?
        var nonce: String? = "nonce-1"
        var email: String?
        var name: String?

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static func sign(_ claims: Claims, with key: KeyPair) async throws -> String {
        try await key.signer.sign(claims, kid: JWKIdentifier(string: key.kid))
    }

    /// A token whose header says `alg` and `kid`, signed with HMAC-SHA256 under `secret` (or
    /// unsigned for `none`): what an attacker who knows the client secret or the public key sends.
    static func forged(_ claims: Claims, alg: String, kid: String, secret: String = "client-secret") throws -> String {
        let header = Base64URL.encode(try JSONSerialization.data(withJSONObject: ["alg": alg, "kid": kid]))
        let body = Base64URL.encode(try JSONEncoder().encode(claims))
        let input = header + "." + body
        guard alg != "none" else { return input + "." }
        let mac = HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return input + "." + Base64URL.encode(Data(mac))
    }

    /// The token with one bit of its signature flipped.
    static func tampered(_ token: String) throws -> String {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        var signature = try #require(Base64URL.decode(parts[2]))
        signature[signature.startIndex] ^= 0x01
        return [String(parts[0]), String(parts[1]), Base64URL.encode(signature)].joined(separator: ".")
    }

    static func jwks(_ keys: [KeyPair], extra: [[String: String]] = []) throws -> Data {
        try JSONSerialization.data(withJSONObject: ["keys": keys.map(\.jwk) + extra])
    }
}

/// A JWKS endpoint whose answer a test can change (a rotation), counting the fetches.
actor JWKSEndpoint {
    var document: Data
    private(set) var fetches = 0

    init(_ document: Data) {
        self.document = document
    }

    func serve() -> Data {
        fetches += 1
        return document
    }

    func replace(with document: Data) {
        self.document = document
    }

    nonisolated func keys() -> ProviderKeys {
        ProviderKeys { [self] in await self.serve() }
    }
}
