import FluentKit
import FluentSQL

/// State that every app instance on one database must share (issue 18): sign-in attempts per
/// client address (the rate limit counts across instances) and named version counters that a
/// writer raises so that other instances drop their cached results (`cache_versions`, one row
/// `barometer` to begin with). Both tables are new, so an older instance still running during a
/// rolling deploy is unaffected by them.
struct M0068CreateSharedInstanceState: AsyncMigration {
    var name: String { "0068-create-shared-instance-state" }

    func prepare(on database: any Database) async throws {
        try await database.schema("login_attempts")
            .id()
            .field("client", .string, .required)
            .field("attempted_at", .double, .required)
            .create()
        try await database.schema("cache_versions")
            .field("name", .string, .identifier(auto: false))
            .field("version", .int64, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX login_attempts_client ON login_attempts (client, attempted_at)").run()
        try await sql.raw("CREATE INDEX login_attempts_time ON login_attempts (attempted_at)").run()
        try await sql.raw("INSERT INTO cache_versions (name, version) VALUES ('barometer', 0)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("cache_versions").delete()
        try await database.schema("login_attempts").delete()
    }
}
