import FornyeStorage
import Testing
import VaporTesting

@testable import FornyeWeb

@Suite struct HealthTests {
    /// A database that cannot be reached (nothing listens on port 1) makes /health answer 503,
    /// and the app still answers, with its headers.
    @Test func healthIs503WhenTheDatabaseIsGone() async throws {
        let settings = WebSettings(
            storage: StorageConfiguration(backend: .postgres(url: "postgres://fornye:x@127.0.0.1:1/none")),
            seedDemoContent: false, migrateOnStart: false)
        try await withTestApp(settings: settings) { app in
            let start = ContinuousClock.now
            try await app.testing().test(.GET, "/health") { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.body.string.contains("\"database\":\"unreachable\""))
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
            }
            #expect(ContinuousClock.now - start < .seconds(5))
        }
    }
}
