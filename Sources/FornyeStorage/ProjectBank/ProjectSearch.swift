public import FluentKit
import FluentSQL
public import FornyeProjectBank
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
    /// Los top themes by slug (``LosThemes``, e.g. `helse-og-omsorg`); any of them.
    public var themes: [String] = []
    /// The public sees published projects only; editors and admins widen this.
    public var statuses: [ProjectStatus] = [.published]
    public var owner: String?
    public var sort: Sort = .relevance
    /// 1-based.
    public var page: Int = 1
    public var perPage: Int = 20
    public var facets: Bool = true
    /// Expand the words through translations and Los (issue 21); the user may switch it off.
    public var expand: Bool = true
    /// The synonym groups expanding uses; nil = the stored list (``SearchSynonymStore``), read
    /// by each search so an admin's change counts at once.
    public var synonyms: [SearchSynonymGroup]?

    public init() {}

    /// How the words are read (``SearchQueryPlan``).
    public var plan: SearchQueryPlan { SearchQueryPlan(text, expand: expand, synonyms: synonyms ?? []) }

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
    /// What the words were expanded with (``SearchQueryPlan/expansions``), for showing the user.
    public var expansions: [(word: String, with: [String])] = []
    /// «Mente du …?»: the query with its unknown words respelled, when it found little.
    public var suggestion: String?
    /// The ids of the page's projects that have attachments (read with the records, so a page
    /// without any needs no attachment statement).
    public var withAttachments: Set<UUID> = []
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
    /// The same database through another connection (SQLite: another event loop's,
    /// `StorageSetup.databaseBeside`), for the facet statement that runs beside the page; nil =
    /// `database` (PostgreSQL's pool has several connections per event loop anyway).
    public let beside: (any Database)?

    public init(database: any Database, beside: (any Database)? = nil) {
        self.database = database
        self.beside = beside
    }

    /// The facets, in the order pages show them.
    public static let facetNames = [
        "type", "stage", "sector", "county", "centrality", "research", "evaluated", "discontinued", "theme",
    ]

    /// Searches with any of the content words (``SearchQueryPlan``), best first: text rank with a
    /// bonus for covering more of the words; phrases must occur, `-word` must not.
    public func search(_ query: ProjectQuery) async throws -> ProjectSearchResult {
        var query = query
        query.page = max(1, query.page)
        query.perPage = min(max(1, query.perPage), ProjectQuery.maxPerPage)
        let sql = try ProjectRepository.sql(database)
        let besideSQL = try beside.map(ProjectRepository.sql) ?? sql
        let postgres = ProjectRepository.isPostgres(sql)
        if query.expand && query.synonyms == nil && !query.text.isEmpty {
            query.synonyms = try await SearchSynonymStore(database: database).groups()
        }
        let plan = query.plan
        let match = Self.match(query.text, plan: plan, postgres: postgres)
        if !query.text.trimmingCharacters(in: .whitespaces).isEmpty && match == nil {
            return ProjectSearchResult(projects: [], total: 0, facets: [], query: query)
        }
        let offset = (query.page - 1) * query.perPage
        let ranked = match != nil && query.sort == .relevance
        var counter = FacetCounter(filter: FacetFilter(query))
        var keys: [Int]
        var total: Int?
        if match == nil && query.facets {
            // Browsing: counts cached per bank version (ProjectFacetCountCache).
            (keys, counter) = try await Self.browse(
                sql, beside: besideSQL, query: query, offset: offset, counter: counter)
        } else if postgres {
            (keys, counter, total) = try await Self.postgresHits(
                sql, beside: besideSQL, query: query, match: match, ranked: ranked, offset: offset, counter: counter)
        } else if ranked || query.facets {
            // The page and the packed codes (or the count) side by side.
            let hits = try await Self.sqliteHits(
                sql, beside: besideSQL, query: query, match: match, ranked: ranked, offset: offset, counter: counter)
            (keys, counter, total) = (hits.keys, hits.counter, hits.total)
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
        let (projects, withAttachments) = try await Self.records(sql, keys: keys)
        let suggestion =
            match == nil ? nil : try await Self.suggestion(query, plan: plan, total: total ?? 0, sql: sql)
        return ProjectSearchResult(
            projects: projects, total: total ?? 0, facets: query.facets ? counter.facets() : [], query: query,
            expansions: plan.expansions, suggestion: suggestion, withAttachments: withAttachments)
    }

    // MARK: Statements

    /// The narrow table (as `f`), joined to the full-text match when there are words.
    static func from(match: String?, postgres: Bool) -> SQLQueryString {
        guard match != nil else { return postgres ? "project_search f" : "project_facets f" }
        if postgres {
            // Norwegian or English stemming of the query, whichever the project was indexed with.
            // `f` comes last: sorting by title joins `projects` to it, and a JOIN binds to the
            // entry just before it (with `f` first, PostgreSQL refused «invalid reference to f»).
            return "(SELECT websearch_to_tsquery('norwegian', \(bind: match!)) "
                + "|| websearch_to_tsquery('english', \(bind: match!)) AS query) q, project_search f"
        }
        return "project_fts JOIN project_facets f ON f.key = project_fts.rowid"
    }

    /// The words, status and owner; with `facets`, the active facet filters too.
    static func conditions(_ query: ProjectQuery, match: String?, postgres: Bool, facets: Bool) -> SQLQueryString {
        var parts: [SQLQueryString] = []
        if let match {
            parts.append(postgres ? "f.document @@ q.query" : "project_fts MATCH \(bind: match)")
        }
        parts.append("f.status IN (\(binds: query.statuses.map(ProjectFacetCode.of)))")
        if let owner = query.owner { parts.append("f.owner = \(bind: Int(owner) ?? -1)") }
        if facets { parts += FacetFilter(query).sql }
        return parts.joined(separator: " AND ")
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
                ? "ts_rank(f.document, q.query, 1) DESC, f.key" : try await sqliteRank(query, sql: sql) + ", f.key"
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

    /// The records of `keys`, in that order (their JSON documents stay undecoded), and the ids of
    /// those with attachments. PostgreSQL: one prepared statement for any number of keys.
    static func records(_ sql: any SQLDatabase, keys: [Int]) async throws
        -> (records: [ProjectRecord], withAttachments: Set<UUID>)
    {
        guard !keys.isEmpty else { return ([], []) }
        let keyed: SQLQueryString =
            ProjectRepository.isPostgres(sql) ? "p.search_key = ANY(\(bind: keys))" : "p.search_key IN (\(binds: keys))"
        // The columns `ProjectRecord(row:)` reads, named: a prepared `p.*` would fail («cached plan
        // must not change result type») once another instance's migration adds a column.
        let rows = try await PreparedStatements.all(
            sql,
            "SELECT \(unsafeRaw: ProjectRecord.rowColumns.map { "p." + $0 }.joined(separator: ", ")), "
                + "EXISTS (SELECT 1 FROM project_attachments a WHERE a.project_id = p.id) AS has_attachments "
                + "FROM projects p WHERE \(keyed)")
        var byKey: [Int: ProjectRecord] = [:]
        var withAttachments: Set<UUID> = []
        for row in rows {
            let record = try ProjectRecord(row: row)
            byKey[record.searchKey] = record
            if try row.decode(column: "has_attachments", as: Bool.self), let id = record.id {
                withAttachments.insert(id)
            }
        }
        return (keys.compactMap { byKey[$0] }, withAttachments)
    }

    /// The full-text expression for the user's words (``SearchQueryPlan``), or nil when none remain.
    /// SQLite gets analysed, quoted terms (so no FTS5 syntax from the user reaches the engine);
    /// PostgreSQL gets text for `websearch_to_tsquery`, which never fails to parse.
    static func match(_ text: String, plan: SearchQueryPlan, postgres: Bool) -> String? {
        let trimmed = String(text.prefix(500)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        return postgres ? plan.websearch(original: trimmed) : plan.fts5
    }

    /// SQLite's order (ascending): bm25 (negative; title 10, summary 4, body 1) scaled up by the
    /// share of the query's words a project covers, each word weighed by its rarity (idf), so
    /// covering more of the telling words clearly wins and a common word («go», «get») barely counts.
    static func sqliteRank(_ query: ProjectQuery, sql: any SQLDatabase) async throws -> SQLQueryString {
        let groups = query.plan.groups
        guard groups.count > 1 else { return sqliteRank(groups, weights: []) }
        return sqliteRank(groups, weights: try await groupWeights(groups, sql: sql))
    }

    /// The same order from known weights. `coverage` gives the FTS5 text that tells whether a
    /// project covers group i (default: the group itself); the ranking cut
    /// (`ProjectSearch+RankCut.swift`) narrows it to its candidates, so the values stay the same.
    static func sqliteRank(
        _ groups: [SearchQueryPlan.Group], weights: [Double], coverage: ((Int) -> String)? = nil
    ) -> SQLQueryString {
        let bm25: SQLQueryString = "bm25(project_fts, 0.0, 10.0, 4.0, 1.0)"
        guard groups.count > 1 else { return bm25 }
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return bm25 }
        let covered: [SQLQueryString] = groups.indices.filter { weights[$0] > 0 }.map { index in
            "\(literal: weights[index] / sum) * (project_fts.rowid IN (SELECT rowid FROM project_fts WHERE "
                + "project_fts MATCH \(bind: coverage?(index) ?? SearchQueryPlan.fts5(groups[index]))))"
        }
        return bm25 + " * (1.0 + \(literal: coverageBonus) * (" + covered.joined(separator: " + ") + "))"
    }

    /// How much covering all the words multiplies the text rank by, beyond 1.
    static let coverageBonus = 2.0

    /// Each group's idf, ln(1 + projects / df), its df that of its most frequent form (from
    /// `project_terms`); 0 for a group no project holds.
    static func groupWeights(_ groups: [SearchQueryPlan.Group], sql: any SQLDatabase) async throws -> [Double] {
        let terms = Array(Set(groups.flatMap { $0.alternatives.joined().joined() }))
        var df: [String: Int] = [:]
        for batch in ProjectRepository.batches(terms, size: 400) {
            for row in try await sql.raw("SELECT term, df FROM project_terms WHERE term IN (\(binds: batch))").all() {
                df[try row.decode(column: "term", as: String.self)] = try row.decode(column: "df", as: Int.self)
            }
        }
        let total = Double(max(try await projectCount(sql), 1))
        return groups.map { group in
            let frequency =
                group.alternatives.map { alternative in
                    alternative.map { slot in slot.map { df[$0] ?? 0 }.max() ?? 0 }.min() ?? 0
                }.max() ?? 0
            return frequency > 0 ? log(1 + total / Double(frequency)) : 0
        }
    }
}
