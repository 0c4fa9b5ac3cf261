import FluentKit
import FluentSQL
import FornyeProjectBank
import Foundation

/// A project's row in the narrow search table: its index key and the values that search filters,
/// counts and sorts on, as small integers (0 = none or unknown). Written by ``ProjectRepository``
/// in the same transaction as the record, on every create, edit, status change and delete.
/// SQLite keeps them in `project_facets` (keyed by the FTS5 rowid), PostgreSQL in the
/// `project_search` row beside the tsvector (migration 0040).
struct ProjectFacetCodes: Sendable, Equatable {
    var key: Int
    /// `ProjectStatus.allCases` index + 1.
    var status: Int
    /// The owner's kommunenummer as a number, nil for owners outside the register.
    var owner: Int?
    /// `updated_at` in seconds since 1970 to the millisecond (what both databases keep exactly),
    /// for «newest first».
    var updated: Double
    /// Innovation types as bits: type t is bit t − 1.
    var types: Int
    /// `ProjectStage.allCases` index + 1.
    var stage: Int
    var sector: Int
    /// The county number ("03", "46") as a number.
    var county: Int
    var centrality: Int
    /// The highest research level + 1.
    var research: Int
    /// 1 yes, 2 no, 0 unknown (so rows stored before migration 0076 kept their codes: true was 1,
    /// and a false that was never an answer is 0).
    var evaluated: Int
    /// Los top themes as a mask (``LosThemes``, migration 0092).
    var themes: Int

    init(_ record: ProjectRecord) {
        key = record.searchKey
        status = ProjectFacetCode.of(record.status)
        owner = record.ownerMunicipality.flatMap { Int($0) }
        updated = (record.updatedAt.timeIntervalSince1970 * 1000).rounded() / 1000
        let flags = [record.typeService, record.typeProduct, record.typeProcess, record.typeCommunication]
        types = flags.enumerated().reduce(0) { $0 | ($1.element ? 1 << $1.offset : 0) }
        stage = ProjectFacetCode.of(record.stage)
        sector = record.sector ?? 0
        county = record.countyNumber.flatMap { Int($0) } ?? 0
        centrality = record.centrality ?? 0
        research = record.researchLevel.map { $0 + 1 } ?? 0
        evaluated = ProjectFacetCode.answer(record.evaluated)
        themes = record.losThemes
    }

    init(key: Int, row: any SQLRow) throws {
        self.key = key
        status = try row.decode(column: "status", as: Int.self)
        owner = try row.decode(column: "owner", as: Int?.self)
        updated = try row.decode(column: "updated", as: Double.self)
        types = try row.decode(column: "types", as: Int.self)
        stage = try row.decode(column: "stage", as: Int.self)
        sector = try row.decode(column: "sector", as: Int.self)
        county = try row.decode(column: "county", as: Int.self)
        centrality = try row.decode(column: "centrality", as: Int.self)
        research = try row.decode(column: "research", as: Int.self)
        evaluated = try row.decode(column: "evaluated", as: Int.self)
        themes = try row.decode(column: "themes", as: Int.self)
    }

    /// The table that holds the codes on this backend.
    static func table(_ sql: any SQLDatabase) -> String {
        ProjectRepository.isPostgres(sql) ? "project_search" : "project_facets"
    }

    /// Column list after `key`, in the order `values` gives them.
    static let columns = [
        "status", "owner", "updated", "types", "stage", "sector", "county", "centrality", "research", "evaluated",
        "themes",
    ]

    var values: [SQLQueryString] {
        [
            "\(bind: status)", "\(bind: owner)", "\(bind: updated)", "\(bind: types)", "\(bind: stage)",
            "\(bind: sector)", "\(bind: county)", "\(bind: centrality)", "\(bind: research)", "\(bind: evaluated)",
            "\(bind: themes)",
        ]
    }

    /// The facet values packed in one integer (`ProjectFacetCode.packed`), computed in SQL, as
    /// `FacetCounter.values` reads them: search reads one number per match and counts every facet in Swift.
    static func packedSQL(_ prefix: String) -> String {
        let p = prefix
        return "(\(p)types + 16 * \(p)stage + 256 * \(p)sector + 4096 * \(p)county + 1048576 * \(p)centrality "
            + "+ 16777216 * \(p)research + 268435456 * \(p)evaluated + 1073741824 * CAST(\(p)themes AS BIGINT))"
    }

    /// The facet values in one integer, as `packedSQL` computes them (SQLite stores it, 0048).
    var packed: Int {
        ProjectFacetCode.packed(
            types: types, stage: stage, sector: sector, county: county, centrality: centrality, research: research,
            evaluated: evaluated, themes: themes)
    }

    // MARK: Writing

    /// Writes (or replaces) the codes of SQLite projects, many per statement.
    static func insert(_ codes: [ProjectFacetCodes], on sql: any SQLDatabase) async throws {
        guard !codes.isEmpty else { return }
        let names = (["key"] + columns + ["packed"]).joined(separator: ", ")
        let rows: [SQLQueryString] = codes.map {
            "(\(bind: $0.key), " + ($0.values + ["\(bind: $0.packed)"]).joined(separator: ", ") + ")"
        }
        try await sql.raw(
            "INSERT OR REPLACE INTO project_facets (\(unsafeRaw: names)) VALUES " + rows.joined(separator: ", ")
        ).run()
    }

    /// Writes the codes of one project, on either backend (on PostgreSQL its `project_search` row
    /// must exist).
    static func write(_ record: ProjectRecord, on sql: any SQLDatabase) async throws {
        let codes = ProjectFacetCodes(record)
        if ProjectRepository.isPostgres(sql) {
            let assignments: [SQLQueryString] = zip(columns, codes.values).map { "\(unsafeRaw: $0) = " + $1 }
            try await sql.raw(
                "UPDATE project_search SET key = \(bind: codes.key), " + assignments.joined(separator: ", ")
                    + " WHERE project_id = \(bind: record.id!)"
            ).run()
        } else {
            try await insert([codes], on: sql)
        }
    }

    // MARK: Reading and rebuilding

    /// Every stored row, by key.
    static func stored(on sql: any SQLDatabase) async throws -> [Int: ProjectFacetCodes] {
        var result: [Int: ProjectFacetCodes] = [:]
        for row in try await sql.raw(
            "SELECT key, \(unsafeRaw: columns.joined(separator: ", ")) FROM \(unsafeRaw: table(sql))"
        ).all() {
            let key = try row.decode(column: "key", as: Int.self)
            result[key] = try ProjectFacetCodes(key: key, row: row)
        }
        return result
    }

    /// Every project's codes as recomputed from its record.
    static func recomputed(on sql: any SQLDatabase) async throws -> [Int: ProjectFacetCodes] {
        var result: [Int: ProjectFacetCodes] = [:]
        try await forEachBatch(on: sql) { records in
            for record in records { result[record.searchKey] = ProjectFacetCodes(record) }
        }
        return result
    }

    /// Recomputes the whole table from `projects` (repairs; migration 0040 has its own frozen copy).
    static func rebuild(on sql: any SQLDatabase) async throws {
        if !ProjectRepository.isPostgres(sql) { try await sql.raw("DELETE FROM project_facets").run() }
        try await forEachBatch(on: sql) { records in
            if ProjectRepository.isPostgres(sql) {
                for record in records { try await write(record, on: sql) }
            } else {
                for batch in ProjectRepository.batches(records, size: 200) {
                    try await insert(batch.map(ProjectFacetCodes.init), on: sql)
                }
            }
        }
    }

    private static func forEachBatch(
        on sql: any SQLDatabase, _ body: ([ProjectRecord]) async throws -> Void
    ) async throws {
        var after = Int.min
        while true {
            let records = try await sql.raw(
                "SELECT * FROM projects WHERE search_key > \(bind: after) ORDER BY search_key LIMIT 1000"
            ).all().map { try $0.decode(fluentModel: ProjectRecord.self) }
            guard let last = records.last else { return }
            try await body(records)
            after = last.searchKey
        }
    }
}
