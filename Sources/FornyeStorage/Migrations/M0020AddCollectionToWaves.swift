import FluentKit

/// Waves collected in Fornye itself: the instrument version they use and whether responses are
/// anonymous or identified. Both nil for waves imported whole (the demo and historical waves).
struct M0020AddCollectionToWaves: AsyncMigration {
    var name: String { "0020-add-collection-to-waves" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        try await database.schema(WaveRecord.schema).field("instrument_version", .string).update()
        try await database.schema(WaveRecord.schema).field("collection_mode", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WaveRecord.schema).deleteField("collection_mode").update()
        try await database.schema(WaveRecord.schema).deleteField("instrument_version").update()
    }
}
