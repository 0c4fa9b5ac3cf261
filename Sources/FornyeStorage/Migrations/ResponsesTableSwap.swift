import SQLKit

/// The second half of rebuilding SQLite's `responses` table in another layout (migrations 0024
/// and 0027): once `replacement` holds every row, it takes the old table's place, and the
/// invitations' links (which the drop would clear) are put back.
enum ResponsesTableSwap {
    /// Runs inside the caller's transaction.
    static func replace(with replacement: String, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            "CREATE TEMP TABLE response_links AS SELECT id, response_id FROM invitations WHERE response_id IS NOT NULL"
        ).run()
        // Freed pages are zeroed, so the old table's pages (and order) leave nothing behind in the file.
        try await sql.raw("PRAGMA secure_delete = ON").run()
        try await sql.raw("DROP TABLE responses").run()
        try await sql.raw("PRAGMA secure_delete = OFF").run()
        try await sql.raw("ALTER TABLE \(ident: replacement) RENAME TO responses").run()
        try await sql.raw(
            """
            UPDATE invitations SET response_id = (SELECT response_id FROM temp.response_links l WHERE l.id = invitations.id) \
            WHERE id IN (SELECT id FROM temp.response_links)
            """
        ).run()
        try await sql.raw("DROP TABLE temp.response_links").run()
        try await sql.raw("CREATE INDEX responses_wave_id ON responses (wave_id)").run()
    }
}
