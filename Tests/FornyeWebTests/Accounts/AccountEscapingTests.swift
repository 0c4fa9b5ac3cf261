import Fluent
import FornyeBarometer
import FornyeStorage
import FornyeWeb
import Testing
import Vapor
import VaporTesting

/// Every free text of the account pages (display names, the e-mail typed at sign-in, audit
/// targets and details) comes back escaped.
@Suite struct AccountEscapingTests {
    /// `XSSCorpus.expectEscaped` without its bare `onerror=` fragments, which also match
    /// correctly escaped text (`&lt;img src=x onerror=fetch(…)`; the `<img src=x` fragment
    /// catches the unescaped form), plus a check that no payload with markup appears verbatim.
    static func expectEscaped(_ html: String, _ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
        for fragment in XSSCorpus.forbiddenFragments where !fragment.hasPrefix("onerror") && html.contains(fragment) {
            Issue.record("unescaped «\(fragment)» in \(comment)", sourceLocation: sourceLocation)
        }
        for payload in XSSCorpus.payloads where payload.contains("<") && html.contains(payload) {
            Issue.record("payload verbatim in \(comment): \(payload)", sourceLocation: sourceLocation)
        }
    }

    @Test func payloadsInNamesAndTheAuditLogAreEscaped() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let admin = try await signIn(app, as: .admin, email: "admin@example.no")
            // Names with control characters (NUL, line breaks) are refused when created.
            for (index, payload) in XSSCorpus.payloads.enumerated() where !TextRules.hasControlCharacters(payload) {
                try await createUser(app, email: "u\(index)@example.no", name: payload, role: .analyst)
                try await AuditLog(database: app.db).record(
                    actor: nil, action: AuditAction(rawValue: "test.\(index)"), target: payload, details: payload)
            }
            // A payload typed as the e-mail at sign-in is shown again in the form and logged.
            let anonymous = try await publicHeaders(app)
            try await app.testing().test(
                .POST, "/logg-inn", headers: anonymous,
                beforeRequest: { try $0.form(["email": XSSCorpus.payloads[1], "password": "x"], headers: anonymous) }
            ) { response in
                #expect(response.status == .unauthorized)
                Self.expectEscaped(response.body.string, "login form")
            }
            let user = try #require(try await UserStore(database: app.db).find(email: "u0@example.no"))
            for path in ["/admin/brukere", "/admin/logg", "/admin/brukere/\(try user.requireID())"] {
                try await app.testing().test(.GET, path, headers: admin) { response in
                    #expect(response.status == .ok)
                    #expect(response.body.string.contains("fx55"), "\(path) shows the payloads")
                    Self.expectEscaped(response.body.string, "\(path)")
                }
            }
            // The user's own name in the header of every page they see.
            let headers = try await logIn(app, email: "u0@example.no", password: testPassword)
            try await app.testing().test(.GET, "/konto/passord", headers: headers) { response in
                #expect(response.body.string.contains("fx55"))
                Self.expectEscaped(response.body.string, "header")
            }
        }
    }
}
