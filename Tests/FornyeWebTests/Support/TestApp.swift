import FornyeStorage
import FornyeWeb
import Vapor
import VaporTesting

/// A configured Fornye app on a fresh in-memory SQLite database, shut down after `body`.
/// Bcrypt runs at its minimum cost (4) so signing in takes milliseconds.
func withTestApp(seedDemoContent: Bool = true, _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    do {
        try await FornyeApp.configure(
            app,
            settings: WebSettings(
                storage: StorageConfiguration(backend: .sqlite(path: ":memory:")), seedDemoContent: seedDemoContent,
                bcryptCost: 4))
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}
