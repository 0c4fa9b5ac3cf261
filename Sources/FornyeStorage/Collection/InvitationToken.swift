import Crypto
public import Foundation

/// Invitation tokens: 256 bits in URL-safe base64 (43 characters). Only their SHA-256 is
/// stored, so the database alone cannot be used to answer on someone's behalf.
public enum InvitationToken {
    /// A random token (links made before tokens were derived; tests of unknown links).
    public static func generate() -> String {
        urlSafe(SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
    }

    static func urlSafe(_ bytes: Data) -> String {
        bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Lower-case hex SHA-256 of the token.
    public static func hash(_ token: String) -> String {
        // By hand: `String(format:)` per byte was a third of resolving a questionnaire link.
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Whether the text could be a token (cheap check before any database lookup).
    public static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 43
            && token.utf8.allSatisfy {
                ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 || $0 == 95
            }
    }
}

/// The tokens of derived links: an HMAC-SHA256 of the invitation's id under a key derived from
/// the server secret. The same invitation always has the same token, so a links page or file
/// can be made again without changing a link already sent; a new link is a new invitation.
public struct InvitationTokens: Sendable {
    private let key: SymmetricKey

    public init(secret: ServerSecret) {
        key = secret.key(for: "invitation-links-v1")
    }

    public func token(for invitationID: UUID) -> String {
        let id = withUnsafeBytes(of: invitationID.uuid) { Data($0) }
        return InvitationToken.urlSafe(Data(HMAC<SHA256>.authenticationCode(for: id, using: key)))
    }
}
