public import FluentKit
import FluentSQL
import Foundation

/// A search of the bank: words, facet filters, sorting and a page.
public struct ProjectQuery: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable {
        case relevance, newest, title
    }

    public var text: String = ""
    public var types: [Int] = []
    public var stages: [ProjectStage] = []
    public var sectors: [Int] = []
    public var counties: [String] = []
    public var centralities: [Int] = []
    public var researchLevels: [Int] = []
    public var evaluated: Bool?
    public var discontinued: Bool?
    /// The public sees published projects only; editors and admins widen this.
    public var statuses: [ProjectStatus] = [.published]
    public var owner: String?
    public var sort: Sort = .relevance
    /// 1-based.
    public var page: Int = 1
    public var perPage: Int = 20
    public var facets: Bool = true

    public init() {}

    public static let maxPerPage = 100
}

/// A facet's values with the number of matching projects each.
public struct ProjectFacet: Sendable, Equatable {
    public var name: String
    public var counts: [(value: String, count: Int)]
    public static func == (lhs: ProjectFacet, rhs: ProjectFacet) -> Bool {
        lhs.name == rhs.name && lhs.counts.map(\.value) == rhs.counts.map(\.value)
            && lhs.counts.map(\.count) == rhs.counts.map(\.count)
    }
    public func count(of value: String) -> Int { counts.first { $0.value == value }?.count ?? 0 }
}

public struct ProjectSearchResult: Sendable {
    public var projects: [ProjectRecord]
    public var total: Int
    public var facets: [ProjectFacet]
    public var query: ProjectQuery
    public var pageCount: Int { max(1, (total + query.perPage - 1) / query.perPage) }
}

/// Full-text search with facets on SQLite (FTS5 over stemmed text, bm25 with column weights
/// title 10, summary 4, body 1) and PostgreSQL (tsvector, `ts_rank` with weights A/B/C), with
/// the same filters and the same result shape on both.
///
/// Counts, facets and the ranked page come from the narrow search table (migration 0040), never
/// from the wide `projects` rows. The database ranks and cuts the page (ORDER BY rank LIMIT); the
/// facet codes of every match come back packed one integer each, in one string, and Swift counts
/// the disjunctive facets from them (SQLite: both from one materialized pass over the matches;
/// PostgreSQL: two statements at once, so the counts never wait for the ranking). Then only the
/// page's records are read.
public struct ProjectSearch: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// The facets, in the order pages show them.
    public static let facetNames = [
        "type", "stage", "sector", "county", "centrality", "research", "evaluated", "discontinued",
    ]

    /// Searches with all the words; when no project has them all, with any of them (so a
    /// compound such as «språkløft» does not hide a project from «barnehage språk»).
    public func search(_ query: ProjectQuery) async throws -> ProjectSearchResult {
        let result = try await search(query, anyWord: false)
        if result.total == 0 && SearchText.terms(query.text, limit: 3).count > 1 {
            return try await search(query, anyWord: true)
        }
        return result
    }

    func search(_ query: ProjectQuery, anyWord: Bool) async throws -> ProjectSearchResult {
        var query = query
        query.page = max(1, query.page)
        query.perPage = min(max(1, query.perPage), ProjectQuery.maxPerPage)
        let sql = try ProjectRepository.sql(database)
        let postgres = ProjectRepository.isPostgres(sql)
        let match = Self.match(query.text, postgres: postgres, anyWord: anyWord)
        if !query.text.trimmingCharacters(in: .whitespaces).isEmpty && match == nil {
            return ProjectSearchResult(projects: [], total: 0, facets: [], query: query)
        }
        let offset = (query.page - 1) * query.perPage
        let ranked = match != nil && query.sort == .relevance
        var counter = FacetCounter(filter: FacetFilter(query))
        var keys: [Int]
        var total: Int?
        if postgres {
            // Two statements side by side on two pooled connections: the facet codes of every
            // match (the narrow columns only, never the ranking) and the page, ranked by the
            // database with LIMIT.
            let codes: Task<[Int], any Error>? =
                query.facets ? Task { [query] in try await Self.codes(sql, query: query, match: match) } : nil
            do {
                keys = try await Self.pageKeys(sql, query: query, match: match, ranked: ranked, offset: offset)
            } catch {
                codes?.cancel()
                throw error
            }
            for packed in try await codes?.value ?? [] { _ = counter.add(packed) }
        } else if ranked || query.facets {
            // One pass over the FTS5 matches, materialized: their packed codes as one string and
            // the page ranked by bm25() with LIMIT, from the same materialized rows.
            let hits = try await Self.sqliteHits(
                sql, query: query, match: match, ranked: ranked, offset: offset, counter: counter)
            (keys, counter, total) = (hits.keys, hits.counter, hits.total)
            if !ranked {
                keys = try await Self.pageKeys(sql, query: query, match: match, ranked: false, offset: offset)
            }
        } else {
            keys = try await Self.pageKeys(sql, query: query, match: match, ranked: false, offset: offset)
        }
        if query.facets {
            total = counter.total
        } else if total == nil {
            total =
                keys.count < query.perPage && (query.page == 1 || !keys.isEmpty)
                ? offset + keys.count : try await Self.count(sql, query: query, match: match)
        }
        let projects = try await Self.records(sql, keys: keys)
        return ProjectSearchResult(
            projects: projects, total: total ?? 0, facets: query.facets ? counter.facets() : [], query: query)
    }

    // MARK: Statements

    /// The narrow table (as `f`), joined to the full-text match when there are words.
    static func from(match: String?, postgres: Bool) -> SQLQueryString {
        guard match != nil else { return postgres ? "project_search f" : "project_facets f" }
        if postgres {
            // Norwegian or English stemming of the query, whichever the project was indexed with.
            return "project_search f, (SELECT websearch_to_tsquery('norwegian', \(bind: match!)) "
                + "|| websearch_to_tsquery('english', \(bind: match!)) AS query) q"
        }
        return "project_fts JOIN project_facets f ON f.key = project_fts.rowid"
    }

    /// The words, status and owner; with `facets`, the active facet filters too.
    static func conditions(_ query: ProjectQuery, match: String?, postgres: Bool, facets: Bool) -> SQLQueryString {
        var parts: [SQLQueryString] = []
        if let match {
            parts.append(postgres ? "f.document @@ q.query" : "project_fts MATCH \(bind: match)")
        }
        parts.append("f.status IN (\(binds: query.statuses.map(ProjectFacetCodes.code)))")
        if let owner = query.owner { parts.append("f.owner = \(bind: Int(owner) ?? -1)") }
        if facets { parts += FacetFilter(query).sql }
        return parts.joined(separator: " AND ")
    }

    /// PostgreSQL: the packed facet codes of every match (status and owner applied, facet filters
    /// not: `FacetCounter` needs the near misses for disjunctive counts).
    static func codes(_ sql: any SQLDatabase, query: ProjectQuery, match: String?) async throws -> [Int] {
        let packed = ProjectFacetCodes.packedSQL("f.")
        let row = try await sql.raw(
            "SELECT string_agg(\(unsafeRaw: packed)::text, ' ') AS codes FROM \(from(match: match, postgres: true)) "
                + "WHERE \(conditions(query, match: match, postgres: true, facets: false))"
        ).first()
        return parseIntegers(try row?.decode(column: "codes", as: String?.self) ?? "")
    }

    /// SQLite: one statement over the matches, materialized once (FTS5's bm25() cannot run inside
    /// an aggregate): a first row with every match's packed codes as one string (when `facets`),
    /// then, when `ranked`, the page's rows, best bm25 first, facet filters applied.
    static func sqliteHits(
        _ sql: any SQLDatabase, query: ProjectQuery, match: String?, ranked: Bool, offset: Int,
        counter: FacetCounter
    ) async throws -> (keys: [Int], counter: FacetCounter, total: Int) {
        var counter = counter
        let columns = ["key", "types", "stage", "sector", "county", "centrality", "research", "evaluated"]
        let rank = ranked ? ", bm25(project_fts, 0.0, 10.0, 4.0, 1.0) AS r" : ""
        let filters = FacetFilter(query).sql
        let filtered: SQLQueryString = filters.isEmpty ? "" : " WHERE " + filters.joined(separator: " AND ")
        // Without facets the total is counted here too, from the materialized rows.
        var parts: [SQLQueryString] = [
            query.facets
                ? "SELECT NULL AS k, NULL AS r, (SELECT group_concat(\(unsafeRaw: ProjectFacetCodes.packedSQL("")), ' ') "
                    + "FROM m) AS codes, NULL AS n"
                : "SELECT NULL AS k, NULL AS r, NULL AS codes, (SELECT COUNT(*) FROM m f\(filtered)) AS n"
        ]
        if ranked {
            parts.append(
                "SELECT * FROM (SELECT f.key AS k, f.r AS r, NULL AS codes, NULL AS n FROM m f\(filtered) "
                    + "ORDER BY f.r, f.key LIMIT \(literal: query.perPage) OFFSET \(literal: offset))")
        }
        let statement: SQLQueryString =
            "WITH m AS MATERIALIZED (SELECT \(unsafeRaw: columns.map { "f.\($0) AS \($0)" }.joined(separator: ", "))"
            + "\(unsafeRaw: rank) FROM \(from(match: match, postgres: false)) "
            + "WHERE \(conditions(query, match: match, postgres: false, facets: false))) "
            + parts.joined(separator: " UNION ALL ")
        var page: [(rank: Double, key: Int)] = []
        var total = 0
        for row in try await sql.raw(statement).all() {
            if let key = try row.decode(column: "k", as: Int?.self) {
                page.append((try row.decode(column: "r", as: Double.self), key))
            } else if let count = try row.decode(column: "n", as: Int?.self) {
                total = count
            } else {
                for packed in parseIntegers(try row.decode(column: "codes", as: String?.self) ?? "") {
                    _ = counter.add(packed)
                }
                total = counter.total
            }
        }
        // UNION ALL keeps no order of its own.
        return (page.sorted { $0 < $1 }.map(\.key), counter, total)
    }

    /// Reads «12 345 6 …» (non-negative integers separated by spaces).
    static func parseIntegers(_ text: String) -> [Int] {
        var result: [Int] = []
        var value = 0
        var digits = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") {
                if digits { result.append(value) }
                value = 0
                digits = false
            } else {
                value = value * 10 + Int(byte &- 48)
                digits = true
            }
        }
        if digits { result.append(value) }
        return result
    }

    /// The page's keys in order: by rank, title or date.
    static func pageKeys(
        _ sql: any SQLDatabase, query: ProjectQuery, match: String?, ranked: Bool, offset: Int
    ) async throws -> [Int] {
        let postgres = ProjectRepository.isPostgres(sql)
        var from = from(match: match, postgres: postgres)
        let order: SQLQueryString
        if ranked {
            // Best first; equal ranks by key, so pages never overlap.
            order =
                postgres
                ? "ts_rank(f.document, q.query, 1) DESC, f.key" : "bm25(project_fts, 0.0, 10.0, 4.0, 1.0), f.key"
        } else if query.sort == .title {
            from = from + " JOIN projects p ON p.search_key = f.key"
            order = "p.title, p.slug"
        } else {
            order = "f.updated DESC, f.key"
        }
        return try await sql.raw(
            "SELECT f.key AS k FROM \(from) WHERE \(conditions(query, match: match, postgres: postgres, facets: true)) "
                + "ORDER BY \(order) LIMIT \(literal: query.perPage) OFFSET \(literal: offset)"
        ).all().map { try $0.decode(column: "k", as: Int.self) }
    }

    static func count(_ sql: any SQLDatabase, query: ProjectQuery, match: String?) async throws -> Int {
        let postgres = ProjectRepository.isPostgres(sql)
        return try await sql.raw(
            "SELECT COUNT(*) AS n FROM \(from(match: match, postgres: postgres)) "
                + "WHERE \(conditions(query, match: match, postgres: postgres, facets: true))"
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The records of `keys`, in that order; their JSON documents stay undecoded.
    static func records(_ sql: any SQLDatabase, keys: [Int]) async throws -> [ProjectRecord] {
        guard !keys.isEmpty else { return [] }
        let rows = try await sql.raw("SELECT * FROM projects WHERE search_key IN (\(binds: keys))").all()
        var byKey: [Int: ProjectRecord] = [:]
        for row in rows {
            let record = try row.decode(fluentModel: ProjectRecord.self)
            byKey[record.searchKey] = record
        }
        return keys.compactMap { byKey[$0] }
    }

    /// The FTS expression for the user's words (all must occur), or nil when none remain.
    /// SQLite gets stemmed, quoted terms (so no FTS5 syntax from the user reaches the engine);
    /// PostgreSQL gets the text for `websearch_to_tsquery`, which never fails to parse.
    static func match(_ text: String, postgres: Bool, anyWord: Bool = false) -> String? {
        let trimmed = String(text.prefix(500)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if postgres {
            // websearch_to_tsquery ANDs the words; for "any word" the words are joined by " or ",
            // which it reads as OR.
            return anyWord ? SearchText.words(trimmed, limit: 20).joined(separator: " or ") : trimmed
        }
        let terms = SearchText.terms(trimmed, limit: 20)
        guard !terms.isEmpty else { return nil }
        return terms.map { "\"\($0)\"" }.joined(separator: anyWord ? " OR " : " ")
    }
}

/// The active facet filters as sets of allowed codes, tested on packed codes in Swift and written
/// as SQL on the narrow table's columns.
struct FacetFilter: Sendable {
    /// Per facet (in `ProjectSearch.facetNames` order) the allowed values, nil = no filter.
    /// Types are a bit mask (any shared bit passes); the others value codes.
    var allowed: [Set<Int>?]

    init(_ query: ProjectQuery) {
        allowed = Array(repeating: nil, count: ProjectSearch.facetNames.count)
        if !query.types.isEmpty { allowed[0] = Set(query.types.filter { (1...4).contains($0) }) }
        if !query.stages.isEmpty { allowed[1] = Set(query.stages.map(ProjectFacetCodes.code)) }
        if !query.sectors.isEmpty { allowed[2] = Set(query.sectors) }
        if !query.counties.isEmpty { allowed[3] = Set(query.counties.map { Int($0) ?? -1 }) }
        if !query.centralities.isEmpty { allowed[4] = Set(query.centralities) }
        if !query.researchLevels.isEmpty { allowed[5] = Set(query.researchLevels.map { $0 + 1 }) }
        if let evaluated = query.evaluated { allowed[6] = [evaluated ? 1 : 0] }
        if let discontinued = query.discontinued { allowed[7] = [discontinued ? 1 : 0] }
    }

    static let columns = ["types", "stage", "sector", "county", "centrality", "research", "evaluated", "stage"]

    var sql: [SQLQueryString] {
        allowed.enumerated().compactMap { facet, values -> SQLQueryString? in
            guard let values else { return nil }
            let sorted = values.sorted()
            switch facet {
            case 0:
                let mask = sorted.reduce(0) { $0 | 1 << ($1 - 1) }
                return "(f.types & \(literal: mask)) <> 0"
            case 7:
                return values.contains(1)
                    ? "f.stage = \(literal: ProjectFacetCodes.discontinued)"
                    : "f.stage <> \(literal: ProjectFacetCodes.discontinued)"
            default:
                return "f.\(unsafeRaw: Self.columns[facet]) IN (\(binds: sorted))"
            }
        }
    }
}

/// Counts disjunctive facets over packed codes: a facet's value counts the matches that pass
/// every *other* facet's filter, so ticking «Oslo» still shows how many «Bergen» would add.
struct FacetCounter {
    let filter: FacetFilter
    private(set) var total = 0
    /// Per facet, count per value code (type: 1–4; evaluated, discontinued: 0/1).
    private var counts: [[Int]]

    init(filter: FacetFilter) {
        self.filter = filter
        counts = Array(repeating: Array(repeating: 0, count: 256), count: ProjectSearch.facetNames.count)
    }

    static func values(_ packed: Int) -> [Int] {
        let stage = (packed >> 4) & 15
        return [
            packed & 15, stage, (packed >> 8) & 15, (packed >> 12) & 255, (packed >> 20) & 15, (packed >> 24) & 15,
            (packed >> 28) & 1, stage == ProjectFacetCodes.discontinued ? 1 : 0,
        ]
    }

    /// Counts one match; true when it passes every filter (it belongs to the results).
    mutating func add(_ packed: Int) -> Bool {
        let values = Self.values(packed)
        var failed = -1
        var failures = 0
        for (facet, allowed) in filter.allowed.enumerated() {
            guard let allowed else { continue }
            let passes =
                facet == 0 ? allowed.contains { values[0] & (1 << ($0 - 1)) != 0 } : allowed.contains(values[facet])
            if !passes {
                failures += 1
                failed = facet
                if failures > 1 { return false }
            }
        }
        if failures == 0 {
            total += 1
            for facet in counts.indices { count(facet, values) }
            return true
        }
        count(failed, values)
        return false
    }

    private mutating func count(_ facet: Int, _ values: [Int]) {
        if facet == 0 {
            for bit in 0..<4 where values[0] & (1 << bit) != 0 { counts[0][bit + 1] += 1 }
        } else if values[facet] > 0 || facet >= 6 {
            counts[facet][values[facet]] += 1
        }
    }

    func facets() -> [ProjectFacet] {
        ProjectSearch.facetNames.enumerated().map { facet, name in
            let entries = counts[facet].enumerated().filter { $0.element > 0 }.map { code, count in
                (value: Self.label(facet, code), count: count)
            }
            return ProjectFacet(name: name, counts: entries.sorted { $0.value < $1.value })
        }
    }

    static func label(_ facet: Int, _ code: Int) -> String {
        switch facet {
        case 1:
            ProjectStage.allCases[ProjectStage.allCases.index(ProjectStage.allCases.startIndex, offsetBy: code - 1)]
                .rawValue
        case 3: code < 10 ? "0\(code)" : String(code)
        case 5: String(code - 1)
        case 6, 7: code == 1 ? "true" : "false"
        default: String(code)
        }
    }
}
