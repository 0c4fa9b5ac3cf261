import Crypto
import Foundation

/// One-use codes for when the phone is lost: ten of them, shown once, stored as SHA-256 hashes.
/// Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L) give about 50 bits each,
/// enough for a code that only works after the password and is used once.
public enum RecoveryCodes {
    public static let count = 10
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    public static func generate() -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            let characters = (0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            return String(characters[0..<5]) + "-" + String(characters[5...])
        }
    }

    /// How a code is kept: as typed, without case, spaces or hyphens, hashed.
    public static func hash(_ code: String) -> String {
        let normalised = code.uppercased().filter { $0.isLetter || $0.isNumber }
        return SHA256.hash(data: Data(normalised.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// True for text shaped like a recovery code rather than a six-digit TOTP code.
    public static func looksLikeRecoveryCode(_ text: String) -> Bool {
        text.filter { $0.isLetter || $0.isNumber }.count == 10
    }
}
