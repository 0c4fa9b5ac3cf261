import FluentKit

/// The admin's synonym list for search (issue 21): one row per group, its members one per line.
struct M0080CreateSearchSynonyms: AsyncMigration {
    var name: String { "0080-create-search-synonyms" }

    func prepare(on database: any Database) async throws {
        try await database.schema("search_synonyms")
            .id()
            .field("members", .sql(.text), .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("search_synonyms").delete()
    }
}
