public import FluentKit
import FluentSQL
import Foundation

/// Named counters in the database (`cache_versions`, migration 0068) that tell every app instance
/// on it when cached results are stale: a writer raises the counter after its write committed,
/// and a reader compares it with the value its cache was built at (one primary-key read).
///
/// Besides `barometer` (something may have changed: reload the catalogue) each wave has a counter
/// of its own (`wave(_:)`), raised in the transaction of every write to the wave's stored data
/// (`waveChanged`), so a reader knows which wave's results to drop even when its status, labels
/// and response count stayed the same (new weights, a replaced background).
public struct CacheVersions: Sendable {
    /// The counter of the barometer's results (waves, responses, their catalogue).
    public static let barometer = "barometer"
    static let wavePrefix = "wave:"

    /// The counter of one wave's stored data.
    public static func wave(_ id: UUID) -> String { wavePrefix + id.uuidString.lowercased() }

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

    /// Every wave's counter, by wave id (waves never written since migration 0068 have none).
    public func waves() async throws -> [UUID: Int] {
        let rows = try await LoginAttemptRepository.sql(database).raw(
            "SELECT name, version FROM cache_versions WHERE name LIKE \(bind: Self.wavePrefix + "%")"
        ).all()
        var versions: [UUID: Int] = [:]
        for row in rows {
            let name = try row.decode(column: "name", as: String.self)
            guard let id = UUID(uuidString: String(name.dropFirst(Self.wavePrefix.count))) else { continue }
            versions[id] = try row.decode(column: "version", as: Int.self)
        }
        return versions
    }

    /// Raises the counter of wave `id` on `database`: the transaction that changes the wave's data.
    public static func waveChanged(_ id: UUID, on database: any Database) async throws {
        try await LoginAttemptRepository.sql(database).raw(
            """
            INSERT INTO cache_versions (name, version) VALUES (\(bind: wave(id)), 1)
            ON CONFLICT (name) DO UPDATE SET version = cache_versions.version + 1
            """
        ).run()
    }

    /// Raises the counter by one.
    public func bump(_ name: String) async throws {
        try await LoginAttemptRepository.sql(database).raw(
            "UPDATE cache_versions SET version = version + 1 WHERE name = \(bind: name)"
        ).run()
    }
}
