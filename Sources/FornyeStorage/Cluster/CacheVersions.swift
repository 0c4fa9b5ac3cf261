public import FluentKit
import FluentSQL

/// Named counters in the database (`cache_versions`, migration 0068) that tell every app instance
/// on it when cached results are stale: a writer raises the counter after its write committed,
/// and a reader compares it with the value its cache was built at (one primary-key read).
public struct CacheVersions: Sendable {
    /// The counter of the barometer's results (waves, responses, their catalogue).
    public static let barometer = "barometer"

    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// The counter's value, 0 when it has no row.
    public func current(_ name: String) async throws -> Int {
        try await LoginAttemptRepository.sql(database).raw(
            "SELECT version FROM cache_versions WHERE name = \(bind: name)"
        ).first()?.decode(column: "version", as: Int.self) ?? 0
    }

    /// Raises the counter by one.
    public func bump(_ name: String) async throws {
        try await LoginAttemptRepository.sql(database).raw(
            "UPDATE cache_versions SET version = version + 1 WHERE name = \(bind: name)"
        ).run()
    }
}
