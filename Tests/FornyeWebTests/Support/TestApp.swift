import FornyeStorage
import FornyeTestSupport
import FornyeWeb
import Vapor
import VaporTesting

/// A configured Fornye app on a fresh database — a new SQLite file by default, or a fresh
/// PostgreSQL schema for `database: .postgres` — shut down after `body`. Run a suite on both with
/// `@Test(arguments: TestDatabase.all) func x(database: TestDatabase)` and pass `database` here.
/// `adjust` changes the settings before the app is configured (e.g. `behindTLS`). Bcrypt runs at
/// its minimum cost (4) so signing in takes milliseconds.
func withTestApp(
    database: TestDatabase = .sqlite, seedDemoContent: Bool = true,
    adjust: (inout WebSettings) -> Void = { _ in }, _ body: (Application) async throws -> Void
) async throws {
    try await database.withConfiguration { storage in
        var settings = WebSettings(
            storage: storage, seedDemoContent: seedDemoContent, bcryptCost: 4,
            seedImportedCases: false)
        adjust(&settings)
        try await withTestApp(settings: settings, body)
    }
}

/// A configured Fornye app with exactly these settings, shut down after `body`.
func withTestApp(settings: WebSettings, _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    do {
        try await FornyeApp.configure(app, settings: settings)
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}
