import FornyeStorage
import FornyeWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// The CSRF token is an HMAC of the session (or, before sign-in, of the pre-session cookie)
/// under the server's key, and a form sent from another site is refused by its Origin.
@Suite struct CSRFTests {
    /// POST /logg-inn with an unknown address: 401 when the CSRF check let it through, 403 when not.
    static func signInAttempt(
        _ app: Application, headers: HTTPHeaders, token: String, extra: [(HTTPHeaders.Name, String)] = []
    ) async throws -> HTTPResponseStatus {
        var headers = headers
        for (name, value) in extra { headers.replaceOrAdd(name: name, value: value) }
        var status = HTTPResponseStatus.internalServerError
        try await app.testing().test(
            .POST, "/logg-inn", headers: headers,
            beforeRequest: { request in
                try request.formWithoutToken([
                    "email": "ingen@example.no", "password": "x", CSRFMiddleware.fieldName: token,
                ])
            }
        ) { response in status = response.status }
        return status
    }

    /// What the token of a pre-session value is: base64url(HMAC-SHA256(key, "pre-session:" + value)).
    static func preSessionToken(_ value: String, key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(("pre-session:" + value).utf8), using: key)
        return Data(mac).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Many refused sign-ins from one address: no rate limit in the way.
    static func settings(_ settings: inout WebSettings) { settings.loginAttemptsPerWindow = 1000 }

    @Test func aPlantedCookieAndFieldPairIsRefused() async throws {
        try await withTestApp(seedDemoContent: false, adjust: Self.settings) { app in
            let planted = String(repeating: "a", count: 43)
            var headers = HTTPHeaders()
            headers.cookie = [CSRFMiddleware.cookieName: HTTPCookies.Value(string: planted)]
            // The old double-submit pair: the same value as cookie and field.
            #expect(try await Self.signInAttempt(app, headers: headers, token: planted) == .forbidden)
            // An HMAC of the planted value under any key but the server's.
            let otherKey = ServerSecret.random().key(for: "csrf-v1")
            #expect(
                try await Self.signInAttempt(app, headers: headers, token: Self.preSessionToken(planted, key: otherKey))
                    == .forbidden)
            // Only the server's key makes the token (which is why the pair cannot be made without it).
            let serverKey = app.fornyeSettings.secret.key(for: "csrf-v1")
            #expect(
                try await Self.signInAttempt(
                    app, headers: headers, token: Self.preSessionToken(planted, key: serverKey))
                    == .unauthorized)
            // A page's own token works with its own cookie, not with another.
            let visitor = try await publicHeaders(app)
            #expect(try await Self.signInAttempt(app, headers: visitor, token: visitor.csrfToken) == .unauthorized)
            #expect(try await Self.signInAttempt(app, headers: headers, token: visitor.csrfToken) == .forbidden)
            #expect(try await UserSessionRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func aTokenFromAnotherSessionIsRefused() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let first = try await signIn(app, as: .analyst)
            let second = try await signIn(app, as: .analyst)
            #expect(first.csrfToken != second.csrfToken)
            // Sign-out is a form: the second session with the first one's token stays signed in.
            try await app.testing().test(
                .POST, "/logg-ut", headers: second, beforeRequest: { try $0.form([:], headers: first) }
            ) { response in
                #expect(response.status == .forbidden)
            }
            #expect(try await UserSessionRecord.query(on: app.db).count() == 2)
            // A cookie and token a forger got from the sign-in page, planted beside the session.
            let forger = try await publicHeaders(app)
            var planted = second
            planted.cookie?[CSRFMiddleware.cookieName] = forger.cookie?[CSRFMiddleware.cookieName]
            try await app.testing().test(
                .POST, "/logg-ut", headers: planted, beforeRequest: { try $0.form([:], headers: forger) }
            ) { response in
                #expect(response.status == .forbidden)
            }
            #expect(try await UserSessionRecord.query(on: app.db).count() == 2)
            try await app.testing().test(
                .POST, "/logg-ut", headers: second, beforeRequest: { try $0.form([:], headers: second) }
            ) { response in
                #expect(response.status == .seeOther)
            }
            #expect(try await UserSessionRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func signInReplacesTheToken() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            try await createUser(app, email: "a@example.no", role: .analyst)
            let before = try await publicHeaders(app)
            let after = try await logIn(app, email: "a@example.no", password: testPassword)
            #expect(!after.csrfToken.isEmpty && after.csrfToken != before.csrfToken)
            #expect(after.csrfCookie != nil && after.csrfCookie != before.csrfCookie)
            // The token of the page before sign-in does not work in the session.
            var withOldToken = after
            withOldToken.replaceOrAdd(name: testFormTokenHeader, value: before.csrfToken)
            try await app.testing().test(
                .POST, "/logg-ut", headers: after, beforeRequest: { try $0.form([:], headers: withOldToken) }
            ) { response in
                #expect(response.status == .forbidden)
            }
            #expect(try await UserSessionRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func aFormFromAnotherSiteIsRefused() async throws {
        try await withTestApp(seedDemoContent: false, adjust: Self.settings) { app in
            let visitor = try await publicHeaders(app)
            let token = visitor.csrfToken
            func attempt(_ extra: [(HTTPHeaders.Name, String)]) async throws -> HTTPResponseStatus {
                try await Self.signInAttempt(app, headers: visitor, token: token, extra: extra)
            }
            #expect(try await attempt([(.origin, "https://evil.example")]) == .forbidden)
            #expect(try await attempt([(.origin, "http://127.0.0.1:8081")]) == .forbidden)
            #expect(try await attempt([(.origin, "https://127.0.0.1:8080")]) == .forbidden)
            #expect(try await attempt([(.origin, "not an origin")]) == .forbidden)
            // Without Origin the Referer decides; `Origin: null` says nothing, so it does too.
            #expect(try await attempt([(.referer, "https://evil.example/side")]) == .forbidden)
            #expect(try await attempt([(.origin, "null"), (.referer, "https://evil.example/")]) == .forbidden)
            // The Host a forger's page would name is not the one the request came to.
            #expect(try await attempt([(.host, "fornye.test"), (.origin, "http://evil.test")]) == .forbidden)
            let refused = try await app.testing().sendRequest(
                .POST, "/logg-inn", headers: ["Origin": "https://evil.example"])
            #expect(refused.body.string.contains("annet nettsted"))
        }
    }

    @Test func aFormFromThisSiteIsAccepted() async throws {
        try await withTestApp(seedDemoContent: false, adjust: Self.settings) { app in
            let visitor = try await publicHeaders(app)
            let token = visitor.csrfToken
            func attempt(_ extra: [(HTTPHeaders.Name, String)]) async throws -> HTTPResponseStatus {
                try await Self.signInAttempt(app, headers: visitor, token: token, extra: extra)
            }
            // The configured public address (the test default), its pages as Referer, and the
            // request's own Host, with the port as written or the scheme's default.
            #expect(try await attempt([(.origin, "http://127.0.0.1:8080")]) == .unauthorized)
            #expect(try await attempt([(.origin, "HTTP://127.0.0.1:8080")]) == .unauthorized)
            #expect(try await attempt([(.referer, "http://127.0.0.1:8080/logg-inn?neste=/")]) == .unauthorized)
            #expect(
                try await attempt([(.host, "fornye.test:8443"), (.origin, "http://fornye.test:8443")]) == .unauthorized)
            #expect(try await attempt([(.host, "Fornye.test"), (.origin, "http://fornye.test:80")]) == .unauthorized)
            #expect(try await attempt([(.host, "[::1]:8080"), (.origin, "http://[::1]:8080")]) == .unauthorized)
            // A page with Referrer-Policy: no-referrer (the questionnaire) posts with `Origin: null`;
            // clients that send neither header pass on the token alone.
            #expect(try await attempt([(.origin, "null")]) == .unauthorized)
            #expect(try await attempt([]) == .unauthorized)
            // The token still applies to them.
            #expect(
                try await Self.signInAttempt(app, headers: visitor, token: "x", extra: [(.origin, "null")])
                    == .forbidden)
        }
    }

    @Test func theQuestionnaireTakesFormsWithOriginNullButNotFromAnotherSite() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app)
            let path = "/svar/\(fixture.tokens[0])/side/1"
            var browser = try await publicHeaders(app)
            browser.replaceOrAdd(name: .origin, value: "https://evil.example")
            let foreign = try await postForm(app, path, nonInnovatorPages[0] + [("action", "next")], headers: browser)
            #expect(foreign.status == .forbidden)
            browser.replaceOrAdd(name: .origin, value: "null")
            let sent = try await postForm(app, path, nonInnovatorPages[0] + [("action", "next")], headers: browser)
            #expect(sent.status == .seeOther)
        }
    }

    @Test func behindTLSTheCookieHasTheHostPrefix() async throws {
        try await withTestApp(
            seedDemoContent: false,
            adjust: {
                $0.behindTLS = true; $0.loginAttemptsPerWindow = 1000
            }
        ) {
            app in
            let visitor = try await publicHeaders(app)
            try await app.testing().test(.GET, "/logg-inn") { response in
                let setCookie = response.headers[.setCookie].joined(separator: "\n")
                #expect(setCookie.contains("\(CSRFMiddleware.hostCookieName)="))
                #expect(setCookie.contains("Secure"))
                #expect(setCookie.contains("Path=/"))
                #expect(!setCookie.lowercased().contains("domain="))
            }
            let value = try #require(visitor.cookie?[CSRFMiddleware.hostCookieName]?.string)
            #expect(try await Self.signInAttempt(app, headers: visitor, token: visitor.csrfToken) == .unauthorized)
            // The same value in a cookie without the prefix (which any subdomain could set) is not read.
            var unprefixed = HTTPHeaders()
            unprefixed.cookie = [CSRFMiddleware.cookieName: HTTPCookies.Value(string: value)]
            #expect(try await Self.signInAttempt(app, headers: unprefixed, token: visitor.csrfToken) == .forbidden)
            // Behind TLS the own Host counts over https only.
            #expect(
                try await Self.signInAttempt(
                    app, headers: visitor, token: visitor.csrfToken,
                    extra: [(.host, "fornye.test"), (.origin, "http://fornye.test")]) == .forbidden)
            #expect(
                try await Self.signInAttempt(
                    app, headers: visitor, token: visitor.csrfToken,
                    extra: [(.host, "fornye.test"), (.origin, "https://fornye.test")]) == .unauthorized)
        }
    }
}
