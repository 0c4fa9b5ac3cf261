public import FluentKit
public import FornyeProjectBank
import Foundation

/// A project in the bank: the whole ``ProjectDocument`` as JSON, and beside it the columns that
/// search, facets, sorting and permissions use (kept in step by ``ProjectRepository``).
public final class ProjectRecord: Model, @unchecked Sendable {
    public static let schema = "projects"

    @ID(key: .id) public var id: UUID?
    /// The project's name in addresses.
    @Field(key: "slug") public var slug: String
    /// A small integer key: the FTS5 rowid on SQLite, so the index is updated and joined by key.
    @Field(key: "search_key") public var searchKey: Int
    @Field(key: "title") public var title: String
    @Field(key: "summary") public var summary: String
    @Enum(key: "status") public var status: ProjectStatus
    @Enum(key: "stage") public var stage: ProjectStage
    @OptionalField(key: "sector") public var sector: Int?
    @OptionalField(key: "unit_type") public var unitType: Int?
    @OptionalField(key: "owner_municipality") public var ownerMunicipality: String?
    /// Name of the owner: the municipality's name, or the organisation's for imported cases.
    @Field(key: "owner_name") public var ownerName: String
    @OptionalField(key: "county_number") public var countyNumber: String?
    @OptionalField(key: "centrality") public var centrality: Int?
    @Field(key: "country") public var country: String
    @OptionalField(key: "research_level") public var researchLevel: Int?
    /// nil when unknown (migration 0076).
    @OptionalField(key: "evaluated") public var evaluated: Bool?
    @Field(key: "type_service") public var typeService: Bool
    @Field(key: "type_product") public var typeProduct: Bool
    @Field(key: "type_process") public var typeProcess: Bool
    @Field(key: "type_communication") public var typeCommunication: Bool
    @OptionalField(key: "based_on") public var basedOn: String?
    @OptionalField(key: "source_name") public var sourceName: String?
    @Field(key: "synthetic") public var synthetic: Bool
    @Field(key: "language") public var language: String
    @Field(key: "completeness") public var completeness: Int
    @Field(key: "document_json") public var documentJSON: String
    /// Counts saves; each has a ``ProjectVersionRecord``.
    @Field(key: "version") public var version: Int
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public func document() throws -> ProjectDocument {
        try JSONDecoder().decode(ProjectDocument.self, from: Data(documentJSON.utf8))
    }

    /// Los top themes as a mask (``LosThemes``: bit `code − 1`), derived from the document; stored
    /// in the narrow search table's `themes` at each save (migration 0092).
    /// 0 for a record without a document yet.
    public var losThemes: Int {
        guard let json = $documentJSON.value,
            let document = try? JSONDecoder().decode(ProjectDocument.self, from: Data(json.utf8))
        else { return 0 }
        return LosThemes.mask(of: document)
    }
}

/// One save of a project: who, when, which fields changed, and the whole document as it was then.
public final class ProjectVersionRecord: Model, @unchecked Sendable {
    public static let schema = "project_versions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "version") public var version: Int
    /// Who saved: a user's display name, or the importer.
    @Field(key: "author") public var author: String
    @OptionalField(key: "author_id") public var authorID: UUID?
    /// What happened: a `ProjectVersionAction` code ("created", "edited", "status:published", …).
    @Field(key: "action") public var action: String
    /// Comma-separated field names that differ from the previous version.
    @Field(key: "changed_fields") public var changedFields: String
    @Enum(key: "status") public var status: ProjectStatus
    @Field(key: "document_json") public var documentJSON: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A research or education institution that municipalities can work with.
public final class ResearchInstitutionRecord: Model, @unchecked Sendable {
    public static let schema = "research_institutions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "slug") public var slug: String
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "municipality") public var municipality: String?
    /// Competence areas, one per line.
    @Field(key: "competence") public var competence: String
    @OptionalField(key: "url") public var url: String?
    /// Whom to ask: a name, an e-mail address or a phone number.
    @OptionalField(key: "contact") public var contact: String?
    @Field(key: "synthetic") public var synthetic: Bool

    public init() {}

    public init(slug: String, name: String, kind: String, municipality: String?, competence: [String], url: String?) {
        self.slug = slug
        self.name = name
        self.kind = kind
        self.municipality = municipality
        self.competence = competence.joined(separator: "\n")
        self.url = url
        self.synthetic = false
    }

    public var competenceAreas: [String] { competence.split(separator: "\n").map(String.init) }
}
