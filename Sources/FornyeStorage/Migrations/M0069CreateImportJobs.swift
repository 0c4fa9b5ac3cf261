import FluentKit
import FluentSQL

/// Confirmed response imports as a queue every app instance takes work from (issue 18). A row
/// carries what is needed to run the import again from the start (the file as uploaded, its
/// format and mapping), so a job whose instance died is retried by another one; `claim_token`
/// names the current attempt, and the import's own transaction marks the row finished only if
/// the token is still its own, so a job is stored exactly once. The payload is cleared when the
/// job ends.
struct M0069CreateImportJobs: AsyncMigration {
    var name: String { "0069-create-import-jobs" }

    func prepare(on database: any Database) async throws {
        try await database.schema("import_jobs")
            .field("id", .string, .identifier(auto: false))
            .field("wave_id", .uuid, .required)
            .field("session_hash", .string, .required)
            .field("actor_id", .uuid)
            .field("filename", .string, .required)
            .field("format", .string, .required)
            .field("mapping_yaml", .sql(.text), .required)
            .field("payload", .data)
            .field("total", .int, .required)
            .field("state", .string, .required)
            .field("done", .int, .required)
            .field("stored", .int)
            .field("error", .sql(.text))
            .field("attempts", .int, .required)
            .field("claimed_by", .string)
            .field("claim_token", .string)
            .field("heartbeat_at", .double)
            .field("created_at", .double, .required)
            .field("finished_at", .double)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX import_jobs_waiting ON import_jobs (state, created_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("import_jobs").delete()
    }
}
