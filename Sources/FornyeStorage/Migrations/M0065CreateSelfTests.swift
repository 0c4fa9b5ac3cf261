import FluentKit

/// Self-test results kept at the taker's request (issue 16): found only by the SHA-256 of a
/// retake token shown once, with the month taken and no name, address or finer time. Never read
/// into a wave's estimates.
struct M0065CreateSelfTests: AsyncMigration {
    var name: String { "0065-create-self-tests" }

    func prepare(on database: any Database) async throws {
        try await database.schema("self_tests")
            .id()
            .field("token_hash", .string, .required)
            .field("month", .string, .required)
            .field("wave_slug", .string, .required)
            .field("scope", .string, .required)
            .field("profile_json", .sql(.text), .required)
            .field("answers_json", .sql(.text), .required)
            .field("previous_month", .string)
            .field("previous_answers_json", .sql(.text))
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("self_tests").delete()
    }
}
