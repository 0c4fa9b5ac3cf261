public import FluentKit
import FluentSQL
public import FornyeBarometer
public import FornyeProjectBank
import Foundation

/// Who saved a change, for the version history.
public struct ProjectAuthor: Sendable, Equatable {
    public var actor: ProjectActor
    public var name: String
    public var userID: UUID?
    public init(actor: ProjectActor, name: String, userID: UUID? = nil) {
        self.actor = actor
        self.name = name
        self.userID = userID
    }
    public static let importer = ProjectAuthor(actor: .system, name: "import")
}

/// Reads and writes projects. Every write is one transaction covering the record, its version
/// row and its search-index entry: a project is saved whole or not at all.
public struct ProjectRepository: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    // MARK: Reading

    public func find(slug: String) async throws -> ProjectRecord? {
        try await ProjectRecord.query(on: database).filter(\.$slug == slug).first()
    }

    public func require(slug: String) async throws -> ProjectRecord {
        guard let record = try await find(slug: slug) else { throw ProjectError.notFound(slug) }
        return record
    }

    /// Versions of a project, newest first.
    public func versions(of record: ProjectRecord) async throws -> [ProjectVersionRecord] {
        try await ProjectVersionRecord.query(on: database).filter(\.$projectID == record.requireID())
            .sort(\.$version, .descending).all()
    }

    /// Projects with one of `statuses`, newest first (for exports).
    public func list(statuses: [ProjectStatus], owner: String? = nil, limit: Int? = nil) async throws
        -> [ProjectRecord]
    {
        var query = ProjectRecord.query(on: database).filter(\.$status ~~ statuses).sort(\.$updatedAt, .descending)
            .sort(\.$slug)
        if let owner { query = query.filter(\.$ownerMunicipality == owner) }
        if let limit { query = query.limit(limit) }
        return try await query.all()
    }

    public func count() async throws -> Int {
        try await ProjectRecord.query(on: database).count()
    }

    // MARK: Writing

    /// Creates a project as a draft (or `status`, for imports and demo content).
    @discardableResult
    public func create(
        _ document: ProjectDocument, by author: ProjectAuthor, status: ProjectStatus = .draft, slug: String? = nil
    ) async throws -> ProjectRecord {
        try await createAll([document], by: author, status: status, slugs: slug.map { [$0] }).first!
    }

    /// Creates many projects in one transaction: all of them or none (for imports). Each
    /// document is validated first; the first invalid one stops everything, named by index.
    @discardableResult
    public func createAll(
        _ documents: [ProjectDocument], by author: ProjectAuthor, status: ProjectStatus, slugs: [String]? = nil,
        validationDate: CalendarDay = ProjectValidation.today
    ) async throws -> [ProjectRecord] {
        for (index, document) in documents.enumerated() {
            guard ProjectWorkflow.mayCreate(author.actor, owner: document.ownerMunicipality) else {
                throw ProjectError.forbidden(
                    "editors create projects only for their own municipality",
                    nb: "kommuneredaktører oppretter bare prosjekter for sin egen kommune")
            }
            let errors = ProjectValidation.errors(of: document, on: validationDate)
            if !errors.isEmpty {
                throw documents.count == 1
                    ? ProjectError.invalid(errors)
                    : ProjectError.invalid(
                        errors.map {
                            ProjectFieldError(
                                field: "[\(index)].\($0.field)", message: $0.message, messageNB: $0.messageNB)
                        })
            }
        }
        let now = Self.now()
        let records = try await database.writeTransaction { transaction -> [ProjectRecord] in
            var usedSlugs = Set<String>()
            let sql = try Self.sql(transaction)
            var nextKey = try await Self.maxSearchKey(sql) + 1
            var records: [ProjectRecord] = []
            records.reserveCapacity(documents.count)
            var versions: [ProjectVersionRecord] = []
            for (index, document) in documents.enumerated() {
                let record = ProjectRecord()
                record.id = UUID()
                var slug = slugs?[index] ?? Self.slug(for: document.title)
                if usedSlugs.contains(slug) { slug += "-\(index)" }
                usedSlugs.insert(slug)
                record.slug = slug
                record.searchKey = nextKey
                nextKey += 1
                record.status = status
                record.version = 1
                record.createdAt = now
                record.updatedAt = now
                try Self.apply(document, to: record)
                records.append(record)
                versions.append(
                    Self.version(
                        of: record, author: author, action: author.actor == .system ? .imported : .created,
                        changed: ["*"], now: now))
            }
            for batch in Self.batches(records, size: 100) { try await batch.create(on: transaction) }
            for batch in Self.batches(versions, size: 200) { try await batch.create(on: transaction) }
            for (record, document) in zip(records, documents) {
                try await ContactConfirmations.confirm(
                    document, of: try record.requireID(), by: author, now: now, on: transaction)
            }
            // New keys have no index entries yet: insert them in multi-row statements.
            for batch in Self.batches(Array(zip(records, documents)), size: 100) {
                try await Self.indexNew(batch, on: sql)
            }
            if !Self.isPostgres(sql) {
                for batch in Self.batches(records, size: 200) {
                    try await ProjectFacetCodes.insert(batch.map(ProjectFacetCodes.init), on: sql)
                }
            }
            return records
        }
        return records
    }

    /// Saves a new version of a project's document.
    @discardableResult
    public func update(slug: String, with document: ProjectDocument, by author: ProjectAuthor) async throws
        -> ProjectRecord
    {
        let record = try await require(slug: slug)
        guard ProjectWorkflow.mayEdit(author.actor, status: record.status, owner: record.ownerMunicipality),
            ProjectWorkflow.mayCreate(author.actor, owner: document.ownerMunicipality)
        else {
            throw ProjectError.forbidden(
                "you may not edit this project in its present status",
                nb: "du kan ikke redigere prosjektet slik det står nå")
        }
        try ProjectValidation.validate(document)
        let previous = try record.document()
        let changed = document.changedFields(since: previous)
        let now = Self.now()
        try Self.apply(document, to: record)
        record.version += 1
        record.updatedAt = now
        try await database.writeTransaction { transaction in
            try await record.update(on: transaction)
            try await Self.version(of: record, author: author, action: .edited, changed: changed, now: now)
                .create(on: transaction)
            try await ContactConfirmations.confirm(
                document, of: try record.requireID(), by: author, now: now, on: transaction)
            let sql = try Self.sql(transaction)
            try await Self.index(record, document, on: sql)
            try await ProjectSimilarityVectors.write([(record.searchKey, document)], on: sql)
            try await ProjectFacetCodes.write(record, on: sql)
        }
        return record
    }

    /// Moves a project along the workflow, if ``ProjectWorkflow`` allows `author` to.
    @discardableResult
    public func transition(slug: String, to status: ProjectStatus, by author: ProjectAuthor) async throws
        -> ProjectRecord
    {
        let record = try await require(slug: slug)
        guard ProjectWorkflow.isAllowed(from: record.status, to: status) else {
            throw ProjectError.transitionNotAllowed(from: record.status, to: status)
        }
        guard ProjectWorkflow.may(author.actor, move: record.status, to: status, owner: record.ownerMunicipality)
        else {
            throw ProjectError.forbidden(
                "your role may not move this project from \(record.status.labels.en) to \(status.labels.en)",
                nb: "rollen din kan ikke flytte prosjektet fra «\(record.status.labels.nb)» til «\(status.labels.nb)»")
        }
        let now = Self.now()
        record.status = status
        record.version += 1
        record.updatedAt = now
        try await database.writeTransaction { transaction in
            try await record.update(on: transaction)
            try await Self.version(
                of: record, author: author, action: .status(status), changed: ["status"], now: now
            )
            .create(on: transaction)
            try await ProjectFacetCodes.write(record, on: try Self.sql(transaction))
        }
        return record
    }

    /// Deletes a project with its versions and its search entries (admins only).
    public func delete(slug: String, by author: ProjectAuthor) async throws {
        guard case .admin = author.actor else {
            throw ProjectError.forbidden("only admins delete projects", nb: "bare administratorer sletter prosjekter")
        }
        let record = try await require(slug: slug)
        let id = try record.requireID()
        try await database.writeTransaction { transaction in
            let sql = try Self.sql(transaction)
            try await ProjectSimilarityVectors.remove(record.searchKey, on: sql)
            if !Self.isPostgres(sql) {
                if let previous = try await ProjectTermCounts.indexedColumns(of: record.searchKey, on: sql) {
                    try await ProjectTermCounts.adjust(adding: [], removing: [previous], on: sql)
                }
                try await sql.raw("DELETE FROM project_fts WHERE rowid = \(bind: record.searchKey)").run()
                try await sql.raw("DELETE FROM project_facets WHERE key = \(bind: record.searchKey)").run()
            }
            // PostgreSQL's project_search row goes with the record (ON DELETE CASCADE), and its
            // terms are uncounted by the trigger of migration 0045.
            try await ProjectVersionRecord.query(on: transaction).filter(\.$projectID == id).delete()
            try await ProjectReuseReportRecord.query(on: transaction).filter(\.$projectID == id).delete()
            try await ContactConfirmationRecord.query(on: transaction).filter(\.$projectID == id).delete()
            try await record.delete(on: transaction)
        }
    }

    // MARK: Research institutions

    public func institutions() async throws -> [ResearchInstitutionRecord] {
        try await ResearchInstitutionRecord.query(on: database).sort(\.$name).all()
    }

    /// Institutions whose competence areas share stemmed terms with the project, best first.
    public func suggestedInstitutions(for document: ProjectDocument, limit: Int = 3) async throws
        -> [ResearchInstitutionRecord]
    {
        let terms = Set(
            SearchText.keyTerms(
                [document.title, document.summary, document.problem, document.solution, document.serviceArea]
                    .joined(separator: " "), count: 30))
        let scored = try await institutions().map { institution -> (ResearchInstitutionRecord, Int) in
            let competence = Set(SearchText.terms(institution.competence))
            return (institution, competence.intersection(terms).count)
        }
        return scored.filter { $0.1 > 0 }.sorted { ($0.1, $1.0.name) > ($1.1, $0.0.name) }.prefix(limit).map(\.0)
    }

    // MARK: Internals

    static func sql(_ database: any Database) throws -> any SQLDatabase {
        guard let sql = database as? any SQLDatabase else {
            throw ProjectError.forbidden(
                "the project bank needs an SQL database", nb: "prosjektbanken trenger en SQL-database")
        }
        return sql
    }

    static func isPostgres(_ sql: any SQLDatabase) -> Bool { sql.dialect.name == "postgresql" }

    /// The time of a save, to the millisecond, so the record and its search codes hold the same
    /// instant after a round trip through either database.
    static func now() -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    static func maxSearchKey(_ sql: any SQLDatabase) async throws -> Int {
        let row = try await sql.raw("SELECT COALESCE(MAX(search_key), 0) AS k FROM projects").first()
        return try row?.decode(column: "k", as: Int.self) ?? 0
    }

    static func batches<T>(_ items: [T], size: Int) -> [[T]] {
        stride(from: 0, to: items.count, by: size).map { Array(items[$0..<min($0 + size, items.count)]) }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// Copies the document into the record's columns, deriving county and centrality from the
    /// owner's kommunenummer.
    static func apply(_ document: ProjectDocument, to record: ProjectRecord) throws {
        record.title = document.title
        record.summary = document.summary
        record.stage = document.stage
        record.sector = document.sector
        record.unitType = document.unitType
        record.ownerMunicipality = document.ownerMunicipality
        record.country = document.country
        record.countyNumber = nil
        record.centrality = nil
        record.ownerName = document.ownerName
        if let number = document.ownerMunicipality,
            let municipality = try? MunicipalityRegister.bundled().municipality(
                number: number, on: ProjectValidation.today)
        {
            record.ownerName = municipality.name
            record.countyNumber = municipality.countyNumber
            record.centrality = municipality.centrality
        }
        record.researchLevel = document.research.level
        record.evaluated = document.evaluated
        record.typeService = document.innovationTypes.contains(1)
        record.typeProduct = document.innovationTypes.contains(2)
        record.typeProcess = document.innovationTypes.contains(3)
        record.typeCommunication = document.innovationTypes.contains(4)
        record.basedOn = document.basedOn
        record.sourceName = document.source?.name
        record.synthetic = document.synthetic
        record.language = document.language
        record.completeness = ProjectCompleteness.percent(of: document)
        record.documentJSON = String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    static func version(
        of record: ProjectRecord, author: ProjectAuthor, action: ProjectVersionAction, changed: [String], now: Date
    ) -> ProjectVersionRecord {
        let version = ProjectVersionRecord()
        version.id = UUID()
        version.projectID = record.id!
        version.version = record.version
        version.author = author.name
        version.authorID = author.userID
        version.action = action.code
        version.changedFields = changed.joined(separator: ",")
        version.status = record.status
        version.documentJSON = record.documentJSON
        version.createdAt = now
        return version
    }

    /// A readable, unique-enough address: the title's words and a short random suffix.
    static func slug(for title: String) -> String {
        let folded = title.lowercased()
            .replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "ø", with: "o")
            .replacingOccurrences(of: "å", with: "a")
            .folding(options: .diacriticInsensitive, locale: nil)
        var slug = ""
        for character in folded {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
            if slug.count >= 60 { break }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        let suffix = String(UUID().uuidString.lowercased().prefix(6))
        return slug.isEmpty ? "prosjekt-\(suffix)" : "\(slug)-\(suffix)"
    }

    /// Writes the search-index entries of projects that have none yet, in one statement, and
    /// their similarity vectors.
    static func indexNew(_ items: [(ProjectRecord, ProjectDocument)], on sql: any SQLDatabase) async throws {
        guard !items.isEmpty else { return }
        let postgres = isPostgres(sql)
        var indexed: [[String]] = []
        let rows: [SQLQueryString] = items.map { record, document in
            let (title, summary, body) = SearchText.indexColumns(document, ownerName: record.ownerName)
            if postgres {
                let configuration = document.language == "en" ? "english" : "norwegian"
                let codes = ProjectFacetCodes(record)
                return """
                    (\(bind: record.id!),
                    setweight(to_tsvector(\(bind: configuration)::regconfig, \(bind: title)), 'A')
                    || setweight(to_tsvector(\(bind: configuration)::regconfig, \(bind: summary)), 'B')
                    || setweight(to_tsvector(\(bind: configuration)::regconfig, \(bind: body)), 'C'),
                    \(bind: codes.key)
                    """ + ", " + codes.values.joined(separator: ", ") + ")"
            }
            let language = SearchLanguage(code: document.language)
            let columns = [title, summary, body].map { SearchText.indexed($0, language: language) }
            indexed.append(columns)
            return """
                (\(bind: record.searchKey), \(bind: record.slug), \(bind: columns[0]), \(bind: columns[1]),
                \(bind: columns[2]))
                """
        }
        let into: SQLQueryString =
            postgres
            ? "INSERT INTO project_search (project_id, document, key, "
                + "\(unsafeRaw: ProjectFacetCodes.columns.joined(separator: ", "))) VALUES "
            : "INSERT INTO project_fts (rowid, project_id, title, summary, body) VALUES "
        try await sql.raw(into + rows.joined(separator: ", ")).run()
        try await ProjectTermCounts.adjust(adding: indexed, on: sql)
        try await ProjectSimilarityVectors.write(items.map { ($0.0.searchKey, $0.1) }, new: true, on: sql)
    }

    /// Writes the project's search-index entry (replacing any earlier one).
    static func index(_ record: ProjectRecord, _ document: ProjectDocument, on sql: any SQLDatabase) async throws {
        let (title, summary, body) = SearchText.indexColumns(document, ownerName: record.ownerName)
        if isPostgres(sql) {
            let configuration = document.language == "en" ? "english" : "norwegian"
            try await sql.raw(
                """
                INSERT INTO project_search (project_id, document) VALUES (\(bind: record.id!),
                    setweight(to_tsvector(\(bind: configuration)::regconfig, \(bind: title)), 'A')
                    || setweight(to_tsvector(\(bind: configuration)::regconfig, \(bind: summary)), 'B')
                    || setweight(to_tsvector(\(bind: configuration)::regconfig, \(bind: body)), 'C'))
                ON CONFLICT (project_id) DO UPDATE SET document = EXCLUDED.document
                """
            ).run()
        } else {
            let previous = try await ProjectTermCounts.indexedColumns(of: record.searchKey, on: sql)
            try await sql.raw("DELETE FROM project_fts WHERE rowid = \(bind: record.searchKey)").run()
            let language = SearchLanguage(code: document.language)
            let columns = [title, summary, body].map { SearchText.indexed($0, language: language) }
            try await sql.raw(
                """
                INSERT INTO project_fts (rowid, project_id, title, summary, body) VALUES (\(bind: record.searchKey),
                \(bind: record.slug), \(bind: columns[0]), \(bind: columns[1]), \(bind: columns[2]))
                """
            ).run()
            try await ProjectTermCounts.adjust(adding: [columns], removing: previous.map { [$0] } ?? [], on: sql)
        }
    }
}
