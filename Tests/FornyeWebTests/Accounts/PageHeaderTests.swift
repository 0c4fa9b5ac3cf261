import FornyeStorage
import FornyeWeb
import Testing
import VaporTesting

/// The header of every page shows who is signed in, and analysts and admins find the collection
/// area from it.
@Suite struct PageHeaderTests {
    /// Pages rendered apart from their request (the barometer, the methodology, error pages) too.
    static let paths = ["/", "/barometer", "/barometer/2018-syntetisk", "/metode", "/prosjekter", "/finnes-ikke"]

    @Test func signedInUsersSeeThemselvesOnEveryPage() async throws {
        try await withTestApp { app in
            // The public's pages first, so a cached public page would show if it leaked.
            for path in Self.paths {
                let body = try await app.get(path).body.string
                #expect(body.contains("href=\"/logg-inn\""), "\(path)")
                #expect(!body.contains("action=\"/logg-ut\""), "\(path)")
                #expect(!body.contains("href=\"/analyse/innsamling\""), "\(path)")
            }
            for role in [Role.analyst, .admin] {
                let headers = try await signIn(app, as: role)
                for path in Self.paths {
                    let body = try await app.get(path, headers: headers).body.string
                    #expect(body.contains("Test \(role.rawValue)"), "\(role) on \(path)")
                    #expect(body.contains("action=\"/logg-ut\""), "\(role) on \(path)")
                    #expect(body.contains("value=\"\(headers.csrfToken)\""), "\(role) on \(path)")
                    #expect(body.contains("<a href=\"/analyse/innsamling\">Innsamling</a>"), "\(role) on \(path)")
                    #expect(!body.contains("href=\"/logg-inn\""), "\(role) on \(path)")
                }
            }
            // The collection area marks its menu item as the current page.
            let analyst = try await signIn(app, as: .analyst)
            let collection = try await app.get("/analyse/innsamling?lang=en", headers: analyst).body.string
            #expect(collection.contains("<a href=\"/analyse/innsamling\" aria-current=\"page\">Collection</a>"))
            // Editors do not collect waves: no menu item.
            let editor = try await signIn(app, as: .municipalityEditor)
            let body = try await app.get("/barometer", headers: editor).body.string
            #expect(body.contains("Test \(Role.municipalityEditor.rawValue)"))
            #expect(!body.contains("href=\"/analyse/innsamling\""))
            // And the public still sees the public page afterwards.
            #expect(!(try await app.get("/barometer").body.string.contains("action=\"/logg-ut\"")))
        }
    }
}
