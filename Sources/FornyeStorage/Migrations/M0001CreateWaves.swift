import FluentKit

/// Survey waves: one per barometer round, with the codebook its responses follow.
struct M0001CreateWaves: AsyncMigration {
    var name: String { "0001-create-waves" }

    func prepare(on database: any Database) async throws {
        try await database.schema(WaveRecord.schema)
            .id()
            .field("slug", .string, .required)
            .field("title", .string, .required)
            .field("short_title", .string, .required)
            .field("structure_date", .string)
            .field("synthetic", .bool, .required)
            .field("status", .string, .required)
            .field("codebook_json", .sql(.text), .required)
            .field("margins_json", .sql(.text), .required)
            .field("weight_source", .sql(.text))
            .field("created_at", .datetime)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WaveRecord.schema).delete()
    }
}
