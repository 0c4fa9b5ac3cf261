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
        let from = Self.from(match: match, postgres: postgres)
        let filters = Self.filters(query, match: match, postgres: postgres)
        let order: SQLQueryString =
            switch query.sort {
            case .relevance where match != nil: postgres ? "rank DESC, p.slug" : "rank, p.slug"
            case .title: "p.title, p.slug"
            default: "p.updated_at DESC, p.slug"
            }
        let rank: SQLQueryString =
            match == nil
            ? "0.0" : postgres ? "ts_rank(s.document, q.query, 1)" : "bm25(project_fts, 0.0, 10.0, 4.0, 1.0)"
        let offset = (query.page - 1) * query.perPage
        // The page's records come straight from the ranked query (one round trip); their JSON
        // documents stay undecoded unless a caller asks for one.
        let rows = try await sql.raw(
            "SELECT p.*, \(rank) AS rank FROM \(from) WHERE \(filters) ORDER BY \(order) "
                + "LIMIT \(literal: query.perPage) OFFSET \(literal: offset)"
        ).all()
        let ordered = try rows.map { try $0.decode(fluentModel: ProjectRecord.self) }
        var facets: [ProjectFacet] = []
        let total: Int
        if query.facets {
            let counted = try await Self.facets(sql, query: query, match: match, postgres: postgres)
            facets = counted.facets
            total = counted.total
        } else if ordered.count < query.perPage && (query.page == 1 || !ordered.isEmpty) {
            total = offset + ordered.count
        } else {
            total =
                try await sql.raw("SELECT COUNT(*) AS n FROM \(from) WHERE \(filters)").first()?
                .decode(column: "n", as: Int.self) ?? 0
        }
        return ProjectSearchResult(projects: ordered, total: total, facets: facets, query: query)
    }

    /// Projects like `record`: its key terms (title and summary weigh most) searched with OR,
    /// ranked by text, with a bonus for shared type, sector and stage; itself left out.
    public func similar(to document: ProjectDocument, excluding slug: String? = nil, limit: Int = 5) async throws
        -> [ProjectRecord]
    {
        let keyTerms = SearchText.keyTerms(
            [document.title, document.title, document.summary, document.problem, document.solution]
                .joined(separator: " "), count: 12)
        guard !keyTerms.isEmpty else { return [] }
        let sql = try ProjectRepository.sql(database)
        let terms = try await Self.distinctive(keyTerms, keep: 4, sql: sql)
        let postgres = ProjectRepository.isPostgres(sql)
        let types = document.innovationTypes
        let typeTerms: [SQLQueryString] = types.compactMap { Self.typeColumns[$0] }.map { column in
            "CASE WHEN p.\(unsafeRaw: column) THEN 1 ELSE 0 END"
        }
        let typeBonus: SQLQueryString = typeTerms.isEmpty ? "0" : typeTerms.joined(separator: " + ")
        let sectorBonus: SQLQueryString =
            document.sector.map { "CASE WHEN p.sector = \(literal: $0) THEN 1 ELSE 0 END" } ?? "0"
        let stageBonus: SQLQueryString = "CASE WHEN p.stage = \(bind: document.stage.rawValue) THEN 0.5 ELSE 0 END"
        let bonus: SQLQueryString = "(\(typeBonus) + \(sectorBonus) + \(stageBonus))"
        let candidates = 50
        let rows: [any SQLRow]
        if postgres {
            let tsquery = terms.joined(separator: " | ")
            rows = try await sql.raw(
                """
                SELECT p.* FROM (
                    SELECT project_id, ts_rank(document, q) AS r FROM project_search,
                    to_tsquery('simple', \(bind: tsquery)) q WHERE document @@ q ORDER BY r DESC LIMIT \(literal: candidates)
                ) c JOIN projects p ON p.id = c.project_id
                WHERE p.status = 'published' AND p.slug <> \(bind: slug ?? "")
                ORDER BY c.r * (1 + 0.25 * \(bonus)) DESC, p.slug LIMIT \(literal: limit)
                """
            ).all()
        } else {
            let match = terms.map { "\"\($0)\"" }.joined(separator: " OR ")
            rows = try await sql.raw(
                """
                SELECT p.* FROM (
                    SELECT rowid AS k, bm25(project_fts, 0.0, 10.0, 4.0, 1.0) AS r FROM project_fts
                    WHERE project_fts MATCH \(bind: match) ORDER BY r LIMIT \(literal: candidates)
                ) c JOIN projects p ON p.search_key = c.k
                WHERE p.status = 'published' AND p.slug <> \(bind: slug ?? "")
                ORDER BY c.r * (1 + 0.25 * \(bonus)), p.slug LIMIT \(literal: limit)
                """
            ).all()
        }
        return try rows.map { try $0.decode(fluentModel: ProjectRecord.self) }
    }

    /// The `keep` rarest of `terms` in the bank (a document's most frequent words are often the
    /// bank's most common too, and OR-ing those would rank nearly every project). Counts are
    /// capped, so each probe reads at most `cap` index entries; all probes run in one statement.
    static func distinctive(_ terms: [String], keep: Int, sql: any SQLDatabase, cap: Int = 500) async throws
        -> [String]
    {
        guard terms.count > keep else { return terms }
        let postgres = ProjectRepository.isPostgres(sql)
        let probes: [SQLQueryString] = terms.enumerated().map { index, term in
            let inner: SQLQueryString =
                postgres
                ? "SELECT 1 FROM project_search WHERE document @@ to_tsquery('simple', \(bind: term)) LIMIT \(literal: cap)"
                : "SELECT 1 FROM project_fts WHERE project_fts MATCH \(bind: "\"\(term)\"") LIMIT \(literal: cap)"
            return "SELECT \(literal: index) AS i, (SELECT COUNT(*) FROM (\(inner)) t) AS n"
        }
        var counts: [Int: Int] = [:]
        for row in try await sql.raw(probes.joined(separator: " UNION ALL ")).all() {
            counts[try row.decode(column: "i", as: Int.self)] = try row.decode(column: "n", as: Int.self)
        }
        // Terms found in at least one other project first, rarest first; ties keep key-term order.
        let ranked = terms.indices.sorted { a, b in
            let (ca, cb) = (counts[a] ?? 0, counts[b] ?? 0)
            let (ua, ub) = (ca >= 2 ? 0 : 1, cb >= 2 ? 0 : 1)
            return (ua, ca, a) < (ub, cb, b)
        }
        return ranked.prefix(keep).map { terms[$0] }
    }

    static let typeColumns: [Int: String] = [
        1: "type_service", 2: "type_product", 3: "type_process", 4: "type_communication",
    ]

    /// The FTS expression for the user's words (all must occur), or nil when none remain.
    /// SQLite gets stemmed, quoted terms (so no FTS5 syntax from the user reaches the engine);
    /// PostgreSQL gets the text for `websearch_to_tsquery`, which never fails to parse.
    static func match(_ text: String, postgres: Bool, anyWord: Bool = false) -> String? {
        let trimmed = String(text.prefix(500)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if postgres {
            // plainto_tsquery ANDs the words; for "any word" the words are joined by " or ",
            // which websearch_to_tsquery reads as OR (see `from`).
            return anyWord ? SearchText.words(trimmed, limit: 20).joined(separator: " or ") : trimmed
        }
        let terms = SearchText.terms(trimmed, limit: 20)
        guard !terms.isEmpty else { return nil }
        return terms.map { "\"\($0)\"" }.joined(separator: anyWord ? " OR " : " ")
    }

    static func from(match: String?, postgres: Bool) -> SQLQueryString {
        guard let match else { return "projects p" }
        if postgres {
            // Norwegian or English stemming of the query, whichever the project was indexed with.
            return """
                projects p JOIN project_search s ON s.project_id = p.id,
                (SELECT websearch_to_tsquery('norwegian', \(bind: match)) || websearch_to_tsquery('english', \(bind: match)) AS query) q
                """
        }
        return "project_fts JOIN projects p ON p.search_key = project_fts.rowid"
    }

    static func filters(_ query: ProjectQuery, match: String?, postgres: Bool) -> SQLQueryString {
        let facetFilters = facetFilters(query, column: { "p.\($0)" }, postgres: postgres).map(\.filter)
        return (baseFilters(query, match: match, postgres: postgres) + facetFilters).joined(separator: " AND ")
    }

    /// The filters that are not facets: the words, status and owner.
    static func baseFilters(_ query: ProjectQuery, match: String?, postgres: Bool) -> [SQLQueryString] {
        var parts: [SQLQueryString] = []
        if let match {
            parts.append(postgres ? "s.document @@ q.query" : "project_fts MATCH \(bind: match)")
        }
        parts.append("p.status IN (\(binds: query.statuses.map(\.rawValue)))")
        if let owner = query.owner { parts.append("p.owner_municipality = \(bind: owner)") }
        return parts
    }

    /// The active facet filters, each named by its facet, on columns named by `column`.
    static func facetFilters(_ query: ProjectQuery, column: (String) -> String, postgres: Bool)
        -> [(facet: String, filter: SQLQueryString)]
    {
        var parts: [(String, SQLQueryString)] = []
        if !query.types.isEmpty {
            let columns = query.types.compactMap { typeColumns[$0] }
            parts.append(
                (
                    "type",
                    SQLQueryString(
                        "(" + columns.map { "\(column($0)) = \(postgres ? "TRUE" : "1")" }.joined(separator: " OR ")
                            + ")")
                ))
        }
        if !query.stages.isEmpty {
            parts.append(("stage", "\(unsafeRaw: column("stage")) IN (\(binds: query.stages.map(\.rawValue)))"))
        }
        if !query.sectors.isEmpty {
            parts.append(("sector", "\(unsafeRaw: column("sector")) IN (\(binds: query.sectors))"))
        }
        if !query.counties.isEmpty {
            parts.append(("county", "\(unsafeRaw: column("county_number")) IN (\(binds: query.counties))"))
        }
        if !query.centralities.isEmpty {
            parts.append(("centrality", "\(unsafeRaw: column("centrality")) IN (\(binds: query.centralities))"))
        }
        if !query.researchLevels.isEmpty {
            parts.append(("research", "\(unsafeRaw: column("research_level")) IN (\(binds: query.researchLevels))"))
        }
        if let evaluated = query.evaluated {
            parts.append(("evaluated", "\(unsafeRaw: column("evaluated")) = \(bind: evaluated)"))
        }
        if let discontinued = query.discontinued {
            let stage = column("stage")
            parts.append(
                (
                    "discontinued",
                    SQLQueryString(discontinued ? "\(stage) = 'discontinued'" : "\(stage) <> 'discontinued'")
                ))
        }
        return parts
    }

    /// Counts per facet value, and the total, in one statement: the projects matching the words,
    /// status and owner are selected once (narrow columns, materialized), then each facet is
    /// counted over those that pass every *other* facet's filter — disjunctive facets, so ticking
    /// «Oslo» still shows how many projects «Bergen» would add.
    static func facets(_ sql: any SQLDatabase, query: ProjectQuery, match: String?, postgres: Bool) async throws
        -> (facets: [ProjectFacet], total: Int)
    {
        let bool = postgres ? "::int" : ""
        let text = postgres ? "::text" : ""
        let active = facetFilters(query, column: { $0 }, postgres: postgres)
        func passing(_ facet: String?, _ condition: SQLQueryString? = nil) -> SQLQueryString {
            let others = active.filter { $0.facet != facet }.map(\.filter) + (condition.map { [$0] } ?? [])
            return others.isEmpty ? "" : " WHERE " + others.joined(separator: " AND ")
        }
        func and(_ facet: String, _ condition: SQLQueryString) -> SQLQueryString { passing(facet, condition) }
        let type = passing("type")
        let selects: [SQLQueryString] = [
            "SELECT 'total' AS f, '' AS v, COUNT(*) AS n FROM hits" + passing(nil),
            "SELECT 'type', '1', SUM(type_service\(unsafeRaw: bool)) FROM hits" + type,
            "SELECT 'type', '2', SUM(type_product\(unsafeRaw: bool)) FROM hits" + type,
            "SELECT 'type', '3', SUM(type_process\(unsafeRaw: bool)) FROM hits" + type,
            "SELECT 'type', '4', SUM(type_communication\(unsafeRaw: bool)) FROM hits" + type,
            "SELECT 'stage', stage, COUNT(*) FROM hits" + passing("stage") + " GROUP BY stage",
            "SELECT 'sector', sector\(unsafeRaw: text), COUNT(*) FROM hits" + and("sector", "sector IS NOT NULL")
                + " GROUP BY sector",
            "SELECT 'county', county_number, COUNT(*) FROM hits" + and("county", "county_number IS NOT NULL")
                + " GROUP BY county_number",
            "SELECT 'centrality', centrality\(unsafeRaw: text), COUNT(*) FROM hits"
                + and("centrality", "centrality IS NOT NULL") + " GROUP BY centrality",
            "SELECT 'research', research_level\(unsafeRaw: text), COUNT(*) FROM hits"
                + and("research", "research_level IS NOT NULL") + " GROUP BY research_level",
            "SELECT 'evaluated', CASE WHEN evaluated THEN 'true' ELSE 'false' END, COUNT(*) FROM hits"
                + passing("evaluated") + " GROUP BY evaluated",
            "SELECT 'discontinued', CASE WHEN stage = 'discontinued' THEN 'true' ELSE 'false' END, COUNT(*) FROM hits"
                + passing("discontinued") + " GROUP BY CASE WHEN stage = 'discontinued' THEN 'true' ELSE 'false' END",
        ]
        let from = Self.from(match: match, postgres: postgres)
        let base = baseFilters(query, match: match, postgres: postgres).joined(separator: " AND ")
        let statement: SQLQueryString =
            "WITH hits AS MATERIALIZED (SELECT p.type_service, p.type_product, p.type_process, p.type_communication, "
            + "p.stage, p.sector, p.county_number, p.centrality, p.research_level, p.evaluated FROM \(from) "
            + "WHERE \(base)) " + selects.joined(separator: " UNION ALL ")
        var grouped: [String: [(String, Int)]] = [:]
        var total = 0
        for row in try await sql.raw(statement).all() {
            let facet = try row.decode(column: "f", as: String.self)
            let value = try row.decode(column: "v", as: String.self)
            let count = try row.decode(column: "n", as: Int?.self) ?? 0
            if facet == "total" {
                total = count
            } else if count > 0 {
                grouped[facet, default: []].append((value, count))
            }
        }
        let facets = facetNames.map { name in
            ProjectFacet(name: name, counts: (grouped[name] ?? []).sorted { $0.0 < $1.0 })
        }
        return (facets, total)
    }
}
