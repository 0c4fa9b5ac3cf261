public import FluentKit
public import FornyeBarometer
public import FornyeProjectBank
import Foundation

/// «Vi har gjenbrukt dette»: one municipality's report that it reused a published project
/// (migration 0074). The municipality's name and county are as the register gave them.
public final class ProjectReuseReportRecord: Model, @unchecked Sendable {
    public static let schema = "project_reuse_reports"

    @ID(key: .id) public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "municipality_number") public var municipalityNumber: String
    @Field(key: "municipality_name") public var municipalityName: String
    @Field(key: "county_number") public var countyNumber: String
    /// The unit or service that reused it; empty when not given.
    @Field(key: "unit") public var unit: String
    /// `YYYY-MM`.
    @Field(key: "reused_month") public var reusedMonth: String
    @Field(key: "changes") public var changes: String
    @OptionalField(key: "reported_by") public var reportedBy: UUID?
    @Field(key: "reported_by_name") public var reportedByName: String
    @Field(key: "synthetic") public var synthetic: Bool
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

extension AuditAction {
    /// «Vi har gjenbrukt dette» (target: the project; details: the reusing municipality and the month).
    public static let projectReuseRecorded: AuditAction = "project.reuse_recorded"
}

extension ProjectRepository {
    /// Records that a municipality reused the published project `slug`: checked by
    /// ``ReuseReportInput/check(actor:originalOwner:register:on:)``, written in one transaction
    /// that finds the project still published and writes the audit entry.
    @discardableResult
    public func recordReuse(
        of slug: String, _ input: ReuseReportInput, by author: ProjectAuthor, register: MunicipalityRegister,
        on date: CalendarDay = ProjectValidation.today
    ) async throws -> ProjectReuseReportRecord {
        guard author.actor != .system else {
            throw ProjectError.forbidden(
                "reuse is recorded by a signed-in editor", nb: "gjenbruk registreres av en innlogget redaktør")
        }
        let now = Self.now()
        return try await database.writeTransaction { transaction in
            guard
                let project = try await ProjectRecord.query(on: transaction).filter(\.$slug == slug)
                    .filter(\.$status == .published).first()
            else { throw ProjectError.notFound(slug) }
            let checked = try input.check(
                actor: author.actor, originalOwner: project.ownerMunicipality, register: register, on: date
            ).get()
            let report = ProjectReuseReportRecord()
            report.projectID = try project.requireID()
            report.municipalityNumber = checked.municipalityNumber
            report.municipalityName = checked.municipalityName
            report.countyNumber = checked.countyNumber
            report.unit = checked.unit
            report.reusedMonth = checked.month
            report.changes = checked.changes
            report.reportedBy = author.userID
            report.reportedByName = author.name
            report.synthetic = false
            report.createdAt = now
            try await report.create(on: transaction)
            try await AuditLog(database: transaction).record(
                actor: author.userID, action: .projectReuseRecorded, target: slug,
                details: "\(report.municipalityNumber) \(report.reusedMonth)", at: now)
            return report
        }
    }

    /// A project's reuse reports, newest month first.
    public func reuseReports(of record: ProjectRecord) async throws -> [ProjectReuseReportRecord] {
        try await ProjectReuseReportRecord.query(on: database).filter(\.$projectID == record.requireID())
            .sort(\.$reusedMonth, .descending).sort(\.$createdAt, .descending).all()
    }
}
