import FluentKit
import FluentSQL

/// Responses kept in an order that says nothing about when they came in.
///
/// On SQLite an ordinary table is stored by its hidden, increasing `rowid`, so the file keeps
/// the order in which anonymous responses were submitted, which could be matched against the
/// order in which units were marked answered. This rebuilds the table `WITHOUT ROWID`: rows are
/// then stored by their random UUID primary key. Existing rows are copied; the invitations'
/// links of identified waves are kept (dropping the old table would set them to NULL through
/// `ON DELETE SET NULL`, so they are saved and written back in the same transaction). Also adds
/// an index on `wave_id`, which loading and counting a wave's responses filter by.
///
/// PostgreSQL has no rowid; what its heap order and `xmin` reveal is documented in
/// docs/COLLECTION.md ("Anonymity of order"). There it only adds the index.
struct M0024ResponsesWithoutOrder: AsyncMigration {
    var name: String { "0024-responses-without-order" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StorageError.unsupportedDatabase }
        guard sql.dialect.name == "sqlite" else {
            try await sql.raw("CREATE INDEX responses_wave_id ON responses (wave_id)").run()
            return
        }
        try await database.transaction { transaction in
            guard let sql = transaction as? any SQLDatabase else { throw StorageError.unsupportedDatabase }
            // The table's own definition (column types as Fluent made them), renamed.
            guard
                let create = try await sql.raw(
                    "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'responses'"
                ).first()?.decode(column: "sql", as: String.self),
                let nameRange = create.range(of: "\"responses\"")
            else { throw StorageError.unsupportedDatabase }
            let unordered = create.replacingCharacters(in: nameRange, with: "\"responses_unordered\"")
            try await sql.raw("\(unsafeRaw: unordered) WITHOUT ROWID").run()
            try await sql.raw(
                "INSERT INTO responses_unordered SELECT id, wave_id, answers_json, weight, stratum, psu FROM responses"
            ).run()
            try await ResponsesTableSwap.replace(with: "responses_unordered", on: sql)
        }
    }

    /// Leaves the table without rowid (the data is the same either way); drops the index.
    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StorageError.unsupportedDatabase }
        try await sql.raw("DROP INDEX IF EXISTS responses_wave_id").run()
    }
}
