import FornyeTestSupport
import Testing
import Vapor
import VaporTesting

@testable import FornyeWeb

@Suite struct SecurityHeadersTests {
    static let expectedCSP =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// A page, the JSON health answer, the style sheet, a 404 and a refused /metrics (an error
    /// thrown by a handler): every kind of response carries the same headers.
    @Test(arguments: TestDatabase.all)
    func everyResponseCarriesTheHeaders(database: TestDatabase) async throws {
        try await withTestApp(database: database, seedDemoContent: false) { app in
            let requests: [(HTTPMethod, String, HTTPStatus)] = [
                (.GET, "/", .ok), (.GET, "/health", .ok), (.GET, "/assets/fornye.css", .ok),
                (.GET, "/finnes-ikke", .notFound), (.GET, "/metrics", .forbidden),
            ]
            for (method, path, status) in requests {
                try await app.testing().test(method, path) { response in
                    #expect(response.status == status, "\(method) \(path)")
                    let headers = response.headers
                    #expect(headers.first(name: "Content-Security-Policy") == Self.expectedCSP, "\(path)")
                    #expect(headers.first(name: "X-Content-Type-Options") == "nosniff")
                    #expect(headers.first(name: "Referrer-Policy") == "strict-origin-when-cross-origin")
                    #expect(headers.first(name: "X-Frame-Options") == "DENY")
                    #expect(headers.first(name: "Cross-Origin-Opener-Policy") == "same-origin")
                    let permissions = headers.first(name: "Permissions-Policy") ?? ""
                    for feature in ["camera=()", "microphone=()", "geolocation=()"] {
                        #expect(permissions.contains(feature))
                    }
                    #expect(!headers.contains(name: "Strict-Transport-Security"), "no HSTS without TLS")
                }
            }
        }
    }

    /// A header a handler set is kept: the questionnaire's no-referrer keeps the invitation token
    /// (in the address) out of Referer; the other headers are still added.
    @Test(arguments: TestDatabase.all)
    func theQuestionnaireKeepsItsNoReferrerPolicy(database: TestDatabase) async throws {
        try await withTestApp(database: database, seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app)
            for path in ["/svar/\(fixture.tokens[0])", "/svar/\(fixture.tokens[0])/side/1", "/svar/finnes-ikke"] {
                let response = try await app.get(path)
                #expect(response.headers["Referrer-Policy"] == ["no-referrer"], "\(path)")
                #expect(response.headers.first(name: "Content-Security-Policy") == Self.expectedCSP)
                #expect(response.headers.first(name: "X-Frame-Options") == "DENY")
            }
        }
    }

    /// The sign-in page sets the CSRF cookie; signing in sets the session cookie; signing out
    /// clears both: none of these responses may be stored by a cache.
    @Test func everyResponseThatSetsACookieIsNoStore() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            try await app.testing().test(.GET, "/logg-inn") { response in
                #expect(response.headers.setCookie?[CSRFMiddleware.cookieName] != nil)
                #expect(response.headers[.cacheControl] == ["no-store"])
            }
            try await createUser(app, email: "a@example.no", role: .analyst)
            let (status, _, headers) = try await AccountSecurityTests.attempt(
                app, email: "a@example.no", password: testPassword)
            #expect(status == .seeOther)
            #expect(headers.setCookie?[SessionAuthenticator.cookieName] != nil)
            #expect(headers[.cacheControl].contains { $0.contains("no-store") })
        }
        var headers = HTTPHeaders()
        headers.cacheControl = .init(noCache: true)
        headers.setCookie = ["x": HTTPCookies.Value(string: "1")]
        SecurityHeadersMiddleware.apply(to: &headers, behindTLS: false)
        #expect(headers[.cacheControl] == ["no-store"])
    }

    @Test func policyAllowsNothingInline() {
        #expect(!SecurityHeadersMiddleware.contentSecurityPolicy.contains("unsafe"))
        #expect(SecurityHeadersMiddleware.contentSecurityPolicy == Self.expectedCSP)
    }

    @Test func strictTransportSecurityOnlyBehindTLS() async throws {
        try await withTestApp(seedDemoContent: false, adjust: { $0.behindTLS = true }) { app in
            for path in ["/", "/finnes-ikke"] {
                try await app.testing().test(.GET, path) { response in
                    #expect(
                        response.headers.first(name: "Strict-Transport-Security")
                            == "max-age=31536000; includeSubDomains")
                }
            }
        }
    }

    /// The home page as served has no inline style or script the policy would block.
    @Test func homePageHasNoInlineStyleOrScript() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/") { response in
                let body = response.body.string.lowercased()
                #expect(!body.contains("<style"))
                #expect(!body.contains("style=\""))
                #expect(!body.contains("<script"))
            }
        }
    }
}
