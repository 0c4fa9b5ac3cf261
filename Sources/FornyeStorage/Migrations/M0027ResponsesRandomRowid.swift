import FluentKit
import FluentSQL
import Foundation

/// Responses in an ordinary SQLite table whose `rowid`s are random, instead of `WITHOUT ROWID`.
///
/// Migration 0024 stored responses `WITHOUT ROWID`, by their random UUID, so that the file keeps
/// no submission order. But a `WITHOUT ROWID` table is an index B-tree: its interior pages hold
/// whole rows, and answers of over a kilobyte spill onto overflow pages that every key comparison
/// reads back (over half of a 100,000-row import's SQLite time, see docs/PERFORMANCE.md). An
/// ordinary table keeps its rows by an 8-byte `rowid`; when that `rowid` is random, the storage
/// order says as little about submission order as before:
///
/// * `ResponseRecord.insert` (imports, submissions, stored waves) gives each row the first
///   eight bytes of its random id as `rowid`, so a batch goes in key order;
/// * any other insert (a FluentKit `create`, raw SQL) gets SQLite's next `rowid` (the largest + 1);
///   the trigger `responses_random_rowid` then moves that row to a random `rowid`.
///
/// Existing rows are copied with random `rowid`s; the invitations' links of identified waves are
/// saved and written back (dropping the old table would set them to NULL through
/// `ON DELETE SET NULL`). PostgreSQL has no rowid: nothing to do there.
struct M0027ResponsesRandomRowid: AsyncMigration {
    var name: String { "0027-responses-random-rowid" }

    /// Moves a row that took the next `rowid` in sequence (its predecessor's + 1, or 1 in an
    /// empty table) to a random one. Random `rowid`s almost never land right after another row.
    static let trigger = """
        CREATE TRIGGER responses_random_rowid AFTER INSERT ON responses \
        WHEN NEW.rowid = coalesce((SELECT max(rowid) FROM responses WHERE rowid < NEW.rowid), 0) + 1 \
        BEGIN UPDATE responses SET rowid = random() WHERE rowid = NEW.rowid; END
        """

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StorageError.unsupportedDatabase }
        guard sql.dialect.name == "sqlite" else { return }
        try await database.transaction { transaction in
            guard let sql = transaction as? any SQLDatabase else { throw StorageError.unsupportedDatabase }
            guard
                let create = try await sql.raw(
                    "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'responses'"
                ).first()?.decode(column: "sql", as: String.self),
                let nameRange = create.range(of: "\"responses\""),
                let withoutRowid = create.range(of: " WITHOUT ROWID", options: [.backwards, .caseInsensitive])
            else { throw StorageError.unsupportedDatabase }
            var ordinary = create
            ordinary.removeSubrange(withoutRowid)
            ordinary.replaceSubrange(nameRange, with: "\"responses_random\"")
            try await sql.raw("\(unsafeRaw: ordinary)").run()
            try await sql.raw(
                """
                INSERT INTO responses_random (rowid, id, wave_id, answers_json, weight, stratum, psu) \
                SELECT random(), id, wave_id, answers_json, weight, stratum, psu FROM responses
                """
            ).run()
            try await ResponsesTableSwap.replace(with: "responses_random", on: sql)
            try await sql.raw("\(unsafeRaw: Self.trigger)").run()
        }
    }

    /// Keeps the ordinary table (the data is the same either way) and its trigger.
    func revert(on database: any Database) async throws {}
}
