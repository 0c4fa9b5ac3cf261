import Testing
import Vapor
import VaporTesting

@testable import FornyeWeb

@Suite struct ErrorMiddlewareTests {
    struct Internal: Error, CustomStringConvertible {
        var description: String { "connection string postgres://secret@db" }
    }

    @Test func serverErrorsShowNoInternals() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            app.get("boom") { _ -> String in throw Internal() }
            app.get("api", "boom") { _ -> String in throw Abort(.internalServerError, reason: "secret reason") }
            let page = try await app.get("/boom")
            #expect(page.status == .internalServerError)
            #expect(page.headers.contentType == .html)
            #expect(page.body.string.contains("<h1>Noe gikk galt</h1>"))
            #expect(!page.body.string.contains("secret"))

            let api = try await app.get("/api/boom")
            #expect(api.status == .internalServerError)
            #expect(api.headers.contentType?.subType == "problem+json")
            #expect(!api.body.string.contains("secret"))
        }
    }

    @Test func pagesGiveAnAccessibleErrorPageAndJSONClientsProblemDetails() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let page = try await app.get("/finnes-ikke?lang=en")
            #expect(page.status == .notFound)
            #expect(page.body.string.contains("<html lang=\"en\">"))
            #expect(page.body.string.contains("<h1>Page not found</h1>"))
            #expect(page.body.string.contains("role=\"alert\""))

            let json = try await app.get("/finnes-ikke", headers: ["Accept": "application/json"])
            #expect(json.status == .notFound)
            #expect(json.headers.contentType?.subType == "problem+json")

            let browser = try await app.get("/finnes-ikke", headers: ["Accept": "text/html,application/json;q=0.9"])
            #expect(browser.headers.contentType == .html)
        }
    }
}
