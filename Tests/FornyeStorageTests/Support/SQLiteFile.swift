import FornyeStorage
import Foundation

/// A migrated SQLite file in a temporary directory (a real file: WAL, several connections),
/// shut down and removed afterwards. `body` gets the runtime, its configuration and the file's path.
func withSQLiteFile(_ body: (StorageRuntime, StorageConfiguration, String) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("db.sqlite").path
    let configuration = StorageConfiguration(backend: .sqlite(path: path))
    let storage = try StorageRuntime(configuration: configuration)
    do {
        try await storage.migrate()
        try await body(storage, configuration, path)
    } catch {
        await storage.shutdown()
        throw error
    }
    await storage.shutdown()
}
