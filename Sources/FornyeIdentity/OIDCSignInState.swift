public import Crypto
public import Foundation

/// What a started OpenID Connect sign-in must remember until the provider sends the browser back:
/// the provider, `state`, `nonce`, the PKCE verifier and where to go after. Kept in a short-lived
/// cookie signed with a key derived from the server secret (like the pending second-factor
/// sign-in), so it is bound to this browser and any instance can finish the sign-in.
public struct OIDCSignInState: Codable, Sendable, Equatable {
    public static let lifetime: TimeInterval = 600

    public var providerID: String
    public var state: String
    public var nonce: String
    public var verifier: String
    public var next: String
    public var expires: Date
    /// The rate limiter's count of this start, taken off when the sign-in comes through, so only
    /// failed and abandoned sign-ins count against the address.
    public var attempt: UUID?

    public init(providerID: String, next: String, attempt: UUID? = nil, now: Date = Date()) {
        self.providerID = providerID
        self.state = PKCE.randomValue()
        self.nonce = PKCE.randomValue()
        self.verifier = PKCE.randomValue()
        self.next = next
        self.attempt = attempt
        self.expires = now.addingTimeInterval(Self.lifetime)
    }

    public func sealed(key: SymmetricKey) -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let payload = Base64URL.encode((try? encoder.encode(self)) ?? Data())
        let mac = HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: key)
        return payload + "." + Base64URL.encode(Data(mac))
    }

    /// The state a cookie holds, if its signature is right and it has not expired.
    public static func open(_ text: String, key: SymmetricKey, now: Date = Date()) -> OIDCSignInState? {
        guard text.utf8.count <= 4096 else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let mac = Base64URL.decode(parts[1]),
            HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(parts[0].utf8), using: key),
            let json = Base64URL.decode(parts[0])
        else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        guard let state = try? decoder.decode(OIDCSignInState.self, from: json), state.expires > now else { return nil }
        return state
    }
}
