import FluentKit

/// Team self-tests (issue 16): a facilitator's session found by its short code, deleted by the
/// SHA-256 of a facilitator token shown once; the members' answers in a table of their own with
/// random ids and no name, address or time (the session carries the month it was opened).
/// Deleting a session deletes its members' answers with it.
struct M0078CreateSelfTestTeams: AsyncMigration {
    var name: String { "0078-create-self-test-teams" }

    func prepare(on database: any Database) async throws {
        try await database.schema("self_test_teams")
            .id()
            .field("code", .string, .required)
            .field("token_hash", .string, .required)
            .field("month", .string, .required)
            .field("scope", .string, .required)
            .field("profile_json", .sql(.text), .required)
            .field("background_json", .sql(.text), .required)
            .unique(on: "code")
            .unique(on: "token_hash")
            .create()
        try await database.schema("self_test_team_answers")
            .id()
            .field("team_id", .uuid, .required, .references("self_test_teams", "id", onDelete: .cascade))
            .field("answers_json", .sql(.text), .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("self_test_team_answers").delete()
        try await database.schema("self_test_teams").delete()
    }
}
