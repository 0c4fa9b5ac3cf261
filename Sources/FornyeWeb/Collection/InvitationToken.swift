import Crypto
import Foundation

/// Invitation tokens: 256 random bits in URL-safe base64 (43 characters). Only their SHA-256
/// is stored, so the database alone cannot be used to answer on someone's behalf.
public enum InvitationToken {
    public static func generate() -> String {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Lower-case hex SHA-256 of the token.
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether the text could be a token (cheap check before any database lookup).
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 43
            && token.utf8.allSatisfy {
                ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 || $0 == 95
            }
    }
}

/// The fields of a URL-encoded form body in order, with repeated names kept (checkboxes).
struct FormFields: Sendable {
    var pairs: [(String, String)]

    init(body: String) {
        pairs = body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }
    func first(_ name: String) -> String? { pairs.first { $0.0 == name }?.1 }
}
