import FluentPostgresDriver
import FluentSQL
import Foundation
import Synchronization

/// Statements PostgreSQL plans once per connection instead of on every execution.
///
/// SQLKit sends every statement through PostgresNIO as an unnamed statement, which PostgreSQL
/// parses and plans each time; for the term-key search that planning was half of its database
/// time (docs/PERFORMANCE.md, «where the time goes», session 13). PostgresNIO prepares named
/// statements per connection and keeps them (`PostgresConnection.execute(_:logger:)`), but its
/// ``PostgresPreparedStatement`` takes the name and SQL as static properties; ``Dynamic`` answers
/// them from a task-local value set around the one call that reads them.
///
/// Each distinct SQL text gets a name (`fornye_p1`, `fornye_p2`, …) for the life of the process,
/// and every pooled connection prepares it on first use. Values go in as binds, so the texts are
/// few (callers keep varying literals out of them); past ``capacity`` texts new ones run unnamed,
/// so no connection holds an unbounded number of statements. SQLite, or a bind PostgresNIO cannot
/// encode itself, takes SQLKit's ordinary path.
enum PreparedStatements {
    /// Distinct statement texts prepared per connection at most.
    static let capacity = 128

    private static let names = Mutex<[String: String]>([:])

    /// The rows of `query`, prepared on PostgreSQL when `prepare` (false for texts that vary with
    /// the values, such as facet filters' literal masks: they would fill ``capacity``).
    static func all(_ sql: any SQLDatabase, _ query: SQLQueryString, prepare: Bool = true) async throws
        -> [any SQLRow]
    {
        guard prepare, ProjectRepository.isPostgres(sql), let postgres = sql as? any PostgresDatabase else {
            return try await sql.raw(query).all()
        }
        let (text, binds) = sql.serialize(query)
        var bindings = PostgresBindings(capacity: binds.count)
        for bind in binds {
            guard let value = bind as? any PostgresThrowingDynamicTypeEncodable else {
                return try await sql.raw(query).all()
            }
            try bindings.append(value)
        }
        guard let name = name(for: text) else { return try await sql.raw(query).all() }
        // As PostgresKit logs its statements (scripts/search/pg-search-statements.sh reads these).
        postgres.logger.debug(
            "Executing query", metadata: ["sql": .string(text), "binds": .array(binds.map { .string("\($0)") })])
        let statement = Dynamic(bindings: bindings)
        let rows = try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await Dynamic.$current.withValue(Dynamic.Text(name: name, sql: text)) {
                    var rows: [PostgresRow] = []
                    for try await row in try await connection.execute(statement, logger: connection.logger) {
                        rows.append(row)
                    }
                    return rows
                }
            }
        }.get()
        return rows.map { $0.sql(decodingContext: .default) }
    }

    /// The name of `text`'s statement, or nil when ``capacity`` texts have names already.
    static func name(for text: String) -> String? {
        names.withLock { names in
            if let name = names[text] { return name }
            guard names.count < capacity else { return nil }
            let name = "fornye_p\(names.count + 1)"
            names[text] = name
            return name
        }
    }

    /// A statement whose name and SQL are the task's ``current`` ones.
    struct Dynamic: PostgresPreparedStatement {
        struct Text: Sendable {
            var name: String
            var sql: String
        }

        @TaskLocal static var current = Text(name: "", sql: "")
        static var name: String { current.name }
        static var sql: String { current.sql }

        let bindings: PostgresBindings

        func makeBindings() throws -> PostgresBindings { bindings }
        func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
    }
}
