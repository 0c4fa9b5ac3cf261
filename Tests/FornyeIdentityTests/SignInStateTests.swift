import Crypto
import FornyeIdentity
import Foundation
import Testing

/// PKCE (RFC 7636) and the signed sign-in state that rides in a cookie from start to callback.
@Suite struct SignInStateTests {
    @Test func pkceMatchesRFC7636AppendixB() {
        #expect(
            PKCE.challenge(verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
                == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        let values = Set((0..<100).map { _ in PKCE.randomValue() })
        #expect(values.count == 100)
        #expect(
            values.allSatisfy { $0.count == 43 && $0.allSatisfy { $0.isLetter || $0.isNumber || "-_".contains($0) } })
    }

    @Test func theStateOpensOnlyWithItsKeyUntouchedAndInTime() throws {
        let key = SymmetricKey(size: .bits256)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let attempt = UUID()
        let state = OIDCSignInState(providerID: "entra", next: "/analyse", attempt: attempt, now: now)
        let sealed = state.sealed(key: key)
        let opened = try #require(OIDCSignInState.open(sealed, key: key, now: now.addingTimeInterval(599)))
        #expect(opened == state)
        #expect(opened.attempt == attempt)
        #expect(OIDCSignInState.open(sealed, key: key, now: now.addingTimeInterval(601)) == nil, "expired")
        #expect(OIDCSignInState.open(sealed, key: SymmetricKey(size: .bits256), now: now) == nil, "another key")
        let parts = sealed.split(separator: ".")
        var payload = try #require(Base64URL.decode(parts[0]))
        payload[payload.startIndex + 2] ^= 0x01
        #expect(OIDCSignInState.open(Base64URL.encode(payload) + "." + parts[1], key: key, now: now) == nil)
        #expect(OIDCSignInState.open(String(repeating: "a", count: 5000), key: key, now: now) == nil)
        #expect(OIDCSignInState.open("", key: key, now: now) == nil)
    }

    @Test func settingsComeFromTheEnvironmentOrNameTheBadVariable() throws {
        let environment = [
            "FORNYE_OIDC_ENTRA_ISSUER": "https://login.microsoftonline.com/t/v2.0",
            "FORNYE_OIDC_ENTRA_CLIENT_ID": "id", "FORNYE_OIDC_ENTRA_CLIENT_SECRET": "secret",
            "FORNYE_OIDC_ENTRA_SCOPES": "email profile",
        ]
        let providers = try OIDCProviderSettings.fromEnvironment(environment)
        #expect(providers.map(\.id) == ["entra"])
        #expect(providers.first?.scopes == ["openid", "email", "profile"])
        #expect(providers.first?.displayName == "Entra")
        var broken = environment
        broken["FORNYE_OIDC_ENTRA_CLIENT_SECRET"] = nil
        #expect(throws: OIDCSettingsError.missing("FORNYE_OIDC_ENTRA_CLIENT_SECRET")) {
            try OIDCProviderSettings.fromEnvironment(broken)
        }
        broken = environment
        broken["FORNYE_OIDC_ENTRA_ISSUER"] = "http://login.example.no"
        #expect(throws: OIDCSettingsError.invalidIssuer("FORNYE_OIDC_ENTRA_ISSUER", "http://login.example.no")) {
            try OIDCProviderSettings.fromEnvironment(broken)
        }
        broken = environment
        broken["FORNYE_OIDC_ENTRA_CLIENT_ID"] = "a\u{1}b"
        #expect(throws: OIDCSettingsError.invalidValue("FORNYE_OIDC_ENTRA_CLIENT_ID")) {
            try OIDCProviderSettings.fromEnvironment(broken)
        }
        #expect(throws: OIDCSettingsError.invalidID("FORNYE_OIDC_en_ISSUER")) {
            try OIDCProviderSettings.fromEnvironment(["FORNYE_OIDC_en_ISSUER": "https://a.no"])
        }
    }
}
