import FluentKit

/// One published reuse: a published project (`reuser`) that names another published project
/// (`original`) in `basedOn`.
public struct ProjectReuse: Sendable {
    public let original: ProjectRecord
    public let reuser: ProjectRecord

    public init(original: ProjectRecord, reuser: ProjectRecord) {
        self.original = original
        self.reuser = reuser
    }
}

extension ProjectRepository {
    /// The published projects that name `slug` in `basedOn` (the project page's "reused by").
    public func publishedReusers(of slug: String) async throws -> [ProjectRecord] {
        try await ProjectRecord.query(on: database).filter(\.$basedOn == slug).filter(\.$status == .published).all()
    }

    /// Every published reuse of a published project (only those building on `original` when
    /// given), ordered by the reuser's county, owner and slug as the reuse map lists them.
    public func publishedReuses(of original: String? = nil) async throws -> [ProjectReuse] {
        var query = ProjectRecord.query(on: database).filter(\.$basedOn != nil).filter(\.$status == .published)
        if let original { query = query.filter(\.$basedOn == original) }
        let reusing = try await query.all()
        let originals = try await ProjectRecord.query(on: database)
            .filter(\.$slug ~~ Array(Set(reusing.compactMap(\.basedOn))))
            .filter(\.$status == .published).all()
        let bySlug = Dictionary(originals.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        return reusing.compactMap { record in
            bySlug[record.basedOn ?? ""].map { ProjectReuse(original: $0, reuser: record) }
        }
        .sorted {
            ($0.reuser.countyNumber ?? "99", $0.reuser.ownerName, $0.reuser.slug)
                < ($1.reuser.countyNumber ?? "99", $1.reuser.ownerName, $1.reuser.slug)
        }
    }
}
