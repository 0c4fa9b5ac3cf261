import FornyeStorage
import FornyeTestSupport
import FornyeWeb
import Synchronization
import Vapor

/// One configured app with the demo waves, made once per test process, for tests that only read:
/// seeding the demo waves and computing their report cost seconds in a debug build, so tests that
/// change nothing share them. Tests that change data, routes or the cache use `withTestApp`.
///
/// The app is never shut down; the process ends after the tests.
func withSharedTestApp(_ body: (Application) async throws -> Void) async throws {
    try await body(try await SharedTestApp.app.value)
}

private enum SharedTestApp {
    static let app = Task { () throws -> Application in
        let app = try await Application.make(.testing)
        try await FornyeApp.configure(
            app,
            settings: WebSettings(
                storage: TestDatabase.sqliteConfiguration(in: try sharedDirectory()),
                bcryptCost: 4))
        return app
    }
}

/// The shared app's database directory, removed when the test process exits.
private func sharedDirectory() throws -> URL {
    let directory = try TestDatabase.makeScratchDirectory()
    sharedDirectoryPath.withLock { $0 = directory.path }
    atexit {
        if let path = sharedDirectoryPath.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
    }
    return directory
}

private let sharedDirectoryPath = Mutex<String?>(nil)
