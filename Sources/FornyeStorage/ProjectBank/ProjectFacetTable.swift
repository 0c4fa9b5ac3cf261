import FluentSQL
import FornyeProjectBank
import Synchronization

/// SQLite: every project's packed facet codes, status and owner, held per process under the
/// bank's version (``ProjectFacetCountCache/Stamp``), so that a search's counts read only its
/// matches' keys from FTS5 (one pass over the postings) instead of a `project_facets` row per
/// match, which was most of the counting at 100,000 projects. Any write, by this process or
/// another, changes the version and the next search reads the table again (one statement, about
/// 13 bytes a project in memory).
final class ProjectFacetTable: Sendable {
    static let shared = ProjectFacetTable()

    struct Rows: Sendable {
        var stamp: ProjectFacetCountCache.Stamp
        /// Indexed by key.
        var packed: [Int]
        /// The status code, -1 where no project has the key.
        var status: [Int8]
        /// The owner's municipality number + 1, 0 for none.
        var owner: [Int32]
    }

    /// Keys are the FTS5 rowids, dense in practice; a table whose largest key is far above the
    /// number of projects is not held (the counts then read `project_facets` as before).
    static func dense(largest: Int, count: Int) -> Bool { largest <= 4 * count + 10_000 }

    private let state = Mutex<Rows?>(nil)

    /// The rows at `stamp` (read afresh when the version moved), nil when they are not dense.
    func rows(_ sql: any SQLDatabase, at stamp: ProjectFacetCountCache.Stamp) async throws -> Rows? {
        if let held = state.withLock({ $0 }), held.stamp == stamp { return held }
        let row = try await sql.raw(
            """
            SELECT group_concat(key || ' ' || packed || ' ' || status || ' ' || COALESCE(owner + 1, 0), ' ') AS r,
            MAX(key) AS largest, COUNT(*) AS n FROM project_facets
            """
        ).first()
        let largest = try row?.decode(column: "largest", as: Int?.self) ?? 0
        let count = try row?.decode(column: "n", as: Int.self) ?? 0
        guard Self.dense(largest: largest, count: count) else { return nil }
        let numbers = ProjectSearch.parseIntegers(try row?.decode(column: "r", as: String?.self) ?? "")
        var rows = Rows(
            stamp: stamp, packed: Array(repeating: 0, count: largest + 1),
            status: Array(repeating: -1, count: largest + 1), owner: Array(repeating: 0, count: largest + 1))
        var index = 0
        while index + 3 < numbers.count {
            let key = numbers[index]
            rows.packed[key] = numbers[index + 1]
            rows.status[key] = Int8(truncatingIfNeeded: numbers[index + 2])
            rows.owner[key] = Int32(truncatingIfNeeded: numbers[index + 3])
            index += 4
        }
        state.withLock { held in
            // A newer version already held is kept.
            if let current = held, current.stamp.instance == stamp.instance, current.stamp.version > stamp.version {
                return
            }
            held = rows
        }
        return rows
    }

    /// The packed codes of `keys` whose project has one of `statuses` (and `owner`, when given);
    /// nil when a key is not in the rows (written after they were read: the caller counts the
    /// old way).
    static func codes(of keys: [Int], in rows: Rows, statuses: Set<Int>, owner: String?) -> [Int]? {
        let ownerCode = owner.map { Int32(truncatingIfNeeded: (Int($0) ?? -2) + 1) }
        var codes: [Int] = []
        codes.reserveCapacity(keys.count)
        for key in keys {
            guard key >= 0, key < rows.status.count, rows.status[key] >= 0 else { return nil }
            guard statuses.contains(Int(rows.status[key])) else { continue }
            if let ownerCode, rows.owner[key] != ownerCode { continue }
            codes.append(rows.packed[key])
        }
        return codes
    }
}

extension ProjectSearch {
    /// SQLite: the packed codes of every match (status and owner applied, facet filters not) from
    /// the matches' keys alone and ``ProjectFacetTable``; nil when the table cannot answer.
    static func sqliteTableCodes(
        _ sql: any SQLDatabase, query: ProjectQuery, match: String, stamp: ProjectFacetCountCache.Stamp
    ) async throws -> [Int]? {
        guard stamp.version >= 0, let rows = try await ProjectFacetTable.shared.rows(sql, at: stamp) else { return nil }
        let row = try await sql.raw(
            "SELECT group_concat(rowid, ' ') AS k FROM project_fts WHERE project_fts MATCH \(bind: match)"
        ).first()
        let keys = parseIntegers(try row?.decode(column: "k", as: String?.self) ?? "")
        return ProjectFacetTable.codes(
            of: keys, in: rows, statuses: Set(query.statuses.map(ProjectFacetCode.of)), owner: query.owner)
    }
}
