import FluentKit

/// Import mappings saved from the web import (YAML, as `fornye import` reads them), so the next
/// wave from the same survey tool imports the same way.
struct M0026CreateImportMappings: AsyncMigration {
    var name: String { "0026-create-import-mappings" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ImportMappingRecord.schema)
            .id()
            .field("name", .string, .required)
            .field("yaml", .sql(.text), .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .unique(on: "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportMappingRecord.schema).delete()
    }
}
