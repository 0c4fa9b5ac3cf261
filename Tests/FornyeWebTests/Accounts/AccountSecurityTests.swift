import Fluent
import FornyeStorage
import FornyeWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// Lockout, rate limit, session expiry, CSRF refusal and the `?neste=` target.
@Suite struct AccountSecurityTests {
    /// Posts the login form; returns the response status and Location.
    static func attempt(
        _ app: Application, email: String, password: String, next: String? = nil, forwardedFor: String? = nil
    ) async throws -> (HTTPResponseStatus, String?, HTTPHeaders) {
        var anonymous = try await publicHeaders(app)
        if let forwardedFor { anonymous.add(name: .xForwardedFor, value: forwardedFor) }
        var result: (HTTPResponseStatus, String?, HTTPHeaders) = (.internalServerError, nil, [:])
        try await app.testing().test(
            .POST, "/logg-inn", headers: anonymous,
            beforeRequest: { request in
                var fields = ["email": email, "password": password]
                if let next { fields["neste"] = next }
                try request.form(fields, headers: anonymous)
            }
        ) { response in
            result = (response.status, response.headers.first(name: .location), response.headers)
        }
        return result
    }

    @Test func fiveFailuresLockTheAccountForFifteenMinutes() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let user = try await createUser(app, email: "a@example.no", role: .analyst)
            for _ in 1...4 {
                #expect(
                    try await Self.attempt(app, email: "a@example.no", password: "wrong password!").0 == .unauthorized)
            }
            #expect(try await UserRecord.find(user.id, on: app.db)?.lockedUntil == nil)
            #expect(try await Self.attempt(app, email: "a@example.no", password: "wrong password!").0 == .unauthorized)
            let locked = try #require(try await UserRecord.find(user.id, on: app.db))
            let until = try #require(locked.lockedUntil)
            #expect(abs(until.timeIntervalSinceNow - 15 * 60) < 60)
            // The right password does not help while locked.
            #expect(try await Self.attempt(app, email: "a@example.no", password: testPassword).0 == .unauthorized)
            #expect(try await UserSessionRecord.query(on: app.db).count() == 0)
            let actions = try await AuditLog(database: app.db).entries().entries.map(\.action)
            #expect(actions.filter { $0 == AuditAction.accountLocked.rawValue }.count == 1)
            #expect(actions.filter { $0 == AuditAction.loginFailed.rawValue }.count == 6)
            // When the lock has run out, the right password works and the count starts again.
            locked.lockedUntil = Date().addingTimeInterval(-1)
            try await locked.save(on: app.db)
            #expect(try await Self.attempt(app, email: "a@example.no", password: testPassword).0 == .seeOther)
        }
    }

    @Test func tenAttemptsFromOneAddressAreRateLimited() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            for _ in 1...10 {
                #expect(try await Self.attempt(app, email: "nobody@example.no", password: "x").0 == .unauthorized)
            }
            let (status, _, headers) = try await Self.attempt(app, email: "nobody@example.no", password: "x")
            #expect(status == .tooManyRequests)
            let retryAfter = try #require(headers.first(name: .retryAfter).flatMap(Int.init))
            #expect(retryAfter > 0 && retryAfter <= 15 * 60)
        }
    }

    @Test func onlyFailuresCountTowardTheAddressLimit() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            try await createUser(app, email: "a@example.no", role: .analyst)
            // A whole office behind one address signs in all day.
            for _ in 1...20 {
                #expect(try await Self.attempt(app, email: "a@example.no", password: testPassword).0 == .seeOther)
            }
            // Guessing from the same address is still limited after ten failures.
            for _ in 1...10 {
                #expect(try await Self.attempt(app, email: "nobody@example.no", password: "x").0 == .unauthorized)
            }
            #expect(try await Self.attempt(app, email: "a@example.no", password: testPassword).0 == .tooManyRequests)
        }
    }

    @Test func anIdleSessionExpiresAndTheLoginPageSaysSo() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let headers = try await signIn(app, as: .admin)
            let session = try #require(try await UserSessionRecord.query(on: app.db).first())
            session.lastSeenAt = Date().addingTimeInterval(-SessionStore.idleTimeout - 1)
            try await session.save(on: app.db)
            try await app.testing().test(.GET, "/admin/logg?side=2&handling=logout", headers: headers) { response in
                #expect(response.status == .seeOther)
                #expect(
                    response.headers.first(name: .location)
                        == "/logg-inn?utlopt=1&neste=/admin/logg%3Fside%3D2%26handling%3Dlogout")
                #expect(response.headers.setCookie?[SessionAuthenticator.cookieName]?.string == "")
            }
            #expect(try await UserSessionRecord.query(on: app.db).count() == 0)
            try await app.testing().test(.GET, "/logg-inn?utlopt=1&neste=%2Fadmin%2Flogg%3Fside%3D2") { response in
                #expect(response.body.string.contains("Økten er utløpt"))
                #expect(response.body.string.contains("value=\"/admin/logg?side=2\""))
            }
        }
    }

    @Test func aSessionEndsTwelveHoursAfterSignInHoweverActive() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let headers = try await signIn(app, as: .analyst)
            try await app.testing().test(.GET, "/konto/passord", headers: headers) { #expect($0.status == .ok) }
            let session = try #require(try await UserSessionRecord.query(on: app.db).first())
            #expect(abs(session.expiresAt.timeIntervalSince(session.createdAt) - 12 * 3600) < 1)
            session.expiresAt = Date().addingTimeInterval(-1)
            try await session.save(on: app.db)
            try await app.testing().test(.GET, "/konto/passord", headers: headers) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location)?.hasPrefix("/logg-inn?utlopt=1") == true)
            }
        }
    }

    @Test func aPostWithoutOrWithAWrongCSRFTokenIsRefusedAndChangesNothing() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let headers = try await signIn(app, as: .admin)
            let fields = ["email": "ny@example.no", "name": "Ny", "role": "analyst"]
            try await app.testing().test(
                .POST, "/admin/brukere", headers: headers, beforeRequest: { try $0.formWithoutToken(fields) }
            ) { response in
                #expect(response.status == .forbidden)
            }
            try await app.testing().test(
                .POST, "/admin/brukere", headers: headers,
                beforeRequest: { request in
                    var wrong = fields
                    wrong[CSRFMiddleware.fieldName] = String(repeating: "A", count: 43)
                    try request.formWithoutToken(wrong)
                }
            ) { response in
                #expect(response.status == .forbidden)
            }
            // Sign-out is a form too: without the token the session stays.
            try await app.testing().test(.POST, "/logg-ut", headers: headers) { response in
                #expect(response.status == .forbidden)
            }
            #expect(try await UserRecord.query(on: app.db).count() == 1)
            #expect(try await UserSessionRecord.query(on: app.db).count() == 1)
            // The same request with the token works.
            try await app.testing().test(
                .POST, "/admin/brukere", headers: headers, beforeRequest: { try $0.form(fields, headers: headers) }
            ) { response in
                #expect(response.status == .created)
            }
            #expect(try await UserRecord.query(on: app.db).count() == 2)
        }
    }

    @Test(arguments: [
        ("//evil.example/", "/"), ("https://evil.example/", "/"), ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"), ("/%0d%0aSet-Cookie:x", "/%0d%0aSet-Cookie:x"), ("/logg-ut", "/"),
        ("/admin/logg?side=2", "/admin/logg?side=2"), ("", "/"),
    ])
    func theReturnTargetIsALocalPathOnly(next: String, expected: String) async throws {
        try await withTestApp(seedDemoContent: false) { app in
            try await createUser(app, email: "a@example.no", role: .admin)
            let (status, location, _) = try await Self.attempt(
                app, email: "a@example.no", password: testPassword, next: next)
            #expect(status == .seeOther)
            #expect(location == expected)
        }
    }

    @Test func behindTLSTheCookieIsSecureAndTheLimitIsPerForwardedAddress() async throws {
        try await withTestApp(seedDemoContent: false, adjust: { $0.behindTLS = true }) { app in
            try await createUser(app, email: "a@example.no", role: .analyst)
            // The client cannot pick its address: the proxy's entry (the last) counts.
            for index in 1...10 {
                let (status, _, _) = try await Self.attempt(
                    app, email: "a@example.no", password: "x", forwardedFor: "10.0.0.\(index), 192.0.2.7")
                #expect(status == .unauthorized)
            }
            let limited = try await Self.attempt(
                app, email: "a@example.no", password: testPassword, forwardedFor: "192.0.2.7")
            #expect(limited.0 == .tooManyRequests)
            let other = try await Self.attempt(
                app, email: "a@example.no", password: testPassword, forwardedFor: "192.0.2.8")
            // The failures also locked the account, so even the right password is refused...
            #expect(other.0 == .unauthorized)
            let user = try #require(try await UserStore(database: app.db).find(email: "a@example.no"))
            user.lockedUntil = nil
            try await user.save(on: app.db)
            // ...until the lock is lifted; from another address, not rate limited.
            let (status, _, headers) = try await Self.attempt(
                app, email: "a@example.no", password: testPassword, forwardedFor: "192.0.2.8")
            #expect(status == .seeOther)
            let setCookie = headers[.setCookie].joined(separator: "\n")
            #expect(setCookie.contains("fornye_session="))
            #expect(setCookie.contains("Secure"))
        }
    }

    @Test func signingInAgainReplacesTheSessionInUse() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let first = try await signIn(app, as: .analyst, email: "a@example.no")
            let oldToken = try #require(first.cookie?[SessionAuthenticator.cookieName]?.string)
            var newToken: String?
            try await app.testing().test(
                .POST, "/logg-inn", headers: first,
                beforeRequest: { try $0.form(["email": "a@example.no", "password": testPassword], headers: first) }
            ) { response in
                #expect(response.status == .seeOther)
                newToken = response.headers.setCookie?[SessionAuthenticator.cookieName]?.string
            }
            #expect(newToken != nil && newToken != oldToken)
            // The old session (a token someone may have planted) is gone; only the new one exists.
            #expect(try await UserSessionRecord.query(on: app.db).count() == 1)
            try await app.testing().test(.GET, "/konto/passord", headers: first) { response in
                #expect(response.status == .seeOther)
            }
        }
    }
}
