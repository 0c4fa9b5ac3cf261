import FluentKit

/// Responses: one row per completed questionnaire. Deliberately no timestamp, IP or token
/// column, so an anonymous response cannot be linked back to who gave it or when.
struct M0002CreateResponses: AsyncMigration {
    var name: String { "0002-create-responses" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ResponseRecord.schema)
            .id()
            .field("wave_id", .uuid, .required, .references(WaveRecord.schema, "id", onDelete: .cascade))
            .field("answers_json", .sql(.text), .required)
            .field("weight", .double, .required)
            .field("stratum", .string)
            .field("psu", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ResponseRecord.schema).delete()
    }
}
