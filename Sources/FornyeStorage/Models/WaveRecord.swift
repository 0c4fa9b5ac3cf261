public import FluentKit
import Foundation

/// A survey wave as stored.
public final class WaveRecord: Model, @unchecked Sendable {
    public static let schema = "waves"

    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Being prepared; nothing is collected or shown.
        case draft
        /// Collecting responses.
        case open
        /// Collection has ended; results are shown to analysts only.
        case closed
        /// Results are public.
        case published
    }

    @ID(key: .id) public var id: UUID?
    /// The wave's name in addresses, e.g. `2018`.
    @Field(key: "slug") public var slug: String
    @Field(key: "title") public var title: String
    @Field(key: "short_title") public var shortTitle: String
    /// The first day of the municipal structure its kommunenummer belong to, `YYYY-MM-DD`.
    @OptionalField(key: "structure_date") public var structureDate: String?
    @Field(key: "synthetic") public var synthetic: Bool
    @Enum(key: "status") public var status: Status
    @Field(key: "codebook_json") public var codebookJSON: String
    @Field(key: "margins_json") public var marginsJSON: String
    @OptionalField(key: "weight_source") public var weightSource: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    /// For waves collected in Fornye: the instrument, `id@version` (see `CollectionInstruments`).
    @OptionalField(key: "instrument_version") public var instrumentVersion: String?
    /// For waves collected in Fornye: anonymous or identified responses.
    @OptionalEnum(key: "collection_mode") public var collectionMode: CollectionMode?
    /// Who collects the answers, as the privacy notice names them.
    @OptionalField(key: "organizer") public var organizer: String?
    /// Whom respondents ask about the survey or a replaced link.
    @OptionalField(key: "contact_email") public var contactEmail: String?
    /// Why the answers are collected, in the respondents' words.
    @OptionalField(key: "purpose") public var purpose: String?
    /// The day after which the answers are deleted or anonymised, `YYYY-MM-DD`.
    @OptionalField(key: "retention_until") public var retentionUntil: String?
    /// Anonymous waves: the coarsened background stored with each response (`BackgroundRelease` JSON).
    @OptionalField(key: "background_release") public var backgroundReleaseJSON: String?
    /// The wave's own sentence under its title on the results page (`Wave.subtitle`).
    @OptionalField(key: "subtitle") public var subtitle: String?

    public init() {}

    public init(
        id: UUID? = nil, slug: String, title: String, shortTitle: String, structureDate: String?, synthetic: Bool,
        status: Status, codebookJSON: String, marginsJSON: String, weightSource: String?
    ) {
        self.id = id
        self.slug = slug
        self.title = title
        self.shortTitle = shortTitle
        self.structureDate = structureDate
        self.synthetic = synthetic
        self.status = status
        self.codebookJSON = codebookJSON
        self.marginsJSON = marginsJSON
        self.weightSource = weightSource
    }
}
