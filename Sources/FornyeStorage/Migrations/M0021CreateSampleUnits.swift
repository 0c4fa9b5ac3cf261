import FluentKit

/// The sample frame of a wave: the units invited to answer, with their contact.
struct M0021CreateSampleUnits: AsyncMigration {
    var name: String { "0021-create-sample-units" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SampleUnitRecord.schema)
            .id()
            .field("wave_id", .uuid, .required, .references(WaveRecord.schema, "id", onDelete: .cascade))
            .field("row_number", .int, .required)
            .field("name", .string, .required)
            .field("kommunenummer", .string)
            .field("sector", .int, .required)
            .field("unit_type", .int, .required)
            .field("contact_email", .string, .required)
            .field("contact_name", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SampleUnitRecord.schema).delete()
    }
}
