import FluentKit
import FluentSQL
import Foundation

/// The narrow search table: per project its index key, status, owner, date and facet codes as
/// small integers (today kept by ``ProjectFacetCodes``), so that counts, facets and the ranked
/// page never read the wide `projects` rows. SQLite: `project_facets`, keyed by the FTS5 rowid,
/// plus an `fts5vocab` view of the index for document frequencies (similar projects).
/// PostgreSQL: the same columns on `project_search`, beside the tsvector the GIN index covers,
/// so a match is counted from the one row it already reads. Existing projects are copied in, with the codes
/// computed here as they were when this migration was written (frozen history: later changes to
/// `ProjectFacetCodes` must not change what this migration does).
struct M0040CreateProjectFacets: AsyncMigration {
    var name: String { "0040-create-project-facets" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                ALTER TABLE project_search ADD COLUMN key INTEGER, ADD COLUMN status SMALLINT NOT NULL DEFAULT 0,
                ADD COLUMN owner INTEGER, ADD COLUMN updated DOUBLE PRECISION NOT NULL DEFAULT 0,
                ADD COLUMN types SMALLINT NOT NULL DEFAULT 0, ADD COLUMN stage SMALLINT NOT NULL DEFAULT 0,
                ADD COLUMN sector SMALLINT NOT NULL DEFAULT 0, ADD COLUMN county SMALLINT NOT NULL DEFAULT 0,
                ADD COLUMN centrality SMALLINT NOT NULL DEFAULT 0, ADD COLUMN research SMALLINT NOT NULL DEFAULT 0,
                ADD COLUMN evaluated SMALLINT NOT NULL DEFAULT 0
                """
            ).run()
        } else {
            try await sql.raw(
                """
                CREATE TABLE project_facets (
                    key INTEGER PRIMARY KEY, status INTEGER NOT NULL, owner INTEGER, updated REAL NOT NULL,
                    types INTEGER NOT NULL, stage INTEGER NOT NULL, sector INTEGER NOT NULL, county INTEGER NOT NULL,
                    centrality INTEGER NOT NULL, research INTEGER NOT NULL, evaluated INTEGER NOT NULL
                )
                """
            ).run()
            try await sql.raw("CREATE VIRTUAL TABLE project_fts_terms USING fts5vocab(project_fts, 'row')").run()
        }
        // Without the packed column: 0048 adds it and computes it from these codes.
        try await Self.copyExistingProjects(on: sql)
        let table = sql.dialect.name == "postgresql" ? "project_search" : "project_facets"
        if sql.dialect.name == "postgresql" {
            try await sql.raw("CREATE UNIQUE INDEX project_search_key ON project_search (key)").run()
        }
        // Browsing without words: newest first within a status.
        try await sql.raw("CREATE INDEX \(unsafeRaw: table)_status_updated ON \(unsafeRaw: table) (status, updated)")
            .run()
    }

    /// One project's codes as this migration computes them: status and stage as their index in
    /// the code lists of the time + 1 (0 for a value not in them), innovation types as bits
    /// (service 0, product 1, process 2, communication 3), the research level + 1, numbers of
    /// texts (kommunenummer, county) or 0, `updated_at` to the millisecond.
    private struct Codes {
        static let statuses = ["draft", "submitted", "published", "needs_update", "archived"]
        static let stages = ["idea", "development", "pilot", "implemented", "spread", "discontinued", "unknown"]
        static let columns = "status, owner, updated, types, stage, sector, county, centrality, research, evaluated"

        var id: UUID
        var key: Int
        var values: [SQLQueryString]

        init(_ row: any SQLRow) throws {
            func int(_ column: String) throws -> Int? { try row.decode(column: column, as: Int?.self) }
            func flag(_ column: String) throws -> Bool { try row.decode(column: column, as: Bool.self) }
            id = try row.decode(column: "id", as: UUID.self)
            key = try row.decode(column: "search_key", as: Int.self)
            let status = (Self.statuses.firstIndex(of: try row.decode(column: "status", as: String.self)) ?? -1) + 1
            let stage = (Self.stages.firstIndex(of: try row.decode(column: "stage", as: String.self)) ?? -1) + 1
            let owner = try row.decode(column: "owner_municipality", as: String?.self).flatMap { Int($0) }
            let updatedAt = try row.decode(column: "updated_at", as: Date.self)
            let updated = (updatedAt.timeIntervalSince1970 * 1000).rounded() / 1000
            let flags = [
                try flag("type_service"), try flag("type_product"), try flag("type_process"),
                try flag("type_communication"),
            ]
            let types = flags.enumerated().reduce(0) { $0 | ($1.element ? 1 << $1.offset : 0) }
            let county = try row.decode(column: "county_number", as: String?.self).flatMap { Int($0) } ?? 0
            let research = try int("research_level").map { $0 + 1 } ?? 0
            let evaluated = try flag("evaluated") ? 1 : 0
            let sector = try int("sector") ?? 0
            let centrality = try int("centrality") ?? 0
            values = [
                "\(bind: status)", "\(bind: owner)", "\(bind: updated)", "\(bind: types)", "\(bind: stage)",
                "\(bind: sector)", "\(bind: county)", "\(bind: centrality)", "\(bind: research)",
                "\(bind: evaluated)",
            ]
        }
    }

    /// Every project's codes into the new columns (PostgreSQL: its `project_search` row) or table
    /// (SQLite: 200 rows per statement), read 1,000 projects at a time in key order.
    private static func copyExistingProjects(on sql: any SQLDatabase) async throws {
        let postgres = sql.dialect.name == "postgresql"
        var after = Int.min
        while true {
            let projects = try await sql.raw(
                """
                SELECT id, search_key, status, stage, owner_municipality, county_number, sector, centrality,
                research_level, evaluated, type_service, type_product, type_process, type_communication, updated_at
                FROM projects WHERE search_key > \(bind: after) ORDER BY search_key LIMIT 1000
                """
            ).all().map(Codes.init)
            guard let last = projects.last else { return }
            if postgres {
                let names = Codes.columns.split(separator: ", ").map(String.init)
                for project in projects {
                    let assignments: [SQLQueryString] = zip(names, project.values).map { "\(unsafeRaw: $0) = " + $1 }
                    try await sql.raw(
                        "UPDATE project_search SET key = \(bind: project.key), " + assignments.joined(separator: ", ")
                            + " WHERE project_id = \(bind: project.id)"
                    ).run()
                }
            } else {
                for start in stride(from: 0, to: projects.count, by: 200) {
                    let rows: [SQLQueryString] = projects[start..<min(start + 200, projects.count)].map {
                        "(\(bind: $0.key), " + $0.values.joined(separator: ", ") + ")"
                    }
                    try await sql.raw(
                        "INSERT OR REPLACE INTO project_facets (key, \(unsafeRaw: Codes.columns)) VALUES "
                            + rows.joined(separator: ", ")
                    ).run()
                }
            }
            after = last.key
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP INDEX project_search_status_updated").run()
            try await sql.raw("DROP INDEX project_search_key").run()
            try await sql.raw(
                """
                ALTER TABLE project_search DROP COLUMN key, DROP COLUMN status, DROP COLUMN owner,
                DROP COLUMN updated, DROP COLUMN types, DROP COLUMN stage, DROP COLUMN sector, DROP COLUMN county,
                DROP COLUMN centrality, DROP COLUMN research, DROP COLUMN evaluated
                """
            ).run()
        } else {
            try await sql.raw("DROP TABLE project_fts_terms").run()
            try await sql.raw("DROP TABLE project_facets").run()
        }
    }
}
