import Foundation
import Testing

@testable import FornyeStorage

/// RFC 6238's own test vectors (SHA-1, secret "12345678901234567890"), cut to six digits as the
/// app shows them, and RFC 4648's base32 vectors.
@Suite struct TOTPTests {
    static let rfcSecret = Array("12345678901234567890".utf8)

    @Test(arguments: [
        (59, "287082"), (1_111_111_109, "081804"), (1_111_111_111, "050471"), (1_234_567_890, "005924"),
        (2_000_000_000, "279037"), (20_000_000_000, "353130"),
    ])
    func rfc6238Vectors(_ vector: (Int, String)) {
        let totp = TOTP(secret: Self.rfcSecret)
        #expect(totp.code(step: TOTP.step(at: Date(timeIntervalSince1970: TimeInterval(vector.0)))) == vector.1)
    }

    @Test func aCodeIsGoodForOneStepEitherSideAndOnlyOnce() {
        let totp = TOTP(secret: Self.rfcSecret)
        let now = Date(timeIntervalSince1970: 1_111_111_111)
        let step = TOTP.step(at: now)
        #expect(totp.matchingStep(of: totp.code(step: step), at: now, after: nil) == step)
        #expect(totp.matchingStep(of: totp.code(step: step - 1), at: now, after: nil) == step - 1)
        #expect(totp.matchingStep(of: totp.code(step: step + 1), at: now, after: nil) == step + 1)
        #expect(totp.matchingStep(of: totp.code(step: step - 2), at: now, after: nil) == nil)
        // Used once: the same step, or an earlier one, is refused.
        #expect(totp.matchingStep(of: totp.code(step: step), at: now, after: step) == nil)
        #expect(totp.matchingStep(of: totp.code(step: step - 1), at: now, after: step - 1) == nil)
        // Spaces as apps show them ("050 471") are fine; other shapes are not.
        let spaced = String(totp.code(step: step).prefix(3)) + " " + String(totp.code(step: step).suffix(3))
        #expect(totp.matchingStep(of: spaced, at: now, after: nil) == step)
        for typed in ["", "12345", "1234567", "abcdef", "٠١٢٣٤٥"] {
            #expect(totp.matchingStep(of: typed, at: now, after: nil) == nil, "\(typed)")
        }
    }

    @Test func base32FollowsRFC4648() {
        let vectors = [
            ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI"),
        ]
        for (plain, encoded) in vectors {
            #expect(Base32.encode(Array(plain.utf8)) == encoded)
            #expect(Base32.decode(encoded) == Array(plain.utf8))
        }
        #expect(Base32.decode("mzxw 6ytb-oi==") == Array("foobar".utf8))
        #expect(Base32.decode("MZXW1") == nil)
        let secret = TOTP.newSecret()
        #expect(secret.count == 20)
        #expect(Base32.decode(Base32.encode(secret)) == secret)
    }

    @Test func theProvisioningAddressNamesTheIssuerAndAccount() throws {
        let uri = TOTP(secret: Self.rfcSecret).provisioningURI(account: "ola@example.no", issuer: "Fornye")
        let components = try #require(URLComponents(string: uri))
        #expect(components.scheme == "otpauth")
        #expect(components.host == "totp")
        #expect(components.path == "/Fornye:ola@example.no")
        #expect(components.queryItems?.first { $0.name == "secret" }?.value == Base32.encode(Self.rfcSecret))
        #expect(components.queryItems?.first { $0.name == "period" }?.value == "30")
    }

    @Test func recoveryCodesAreDistinctAndReadAsTyped() {
        let codes = RecoveryCodes.generate()
        #expect(codes.count == 10)
        #expect(Set(codes).count == 10)
        for code in codes {
            #expect(code.count == 11)
            #expect(RecoveryCodes.looksLikeRecoveryCode(code))
            #expect(!code.contains { "01ILO".contains($0) })
            #expect(
                RecoveryCodes.hash(code.lowercased().replacingOccurrences(of: "-", with: " "))
                    == RecoveryCodes.hash(code))
        }
        #expect(!RecoveryCodes.looksLikeRecoveryCode("123456"))
    }
}
