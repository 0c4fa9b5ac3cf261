import FluentKit
import FluentSQL
import Foundation

/// `projects.evaluated` becomes nullable, and a «Nei» that nobody gave becomes unknown (issue 20,
/// item 14: all 856 demo projects said «Evaluert: Nei»).
///
/// Until now the fact was a checkbox with `false` as its default, so a stored `false` meant "no"
/// or "never answered" alike. The rule, from what the stored data can show:
/// - `true` stays `true`;
/// - `false` stays `false` only where the project's own history shows an answer: an earlier
///   version said `true` and a later one `false` (an editor unticked it);
/// - every other `false` becomes unknown: the demo's report projects and IPS-X cases (which have
///   no such fact), forms saved with the box left empty, and Fornye CSV imports (an «evaluated»
///   cell of `false` cannot be told from an empty one; re-import to restore a real «Nei»).
/// Each version's document is read the same way (a `false` before any `true` is unknown), so the
/// history does not show a change nobody made. Facet codes follow (1 yes, 2 no, 0 unknown; yes
/// and unknown keep the codes they had). Frozen: reads the JSON with `JSONSerialization`, not
/// the live document type.
struct M0076EvaluatedUnknownWhenUnanswered: AsyncMigration {
    var name: String { "0076-evaluated-unknown-when-unanswered" }

    /// `268435456 * evaluated` in 0047's packed layout: code 2 adds twice the bit of code 1.
    static let noCodeIncrement = 2 * 268_435_456

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let postgres = sql.dialect.name == "postgresql"
        try await database.transaction { transaction in
            guard let sql = transaction as? any SQLDatabase else { return }
            if postgres {
                try await sql.raw("ALTER TABLE projects ALTER COLUMN evaluated DROP NOT NULL").run()
            } else {
                // SQLite cannot drop NOT NULL: a nullable twin takes the values, then the name.
                try await sql.raw("ALTER TABLE projects ADD COLUMN evaluated_answer BOOLEAN").run()
                try await sql.raw("UPDATE projects SET evaluated_answer = evaluated").run()
                try await sql.raw("ALTER TABLE projects DROP COLUMN evaluated").run()
                try await sql.raw("ALTER TABLE projects RENAME COLUMN evaluated_answer TO evaluated").run()
            }
            var explicitNo: [Int] = []
            for row in try await sql.raw(
                "SELECT id, search_key, document_json FROM projects WHERE evaluated = \(bind: false)"
            ).all() {
                let id = try row.decode(column: "id", as: UUID.self)
                let versions = try await sql.raw(
                    "SELECT id, document_json FROM project_versions WHERE project_id = \(bind: id) ORDER BY version"
                ).all()
                var seenYes = false
                for version in versions {
                    let text = try version.decode(column: "document_json", as: String.self)
                    switch Self.evaluated(in: text) {
                    case true?: seenYes = true
                    case false? where !seenYes:
                        try await sql.raw(
                            "UPDATE project_versions SET document_json = \(bind: try Self.withoutEvaluated(text)) "
                                + "WHERE id = \(bind: try version.decode(column: "id", as: UUID.self))"
                        ).run()
                    default: break
                    }
                }
                if seenYes {
                    explicitNo.append(try row.decode(column: "search_key", as: Int.self))
                } else {
                    let text = try row.decode(column: "document_json", as: String.self)
                    try await sql.raw(
                        "UPDATE projects SET evaluated = NULL, document_json = \(bind: try Self.withoutEvaluated(text)) "
                            + "WHERE id = \(bind: id)"
                    ).run()
                }
            }
            for key in explicitNo {
                if postgres {
                    try await sql.raw("UPDATE project_search SET evaluated = 2 WHERE key = \(bind: key)").run()
                } else {
                    try await sql.raw(
                        "UPDATE project_facets SET evaluated = 2, packed = packed + \(literal: Self.noCodeIncrement) "
                            + "WHERE key = \(bind: key) AND evaluated = 0"
                    ).run()
                }
            }
        }
    }

    /// The document's top-level `evaluated`, nil when absent or not a boolean.
    static func evaluated(in json: String) -> Bool? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return nil
        }
        return object["evaluated"] as? Bool
    }

    struct Unreadable: Error, CustomStringConvertible {
        var description: String { "a project document's «evaluated» could not be removed" }
    }

    /// The document without its `"evaluated":false` (what the encoder writes for nil), cut out of
    /// the text so every other byte stays as stored; checked by parsing the result.
    static func withoutEvaluated(_ json: String) throws -> String {
        var text = json
        if let range = text.range(of: "\"evaluated\":false,") {
            text.removeSubrange(range)
        } else if let range = text.range(of: ",\"evaluated\":false") {
            text.removeSubrange(range)
        } else if let range = text.range(of: "\"evaluated\":false") {
            text.removeSubrange(range)
        }
        guard let before = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let after = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            after["evaluated"] == nil, after.count == before.count - 1
        else { throw Unreadable() }
        return text
    }

    /// Unknown becomes `false` again, in the column and the documents (the column stays nullable on
    /// SQLite, which cannot add NOT NULL).
    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let postgres = sql.dialect.name == "postgresql"
        try await database.transaction { transaction in
            guard let sql = transaction as? any SQLDatabase else { return }
            for table in ["projects", "project_versions"] {
                for row in try await sql.raw("SELECT id, document_json FROM \(unsafeRaw: table)").all() {
                    let text = try row.decode(column: "document_json", as: String.self)
                    guard Self.evaluated(in: text) == nil, text.hasPrefix("{") else { continue }
                    let restored = "{\"evaluated\":false" + (text.hasPrefix("{}") ? "" : ",") + text.dropFirst()
                    try await sql.raw(
                        "UPDATE \(unsafeRaw: table) SET document_json = \(bind: restored) "
                            + "WHERE id = \(bind: try row.decode(column: "id", as: UUID.self))"
                    ).run()
                }
            }
            try await sql.raw("UPDATE projects SET evaluated = \(bind: false) WHERE evaluated IS NULL").run()
            if postgres {
                try await sql.raw("UPDATE project_search SET evaluated = 0 WHERE evaluated = 2").run()
                try await sql.raw("ALTER TABLE projects ALTER COLUMN evaluated SET NOT NULL").run()
            } else {
                try await sql.raw(
                    "UPDATE project_facets SET evaluated = 0, packed = packed - \(literal: Self.noCodeIncrement) "
                        + "WHERE evaluated = 2"
                ).run()
            }
        }
    }
}
