import FornyeIdentity
import FornyeStorage
import FornyeTestSupport
import FornyeWeb
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

/// OpenID Connect sign-in end to end against a real local provider (scripts/oidc/provider.py,
/// authlib): discovery, authorize with PKCE, token exchange, ID-token validation, linking,
/// approval, sign-out at the provider, and every refusal the issue names. The provider process
/// is shared by the suite; the test user and the token's faults are chosen on the authorize URL.
@Suite(
    .serialized,
    .enabled(
        if: TestOIDCProvider.available,
        "python3 with authlib is missing (apt-get install python3-authlib); CI installs it"))
struct OIDCSignInTests {
    static let publicURL = "http://127.0.0.1:8120"

    func withProviderApp(
        database: TestDatabase = .sqlite, attemptsPerWindow: Int = 10,
        _ body: (Application, TestOIDCProvider) async throws -> Void
    ) async throws {
        let provider = try #require(TestOIDCProvider.shared, "the local OpenID Connect provider did not start")
        try await withTestApp(database: database, seedDemoContent: false) { settings in
            settings.publicBaseURL = Self.publicURL
            settings.loginAttemptsPerWindow = attemptsPerWindow
            settings.oidcProviders = [
                OIDCProviderSettings(
                    id: "test", issuer: provider.issuer, clientID: TestOIDCProvider.clientID,
                    clientSecret: TestOIDCProvider.clientSecret, displayName: "Testleverandør")
            ]
        } _: { app in
            try await body(app, provider)
        }
    }

    struct Started {
        var headers: HTTPHeaders
        var authorize: URLComponents
        var query: [String: String] {
            Dictionary(uniqueKeysWithValues: (authorize.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        }
    }

    /// The sign-in page's provider button: a form POST that sends the browser to the provider.
    func start(_ app: Application) async throws -> Started {
        var headers = try await publicHeaders(app)
        var location = ""
        try await app.testing().test(.GET, "/logg-inn", headers: headers) { response in
            #expect(response.body.string.contains("Logg inn med Testleverandør"))
        }
        try await app.testing().test(
            .POST, "/logg-inn/oidc/test", headers: headers,
            beforeRequest: { try $0.form(["neste": "/admin/brukere"], headers: headers) }
        ) { response in
            #expect(response.status == .seeOther)
            location = response.headers.first(name: .location) ?? ""
            let cookie = response.headers.setCookie?["fornye_oidc_state"]
            #expect(cookie?.isHTTPOnly == true)
            #expect(cookie?.sameSite == .lax)
            var cookies = headers.cookie ?? HTTPCookies()
            cookies["fornye_oidc_state"] = cookie.map { HTTPCookies.Value(string: $0.string) }
            headers.cookie = cookies
        }
        let authorize = try #require(URLComponents(string: location))
        return Started(headers: headers, authorize: authorize)
    }

    /// The provider's authorize step (auto-consent) with `test` parameters; returns the callback path and query.
    func authorize(_ app: Application, _ started: Started, _ test: [String: String]) async throws -> String {
        var url = started.authorize
        url.queryItems = (url.queryItems ?? []) + test.map { URLQueryItem(name: $0.key, value: $0.value) }
        let response = try await app.client.get(URI(string: url.string!))
        #expect(response.status == .found)
        let callback = try #require(response.headers.first(name: .location))
        #expect(callback.hasPrefix(Self.publicURL + "/logg-inn/oidc/test/svar?"))
        return String(callback.dropFirst(Self.publicURL.count))
    }

    struct Outcome {
        var status: HTTPResponseStatus
        var location: String?
        var session: HTTPCookies.Value?
        var body: String
    }

    func callback(_ app: Application, _ path: String, _ headers: HTTPHeaders) async throws -> Outcome {
        var outcome = Outcome(status: .internalServerError, body: "")
        try await app.testing().test(.GET, path, headers: headers) { response in
            outcome = Outcome(
                status: response.status, location: response.headers.first(name: .location),
                session: response.headers.setCookie?[SessionAuthenticator.cookieName], body: response.body.string)
        }
        return outcome
    }

    func signIn(_ app: Application, _ test: [String: String]) async throws -> Outcome {
        let started = try await start(app)
        return try await callback(app, try await authorize(app, started, test), started.headers)
    }

    func lastRefusal(_ app: Application) async throws -> String {
        try await AuditLog(database: app.db).entries(AuditFilter(action: .identitySignInFailed)).entries.first?.details
            ?? ""
    }

    @Test(arguments: TestDatabase.all) func verifiedEmailLinksAnInvitedAccountAndSignOutEndsAtTheProvider(
        database: TestDatabase
    ) async throws {
        try await withProviderApp(database: database) { app, provider in
            try await createUser(app, email: "kari@example.no", role: .admin)
            let started = try await start(app)
            #expect(started.query["code_challenge_method"] == "S256")
            #expect(started.query["scope"] == "openid email profile")
            #expect(started.query["code_challenge"]?.count == 43)
            #expect(started.query["nonce"]?.count == 43)
            #expect(started.query["state"]?.count == 43)
            let outcome = try await callback(
                app,
                try await authorize(app, started, ["test_sub": "kari-1", "test_email": "Kari@Example.no"]),
                started.headers)
            #expect(outcome.status == .seeOther)
            #expect(outcome.location == "/admin/brukere")
            let session = try #require(outcome.session)
            let linked = try await AuditLog(database: app.db).entries(AuditFilter(action: .identityLinked)).entries
            #expect(linked.first?.target == "kari@example.no")

            // Signed in as the linked admin, with no TOTP step; sign-out goes on to the provider.
            var headers = HTTPHeaders()
            headers.cookie = HTTPCookies(dictionaryLiteral: (SessionAuthenticator.cookieName, session))
            headers = try await withFormToken(app, headers, from: "/admin/brukere")
            try await app.testing().test(
                .POST, "/logg-ut", headers: headers, beforeRequest: { try $0.form([:], headers: headers) }
            ) { response in
                #expect(response.status == .seeOther)
                let location = response.headers.first(name: .location) ?? ""
                #expect(location.hasPrefix(provider.issuer + "/end-session?"))
                #expect(location.contains("id_token_hint=ey"))
                #expect(location.contains("post_logout_redirect_uri=http://127.0.0.1:8120/"))
            }
            try await app.testing().test(.GET, "/admin/brukere", headers: headers) { #expect($0.status != .ok) }
        }
    }

    @Test func unknownSubjectWaitsForAnAdminWhoApprovesIt() async throws {
        try await withProviderApp { app, _ in
            // An unverified e-mail does not link, even to an existing account.
            try await createUser(app, email: "ola@example.no", role: .analyst)
            let first = try await signIn(
                app, ["test_sub": "ola-9", "test_email": "ola@example.no", "test_email_verified": "0"])
            #expect(first.status == .forbidden)
            #expect(first.session == nil)
            #expect(first.body.contains("En administrator må godkjenne deg først"))

            let admin = try await FornyeWebTests.signIn(app, as: .admin)
            var page = ""
            try await app.testing().test(.GET, "/admin/identiteter", headers: admin) { page = $0.body.string }
            #expect(page.contains("ola-9"))
            let pending = try await ExternalIdentityStore(database: app.db).pending()
            let id = try #require(pending.first?.id)
            try await app.testing().test(
                .POST, "/admin/identiteter/\(id.uuidString)/godkjenn", headers: admin,
                beforeRequest: {
                    try $0.form(
                        [
                            "email": "ola.nordmann@example.no", "name": "Ola", "role": "municipality_editor",
                            "municipality": "4601",
                        ], headers: admin)
                }
            ) { #expect($0.status == .seeOther) }
            let approved = try await AuditLog(database: app.db).entries(AuditFilter(action: .identityApproved)).entries
            #expect(approved.first?.details?.contains("municipality_editor 4601") == true)

            let again = try await signIn(app, ["test_sub": "ola-9"])
            #expect(again.status == .seeOther)
            #expect(again.session != nil)
            let user = try #require(try await UserStore(database: app.db).find(email: "ola.nordmann@example.no"))
            #expect(user.municipalityNumber == "4601")
        }
    }

    @Test func rejectedIdentityCannotSignIn() async throws {
        try await withProviderApp { app, _ in
            _ = try await signIn(app, ["test_sub": "avvist-1"])
            let admin = try await FornyeWebTests.signIn(app, as: .admin)
            let id = try #require(try await ExternalIdentityStore(database: app.db).pending().first?.id)
            try await app.testing().test(
                .POST, "/admin/identiteter/\(id.uuidString)/avvis", headers: admin,
                beforeRequest: { try $0.form([:], headers: admin) }
            ) { #expect($0.status == .seeOther) }
            let outcome = try await signIn(app, ["test_sub": "avvist-1"])
            #expect(outcome.status == .unauthorized)
            #expect(try await lastRefusal(app).contains("rejected"))
        }
    }

    @Test func tokensThatFailValidationAreRefused() async throws {
        // Each refused sign-in counts twice (start and callback) against the address's limit.
        try await withProviderApp(attemptsPerWindow: 100) { app, _ in
            let cases: [([String: String], String)] = [
                (["test_aud": "another-client"], "not for this client"),
                (["test_exp_offset": "-600"], "expired"),
                (["test_bad_signature": "1"], "signature"),
                (["test_bad_signature": "1", "test_alg": "ES256"], "signature"),
                // Never unsigned, never HMAC with the client secret (algorithm confusion).
                (["test_alg": "none"], "only RS256 and ES256"),
                (["test_alg": "HS256"], "only RS256 and ES256"),
                // Several audiences: azp must name this client.
                (["test_aud": "\(TestOIDCProvider.clientID) another-client"], "azp"),
                (["test_aud": "\(TestOIDCProvider.clientID) another-client", "test_azp": "another-client"], "azp"),
            ]
            for (test, reason) in cases {
                let outcome = try await signIn(app, test.merging(["test_sub": "x"]) { $1 })
                #expect(outcome.status == .unauthorized, "\(test)")
                #expect(outcome.session == nil)
                #expect(try await lastRefusal(app).contains(reason), "\(test)")
            }
            // Within the leeway an expiry a few seconds ago is still fine (clock skew).
            let skewed = try await signIn(app, ["test_sub": "x", "test_exp_offset": "-5"])
            #expect(skewed.status == .forbidden, "pending approval, so past validation")
            let azp = try await signIn(
                app,
                [
                    "test_sub": "x", "test_aud": "\(TestOIDCProvider.clientID) another-client",
                    "test_azp": TestOIDCProvider.clientID,
                ])
            #expect(azp.status == .forbidden, "several audiences with azp = this client pass validation")
        }
    }

    @Test func replayedStateAndNonceAreRefused() async throws {
        try await withProviderApp { app, _ in
            try await createUser(app, email: "per@example.no", role: .analyst)
            let started = try await start(app)
            let path = try await authorize(app, started, ["test_sub": "per", "test_email": "per@example.no"])
            #expect(try await callback(app, path, started.headers).status == .seeOther)
            // The same callback again, with the same cookie: the state was used.
            let replay = try await callback(app, path, started.headers)
            #expect(replay.status == .unauthorized)
            #expect(try await lastRefusal(app).contains("used before"))

            // A new sign-in whose token carries the first sign-in's nonce.
            let second = try await start(app)
            let oldNonce = try #require(started.query["nonce"])
            let replayed = try await callback(
                app, try await authorize(app, second, ["test_sub": "per", "test_nonce": oldNonce]), second.headers)
            #expect(replayed.status == .unauthorized)
            #expect(try await lastRefusal(app).contains("nonce"))

            // A callback whose state is not this browser's.
            let third = try await start(app)
            var path3 = try await authorize(app, third, ["test_sub": "per"])
            path3 = path3.replacingOccurrences(of: "state=", with: "state=x")
            #expect(try await callback(app, path3, third.headers).status == .unauthorized)
            #expect(try await lastRefusal(app).contains("does not match"))
        }
    }

    @Test func keyRotationRefetchesTheJWKSOnce() async throws {
        try await withProviderApp { app, provider in
            try await createUser(app, email: "rot@example.no", role: .analyst)
            let claims = ["test_sub": "rot", "test_email": "rot@example.no"]
            for alg in ["RS256", "ES256"] {
                #expect(try await signIn(app, claims.merging(["test_alg": alg]) { $1 }).session != nil, "\(alg)")
            }
            // New keys, and the old ones gone from the JWKS: the cached keys do not know the new kids.
            for path in ["/control/rotate", "/control/drop-old-keys"] {
                let answer = try await app.client.post(URI(string: provider.issuer + path))
                #expect(answer.status == .ok)
            }
            for alg in ["ES256", "RS256"] {
                #expect(try await signIn(app, claims.merging(["test_alg": alg]) { $1 }).session != nil, "\(alg)")
            }
        }
    }

    func rows(_ app: Application, _ table: String) async throws -> Int {
        let sql = try #require(app.db as? any SQLDatabase)
        return try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self)
            ?? -1
    }

    /// Start and callback share the database's per-address limit (so it holds across instances),
    /// apart from password sign-ins; sign-ins that come through take their counts off again; a
    /// flood of callbacks with a forged state gets 429 once the limit is reached and writes nothing.
    @Test(arguments: TestDatabase.all) func identitySignInIsRateLimitedAndAFloodLeavesNoRows(database: TestDatabase)
        async throws
    {
        try await withProviderApp(database: database, attemptsPerWindow: 4) { app, _ in
            try await createUser(app, email: "flom@example.no", role: .analyst)
            for _ in 0..<6 {
                let outcome = try await signIn(app, ["test_sub": "flom", "test_email": "flom@example.no"])
                #expect(outcome.session != nil, "a sign-in that comes through does not count")
            }
            #expect(try await rows(app, "login_attempts") == 0)
            let usedStates = try await rows(app, "oidc_used_states")
            let audit = try await rows(app, "audit_log")

            let headers = try await publicHeaders(app)
            var statuses: [UInt] = []
            for index in 0..<30 {
                try await app.testing().test(
                    .GET, "/logg-inn/oidc/test/svar?state=forged\(index)&code=c\(index)", headers: headers
                ) { response in
                    statuses.append(response.status.code)
                    if response.status == .tooManyRequests {
                        #expect(Int(response.headers.first(name: .retryAfter) ?? "") ?? 0 > 0)
                        #expect(response.body.string.contains("For mange innloggingsforsøk"))
                    }
                }
            }
            #expect(statuses == Array(repeating: 401, count: 4) + Array(repeating: 429, count: 26))
            #expect(try await rows(app, "login_attempts") == 4)
            #expect(try await rows(app, "oidc_used_states") == usedStates)
            #expect(try await rows(app, "audit_log") == audit + 4, "one entry per refusal before the limit only")

            // The start is limited too; a password sign-in from the address is not.
            try await app.testing().test(
                .POST, "/logg-inn/oidc/test", headers: headers,
                beforeRequest: { try $0.form(["neste": "/"], headers: headers) }
            ) { #expect($0.status == .tooManyRequests) }
            _ = try await FornyeWebTests.signIn(app, as: .admin)
        }
    }
}
