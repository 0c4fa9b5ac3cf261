public import Foundation
import JWTKit

/// Who a provider says signed in, after the ID token passed every check.
public struct VerifiedIdentity: Sendable, Equatable {
    public var issuer: String
    public var subject: String
    /// Lower-cased; nil when the provider sent none.
    public var email: String?
    public var emailVerified: Bool
    public var name: String?
    /// The raw ID token, kept for `id_token_hint` at sign-out.
    public var idToken: String
}

/// Checks an ID token (OpenID Connect Core 1.0 §3.1.3.7): signature against the provider's JWKS
/// (RS256 or ES256 only, never `none` or HMAC), issuer, audience and `azp`, expiry, issue time and
/// `nbf` (when present) with a small leeway for clock skew, and the nonce this browser was given.
public struct IDTokenValidator: Sendable {
    public static let allowedAlgorithms: Set<String> = ["RS256", "ES256"]
    public static let maximumTokenBytes = 16 * 1024

    public var issuer: String
    public var clientID: String
    public var leeway: TimeInterval

    public init(issuer: String, clientID: String, leeway: TimeInterval = 60) {
        self.issuer = issuer
        self.clientID = clientID
        self.leeway = leeway
    }

    private struct Header: Decodable {
        var alg: String
        var kid: String?
    }

    public func validate(_ token: String, nonce: String, keys: ProviderKeys, now: Date = Date()) async throws
        -> VerifiedIdentity
    {
        guard token.utf8.count <= Self.maximumTokenBytes else { throw OIDCError.documentTooLarge("ID token") }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerData = Base64URL.decode(parts[0]),
            let header = try? JSONDecoder().decode(Header.self, from: headerData)
        else { throw OIDCError.malformed("ID token") }
        guard Self.allowedAlgorithms.contains(header.alg) else { throw OIDCError.algorithmNotAllowed(header.alg) }
        guard let kid = header.kid, !kid.isEmpty else { throw OIDCError.missingClaim("kid") }
        let collection = try await keys.collection(for: kid)
        let claims: IDTokenClaims
        do {
            claims = try await collection.verify(token, as: IDTokenClaims.self)
        } catch {
            throw OIDCError.badSignature
        }
        guard claims.iss == issuer else { throw OIDCError.issuerMismatch(expected: issuer, got: claims.iss ?? "") }
        let audiences = claims.aud?.value ?? []
        guard audiences.contains(clientID) else { throw OIDCError.audienceMismatch }
        if audiences.count > 1 || claims.azp != nil, claims.azp != clientID {
            throw OIDCError.authorizedPartyMismatch
        }
        guard let exp = claims.exp else { throw OIDCError.missingClaim("exp") }
        guard now.timeIntervalSince1970 < exp + leeway else { throw OIDCError.expired }
        guard let iat = claims.iat else { throw OIDCError.missingClaim("iat") }
        guard iat - leeway <= now.timeIntervalSince1970 else { throw OIDCError.issuedInFuture }
        if let nbf = claims.nbf, nbf - leeway > now.timeIntervalSince1970 { throw OIDCError.notYetValid }
        guard claims.nonce == nonce else { throw OIDCError.nonceMismatch }
        guard let subject = claims.sub, !subject.isEmpty, subject.utf8.count <= 255 else {
            throw OIDCError.missingClaim("sub")
        }
        let email = claims.email.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.flatMap {
            $0.isEmpty || $0.utf8.count > 254 ? nil : $0
        }
        let name = claims.name.map { String($0.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200)) }
        return VerifiedIdentity(
            issuer: issuer, subject: subject, email: email, emailVerified: claims.emailVerified,
            name: name?.isEmpty == true ? nil : name, idToken: token)
    }
}

/// The ID token's claims Fornye reads. Checked by `IDTokenValidator` with its own clock and
/// nonce, so `verify(using:)` (which jwt-kit calls after the signature) has nothing to add.
struct IDTokenClaims: JWTPayload {
    var iss: String?
    var sub: String?
    var aud: AudienceClaim?
    var azp: String?
    var exp: Double?
    var iat: Double?
    var nbf: Double?
    var nonce: String?
    var email: String?
    var name: String?
    var emailVerified: Bool

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, azp, exp, iat, nbf, nonce, email, name
        case emailVerified = "email_verified"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        iss = try container.decodeIfPresent(String.self, forKey: .iss)
        sub = try container.decodeIfPresent(String.self, forKey: .sub)
        aud = try container.decodeIfPresent(AudienceClaim.self, forKey: .aud)
        azp = try container.decodeIfPresent(String.self, forKey: .azp)
        exp = try container.decodeIfPresent(Double.self, forKey: .exp)
        iat = try container.decodeIfPresent(Double.self, forKey: .iat)
        nbf = try container.decodeIfPresent(Double.self, forKey: .nbf)
        nonce = try container.decodeIfPresent(String.self, forKey: .nonce)
        email = try? container.decodeIfPresent(String.self, forKey: .email)
        name = try? container.decodeIfPresent(String.self, forKey: .name)
        // Some providers send "true" as a string; anything else is not verified.
        if let flag = try? container.decodeIfPresent(Bool.self, forKey: .emailVerified) {
            emailVerified = flag
        } else {
            emailVerified = (try? container.decodeIfPresent(String.self, forKey: .emailVerified)) == "true"
        }
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
