import Crypto
public import Foundation

/// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP) as every authenticator app
/// makes them by default: HMAC-SHA1, 30-second steps, six digits.
public struct TOTP: Sendable {
    public static let stepSeconds: TimeInterval = 30
    public static let digits = 6
    /// One step either side: a phone clock a little off, or a code typed as it turned over.
    public static let tolerance = 1

    public let secret: [UInt8]

    public init(secret: [UInt8]) { self.secret = secret }

    /// A new 160-bit secret (RFC 4226 recommends 160).
    public static func newSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    public static func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / stepSeconds).rounded(.down))
    }

    /// The code for a time step, zero-padded.
    public func code(step: Int64) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary =
            (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8)
            | UInt32(mac[offset + 3])
        let value = binary % 1_000_000
        let text = String(value)
        return String(repeating: "0", count: Self.digits - text.count) + text
    }

    /// The step a typed code belongs to, within the tolerance and after `usedStep` (a code is
    /// good once: a code seen over a shoulder cannot be used again); nil when it matches none.
    public func matchingStep(of typed: String, at date: Date, after usedStep: Int64?) -> Int64? {
        let digits = typed.filter { !$0.isWhitespace }
        guard digits.count == Self.digits, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else {
            return nil
        }
        let now = Self.step(at: date)
        for step in (now - Int64(Self.tolerance))...(now + Int64(Self.tolerance)) {
            if let usedStep, step <= usedStep { continue }
            if constantTimeEqual(code(step: step), digits) { return step }
        }
        return nil
    }

    /// The `otpauth://` address an authenticator app reads (typed or from a link).
    public func provisioningURI(account: String, issuer: String) -> String {
        var components = URLComponents()
        components.scheme = "otpauth"
        components.host = "totp"
        components.path = "/\(issuer):\(account)"
        components.queryItems = [
            URLQueryItem(name: "secret", value: Base32.encode(secret)),
            URLQueryItem(name: "issuer", value: issuer),
            URLQueryItem(name: "algorithm", value: "SHA1"),
            URLQueryItem(name: "digits", value: String(Self.digits)),
            URLQueryItem(name: "period", value: String(Int(Self.stepSeconds))),
        ]
        return components.string ?? ""
    }
}

func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let (x, y) = (Array(a.utf8), Array(b.utf8))
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
}
