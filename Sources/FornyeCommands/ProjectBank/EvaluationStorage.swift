import ArgumentParser
import FornyeStorage

/// Where `fornye projects eval-search` and `eval-similar` run: the PostgreSQL bank a URL names, an
/// SQLite file, or (no option) a fresh in-memory SQLite with the demo bank.
enum EvaluationStorage {
    static func configuration(databaseURL: String?) throws -> StorageConfiguration {
        guard let databaseURL, databaseURL.contains("://") else {
            return .init(backend: .sqlite(path: databaseURL ?? ":memory:"))
        }
        do {
            return try StorageConfiguration(databaseURL: databaseURL)
        } catch {
            throw ValidationError("--database-url: \(error)")
        }
    }
}
