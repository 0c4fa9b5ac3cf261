import FluentKit

/// One published reuse of a published project (`original`): either a published project that names
/// it in `basedOn`, or a «Vi har gjenbrukt dette» report (``ProjectReuseReportRecord``).
public struct ProjectReuse: Sendable {
    public let original: ProjectRecord
    public let reuser: Reuser

    /// Who reused: the project, or the report, and what the reuse pages read of either.
    public struct Reuser: Sendable {
        /// The reusing project, when the reuse is a project of its own.
        public var project: ProjectRecord?
        /// The report, when the reuse was recorded without a project.
        public var report: ProjectReuseReportRecord?

        public var ownerMunicipality: String? { project?.ownerMunicipality ?? report?.municipalityNumber }
        public var ownerName: String { project?.ownerName ?? report?.municipalityName ?? "" }
        public var countyNumber: String? { project?.countyNumber ?? report?.countyNumber }
        public var synthetic: Bool { project?.synthetic ?? report?.synthetic ?? false }
        /// The reusing project's slug, or "" for a report (for ordering).
        public var slug: String { project?.slug ?? "" }
    }

    public init(original: ProjectRecord, reuser: ProjectRecord) {
        self.original = original
        self.reuser = Reuser(project: reuser, report: nil)
    }

    public init(original: ProjectRecord, report: ProjectReuseReportRecord) {
        self.original = original
        self.reuser = Reuser(project: nil, report: report)
    }
}

extension ProjectRepository {
    /// The published projects that name `slug` in `basedOn` (the project page's "reused by").
    public func publishedReusers(of slug: String) async throws -> [ProjectRecord] {
        try await ProjectRecord.query(on: database).filter(\.$basedOn == slug).filter(\.$status == .published).all()
    }

    /// Every published reuse of a published project (only those building on `original` when
    /// given), projects and reports, ordered by the reuser's county, owner and slug as the reuse
    /// map lists them.
    public func publishedReuses(of original: String? = nil) async throws -> [ProjectReuse] {
        var query = ProjectRecord.query(on: database).filter(\.$basedOn != nil).filter(\.$status == .published)
        if let original { query = query.filter(\.$basedOn == original) }
        let reusing = try await query.all()
        var reports = ProjectReuseReportRecord.query(on: database)
        if let original {
            guard let record = try await find(slug: original) else { return [] }
            reports = reports.filter(\.$projectID == (try record.requireID()))
        }
        return try await reuses(reusing: reusing, reports: try await reports.all())
    }

    /// A municipality's reuse both ways (its profile): `reusedHere`, published projects of other
    /// municipalities that it built on (its own projects naming them, or its reports); and
    /// `reusedFromHere`, its published projects that others built on.
    public func publishedReuses(municipality number: String) async throws -> (
        reusedHere: [ProjectReuse], reusedFromHere: [ProjectReuse]
    ) {
        let ownReusing = try await ProjectRecord.query(on: database).filter(\.$ownerMunicipality == number)
            .filter(\.$basedOn != nil).filter(\.$status == .published).all()
        let ownReports = try await ProjectReuseReportRecord.query(on: database)
            .filter(\.$municipalityNumber == number).all()
        let ownProjects = try await ProjectRecord.query(on: database).filter(\.$ownerMunicipality == number)
            .filter(\.$status == .published).all()
        let othersReusing =
            ownProjects.isEmpty
            ? []
            : try await ProjectRecord.query(on: database).filter(\.$basedOn ~~ ownProjects.map(\.slug))
                .filter(\.$status == .published).all()
        let othersReports =
            ownProjects.isEmpty
            ? []
            : try await ProjectReuseReportRecord.query(on: database)
                .filter(\.$projectID ~~ ownProjects.compactMap(\.id)).all()
        return (
            try await reuses(reusing: ownReusing, reports: ownReports),
            try await reuses(reusing: othersReusing, reports: othersReports)
        )
    }

    /// Pairs reusing projects and reports with their originals, keeping those whose original is published.
    private func reuses(reusing: [ProjectRecord], reports: [ProjectReuseReportRecord]) async throws -> [ProjectReuse] {
        let slugs = Array(Set(reusing.compactMap(\.basedOn)))
        let ids = Array(Set(reports.map(\.projectID)))
        var originals: [ProjectRecord] = []
        if !slugs.isEmpty {
            originals += try await ProjectRecord.query(on: database).filter(\.$slug ~~ slugs)
                .filter(\.$status == .published).all()
        }
        if !ids.isEmpty {
            originals += try await ProjectRecord.query(on: database).filter(\.$id ~~ ids)
                .filter(\.$status == .published).all()
        }
        let bySlug = Dictionary(originals.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let byID = Dictionary(originals.compactMap { o in o.id.map { ($0, o) } }, uniquingKeysWith: { a, _ in a })
        let fromProjects = reusing.compactMap { record in
            bySlug[record.basedOn ?? ""].map { ProjectReuse(original: $0, reuser: record) }
        }
        let fromReports = reports.compactMap { report in
            byID[report.projectID].map { ProjectReuse(original: $0, report: report) }
        }
        return (fromProjects + fromReports).sorted {
            ($0.reuser.countyNumber ?? "99", $0.reuser.ownerName, $0.reuser.slug, $0.reuser.report?.reusedMonth ?? "")
                < (
                    $1.reuser.countyNumber ?? "99", $1.reuser.ownerName, $1.reuser.slug,
                    $1.reuser.report?.reusedMonth ?? ""
                )
        }
    }
}
