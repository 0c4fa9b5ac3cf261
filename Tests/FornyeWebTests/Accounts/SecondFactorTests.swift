import Crypto
import Fluent
import FornyeStorage
import FornyeWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// TOTP as a second factor (issue 19): set up from the account page, asked for at sign-in, a
/// recovery code used once, turned off with a code. The codes are checked against Vapor's own TOTP.
@Suite struct SecondFactorTests {
    /// Turns TOTP on for the signed-in user through the pages; returns the app's generator and the recovery codes.
    static func turnOn(_ app: Application, _ headers: HTTPHeaders) async throws -> (FornyeStorage.TOTP, [String]) {
        try await app.testing().test(.GET, "/konto/tofaktor", headers: headers) { response in
            #expect(response.status == .ok)
            #expect(response.body.string.contains("Tofaktor er ikke slått på."))
        }
        try await app.testing().test(
            .POST, "/konto/tofaktor/start", headers: headers, beforeRequest: { try $0.form([:], headers: headers) }
        ) { #expect($0.status == .seeOther) }
        var page = ""
        try await app.testing().test(.GET, "/konto/tofaktor", headers: headers) { page = $0.body.string }
        let marker = "id=\"tofaktor-nokkel\">"
        let start = try #require(page.range(of: marker)?.upperBound)
        let end = try #require(page[start...].firstIndex(of: "<"))
        let secret = try #require(Base32.decode(String(page[start..<end])))
        let totp = FornyeStorage.TOTP(secret: secret)
        #expect(page.contains("otpauth://totp/Fornye:"))

        // The same secret in Vapor's TOTP gives the same codes: an independent check of ours.
        let vapor = Vapor.TOTP(key: SymmetricKey(data: secret), digest: .sha1, digits: .six, interval: 30)
        for offset in stride(from: 0.0, through: 3600, by: 450) {
            let time = Date().addingTimeInterval(offset)
            #expect(vapor.generate(time: time) == totp.code(step: FornyeStorage.TOTP.step(at: time)))
        }

        try await app.testing().test(
            .POST, "/konto/tofaktor/bekreft", headers: headers,
            beforeRequest: { try $0.form(["code": "12345"], headers: headers) }
        ) { #expect($0.status == .unprocessableEntity) }
        var codes: [String] = []
        try await app.testing().test(
            .POST, "/konto/tofaktor/bekreft", headers: headers,
            beforeRequest: {
                try $0.form(["code": totp.code(step: FornyeStorage.TOTP.step(at: Date()))], headers: headers)
            }
        ) { response in
            #expect(response.status == .ok)
            #expect(response.headers.cacheControl?.noStore == true)
            codes = response.body.string.matches(of: /<li><code>([A-Z2-9]{5}-[A-Z2-9]{5})<\/code><\/li>/).map {
                String($0.1)
            }
        }
        #expect(codes.count == 10)
        return (totp, codes)
    }

    /// `POST /logg-inn` with the password; returns the cookies (pending sign-in, CSRF) and the status.
    static func password(_ app: Application, _ email: String) async throws -> HTTPHeaders {
        var headers = try await publicHeaders(app)
        try await app.testing().test(
            .POST, "/logg-inn", headers: headers,
            beforeRequest: { try $0.form(["email": email, "password": testPassword], headers: headers) }
        ) { response in
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/logg-inn/kode")
            #expect(response.headers.setCookie?[SessionAuthenticator.cookieName] == nil, "no session before the code")
            var cookies = headers.cookie ?? HTTPCookies()
            for (name, value) in response.headers.setCookie?.all ?? [:] { cookies[name] = .init(string: value.string) }
            headers.cookie = cookies
        }
        return headers
    }

    /// `POST /logg-inn/kode`: the status, and whether a session cookie was set.
    static func code(_ app: Application, _ headers: HTTPHeaders, _ code: String) async throws -> Outcome {
        var outcome = Outcome(status: .internalServerError, session: false)
        try await app.testing().test(
            .POST, "/logg-inn/kode", headers: headers, beforeRequest: { try $0.form(["code": code], headers: headers) }
        ) { response in
            let session = response.headers.setCookie?[SessionAuthenticator.cookieName]?.string
            outcome = Outcome(status: response.status, session: session?.isEmpty == false)
        }
        return outcome
    }

    struct Outcome: Equatable {
        var status: HTTPResponseStatus
        var session: Bool
        static let signedIn = Outcome(status: .seeOther, session: true)
        static let refused = Outcome(status: .unauthorized, session: false)
        static let backToSignIn = Outcome(status: .seeOther, session: false)
    }

    @Test func signInAsksForTheCodeAndARecoveryCodeWorksOnce() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let email = "analytiker@example.no"
            let headers = try await signIn(app, as: .analyst, email: email)
            let (totp, codes) = try await Self.turnOn(app, headers)

            let pending = try await Self.password(app, email)
            try await app.testing().test(.GET, "/logg-inn/kode", headers: pending) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("autocomplete=\"one-time-code\""))
            }
            let next = FornyeStorage.TOTP.step(at: Date()) + 1
            let wrong = try #require(
                (0...9).map { String(repeating: "\($0)", count: 6) }.first { guess in
                    !((next - 2)...(next + 1)).contains { totp.code(step: $0) == guess }
                })
            #expect(try await Self.code(app, pending, wrong) == .refused)
            #expect(try await Self.code(app, pending, totp.code(step: next)) == .signedIn)
            // The same code again, in a new sign-in: refused (used once).
            let again = try await Self.password(app, email)
            #expect(try await Self.code(app, again, totp.code(step: next)) == .refused)
            #expect(try await Self.code(app, again, codes[0].lowercased()) == .signedIn)
            let third = try await Self.password(app, email)
            #expect(try await Self.code(app, third, codes[0]) == .refused)

            // Without the pending cookie, or with a forged one, the code page sends back to sign-in.
            let anonymous = try await publicHeaders(app)
            #expect(try await Self.code(app, anonymous, codes[1]) == .backToSignIn)
            var forged = third
            var cookies = forged.cookie ?? HTTPCookies()
            let value = try #require(cookies["fornye_pending_sign_in"]?.string)
            cookies["fornye_pending_sign_in"] = .init(string: UUID().uuidString + value.dropFirst(36))
            forged.cookie = cookies
            try await app.testing().test(
                .POST, "/logg-inn/kode", headers: forged,
                beforeRequest: { try $0.form(["code": codes[2]], headers: forged) }
            ) { response in
                #expect(response.headers.first(name: .location) == "/logg-inn")
                #expect(response.headers.setCookie?[SessionAuthenticator.cookieName] == nil)
            }
            let audit = try await AuditEntryRecord.query(on: app.db).all().map(\.action)
            #expect(audit.contains("login.recovery-code-used"))
            #expect(audit.contains("login.second-factor-failed"))
        }
    }

    @Test func turningItOffNeedsACurrentCode() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let email = "admin2@example.no"
            let headers = try await signIn(app, as: .admin, email: email)
            let (totp, codes) = try await Self.turnOn(app, headers)
            try await app.testing().test(
                .POST, "/konto/tofaktor/av", headers: headers,
                beforeRequest: { try $0.form(["code": codes[0]], headers: headers) }
            ) { #expect($0.status == .unprocessableEntity, "a recovery code does not turn it off") }
            let next = FornyeStorage.TOTP.step(at: Date()) + 1
            try await app.testing().test(
                .POST, "/konto/tofaktor/av", headers: headers,
                beforeRequest: { try $0.form(["code": totp.code(step: next)], headers: headers) }
            ) { #expect($0.status == .seeOther) }
            // Off: the password alone signs in again.
            _ = try await logIn(app, email: email, password: testPassword)
        }
    }
}
