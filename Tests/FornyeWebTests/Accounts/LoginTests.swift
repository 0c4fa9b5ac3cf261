import Fluent
import FornyeStorage
import FornyeWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct LoginTests {
    @Test func signInSetsASessionAndTheHeaderShowsTheUser() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let headers = try await signIn(app, as: .analyst)
            try await app.testing().test(.GET, "/", headers: headers) { response in
                #expect(response.status == .ok)
                let body = response.body.string
                #expect(body.contains("Test analyst"))
                #expect(body.contains("action=\"/logg-ut\""))
                #expect(body.contains("value=\"\(headers.csrfToken)\""))
                #expect(response.headers.cacheControl?.noStore == true)
            }
            // Only a hash of the token is stored.
            let token = try #require(headers.cookie?[SessionAuthenticator.cookieName]?.string)
            let stored = try await UserSessionRecord.query(on: app.db).all()
            #expect(stored.count == 1)
            #expect(stored.first?.tokenHash != token)
            #expect(stored.first?.tokenHash.count == 64)
        }
    }

    @Test func theSessionCookieIsHttpOnlyAndLax() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            try await createUser(app, email: "a@example.no", role: .admin)
            let anonymous = try await publicHeaders(app)
            try await app.testing().test(
                .POST, "/logg-inn", headers: anonymous,
                beforeRequest: { request in
                    try request.form(["email": "A@Example.no ", "password": testPassword], headers: anonymous)
                }
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/")
                let setCookie = response.headers[.setCookie].joined(separator: "\n")
                #expect(setCookie.contains("fornye_session="))
                #expect(setCookie.contains("HttpOnly"))
                #expect(setCookie.contains("SameSite=Lax"))
                #expect(!setCookie.contains("Secure"))
                // The CSRF cookie is replaced on sign-in.
                let rotated = response.headers.setCookie?[CSRFMiddleware.cookieName]?.string
                #expect(rotated != nil && rotated != anonymous.csrfCookie)
            }
        }
    }

    @Test func aWrongPasswordIsRefusedAndLogged() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            try await createUser(app, email: "a@example.no", role: .analyst)
            let anonymous = try await publicHeaders(app)
            try await app.testing().test(
                .POST, "/logg-inn", headers: anonymous,
                beforeRequest: { request in
                    try request.form(["email": "a@example.no", "password": "feil passord 123"], headers: anonymous)
                }
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(response.body.string.contains("Feil e-post eller passord"))
                #expect(response.headers.setCookie?[SessionAuthenticator.cookieName] == nil)
                #expect(!response.body.string.contains("feil passord 123"))
            }
            let entries = try await AuditLog(database: app.db).entries().entries
            #expect(entries.map(\.action) == [AuditAction.loginFailed.rawValue])
            #expect(entries.first?.target == "a@example.no")
            #expect(entries.first?.details == "wrong password")
            #expect(try await UserSessionRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func signOutEndsTheSession() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let headers = try await signIn(app, as: .admin)
            try await app.testing().test(
                .POST, "/logg-ut", headers: headers, beforeRequest: { try $0.form([:], headers: headers) }
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.setCookie?[SessionAuthenticator.cookieName]?.string == "")
                let rotated = response.headers.setCookie?[CSRFMiddleware.cookieName]?.string
                #expect(rotated != nil && rotated != headers.csrfCookie)
            }
            #expect(try await UserSessionRecord.query(on: app.db).count() == 0)
            // The old cookie no longer signs anyone in.
            try await app.testing().test(.GET, "/", headers: headers) { response in
                #expect(!response.body.string.contains("Test admin"))
                #expect(response.body.string.contains("href=\"/logg-inn\""))
            }
            let actions = try await AuditLog(database: app.db).entries().entries.map(\.action)
            #expect(actions == [AuditAction.logout.rawValue, AuditAction.loginSucceeded.rawValue])
        }
    }
}
