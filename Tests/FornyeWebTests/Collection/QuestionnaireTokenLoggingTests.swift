import FluentKit
import FornyeStorage
import Foundation
import Logging
import Testing
import Vapor
import VaporTesting

@testable import FornyeWeb

/// The invitation token is the key to a respondent's answers and, in identified waves, to who
/// they are: it must never reach a log line or the audit log, whatever happens to the request.
@Suite struct QuestionnaireTokenLoggingTests {
    @Test func theTokenIsInNoLogLineAndNoAuditEntry() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let capture = LogCapture()
            app.logger = capture.logger()
            let fixture = try await CollectionFixture.make(app, mode: .identified)
            let token = fixture.tokens[0]
            let base = "/svar/\(token)"
            _ = try await app.testing().sendRequest(.GET, base)
            for (index, page) in nonInnovatorPages.enumerated() {
                _ = try await postForm(app, "\(base)/side/\(index + 1)", page + [("action", "next")])
            }
            let review = try await app.testing().sendRequest(.GET, "\(base)/oversikt?token=\(token)")
            // Error paths too: no CSRF pair (403), no submission key (400), a page that does not exist (404).
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            #expect(
                try await app.testing().sendRequest(
                    .POST, "\(base)/side/1", headers: headers, body: .init(string: "a=1")
                )
                .status == .forbidden)
            #expect(try await postForm(app, "\(base)/send", []).status == .badRequest)
            #expect(try await app.testing().sendRequest(.GET, "\(base)/side/99x").status == .notFound)
            #expect(try await postForm(app, "\(base)/send", hiddenFields(review.body.string)).status == .ok)
            // Used now (410), and a link that does not exist (404).
            #expect(try await app.testing().sendRequest(.GET, base).status == .gone)
            let unknown = InvitationToken.generate()
            #expect(try await app.testing().sendRequest(.GET, "/svar/\(unknown)").status == .notFound)

            let lines = capture.lines
            #expect(lines.contains { $0.message == "POST /svar/:token/send 200" })
            #expect(lines.contains { $0.message == "POST /svar/:token/send 400" })
            #expect(lines.contains { $0.message == "CSRF token missing or wrong" })
            let hash = InvitationToken.hash(token)
            for line in lines {
                let text = "\(line.message) \(line.metadata)"
                #expect(!text.contains(token) && !text.contains(unknown), "\(line.message)")
                // SQL is logged at debug level only; above that not even the token's hash appears.
                if line.level > .debug { #expect(!text.contains(hash), "\(line.message)") }
            }
            for entry in try await AuditEntryRecord.query(on: app.db).all() {
                let text = [entry.action, entry.target ?? "", entry.details ?? ""].joined(separator: " ")
                #expect(!text.contains(token) && !text.contains(hash))
            }
        }
    }
}
