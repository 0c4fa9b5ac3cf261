public import FluentKit
public import FornyeBarometer
import Foundation

/// A stored register line with its id.
public struct StoredProgrammeApplication: Sendable, Hashable {
    public var id: UUID
    public var application: ProgrammeApplication
}

/// A stored interview case with its id.
public struct StoredInterviewCase: Sendable, Hashable {
    public var id: UUID
    public var record: InterviewCase
}

/// Which register lines to list; nil matches everything.
public struct ProgrammeFilter: Sendable, Equatable {
    public var status: ProgrammeStatus?
    public var municipalityNumber: String?
    public var call: String?

    public init(status: ProgrammeStatus? = nil, municipalityNumber: String? = nil, call: String? = nil) {
        self.status = status
        self.municipalityNumber = municipalityNumber
        self.call = call
    }
}

/// The programme register in the database: imported all or nothing, listed, edited line by line,
/// exported; every change and export written to the audit log in the same transaction.
///
/// ```swift
/// let repository = ProgrammeRepository(database: db, register: try .bundled())
/// try await repository.importApplications(lines, replace: true, actor: user, source: "register.xlsx")
/// ```
public struct ProgrammeRepository: Sendable {
    public let database: any Database
    public let register: MunicipalityRegister

    public init(database: any Database, register: MunicipalityRegister) {
        self.database = database
        self.register = register
    }

    /// Stores `applications` after checking every line against ``ProgrammeRules``: all or none.
    /// With `replace`, the register holds exactly these lines afterwards; otherwise they follow
    /// the lines already stored. Returns how many lines were stored.
    @discardableResult
    public func importApplications(
        _ applications: [ProgrammeApplication], replace: Bool, actor: UUID?, source: String
    ) async throws -> Int {
        try validate(applications)
        let now = Date()
        return try await database.writeTransaction { transaction in
            var removed = 0
            if replace {
                removed = try await ProgrammeApplicationRecord.query(on: transaction).count()
                try await ProgrammeApplicationRecord.query(on: transaction).delete()
            }
            let start =
                (try await ProgrammeApplicationRecord.query(on: transaction).max(\.$position) ?? 0) + 1
            for (offset, application) in applications.enumerated() {
                try await ProgrammeApplicationRecord(position: start + offset, application, at: now)
                    .create(on: transaction)
            }
            let mode = replace ? "replaced \(removed) line(s)" : "appended"
            try await AuditLog(database: transaction).record(
                actor: actor, action: .programmeImported, target: source,
                details: "\(applications.count) line(s), \(mode)", at: now)
            return applications.count
        }
    }

    /// Lines matching `filter`, in register order.
    public func list(_ filter: ProgrammeFilter = ProgrammeFilter()) async throws -> [StoredProgrammeApplication] {
        var query = ProgrammeApplicationRecord.query(on: database)
        if let status = filter.status { query = query.filter(\.$status == status.rawValue) }
        if let number = filter.municipalityNumber { query = query.filter(\.$municipalityNumber == number) }
        if let call = filter.call { query = query.filter(\.$call == call) }
        return try await query.sort(\.$position).all().map { record in
            StoredProgrammeApplication(id: try record.requireID(), application: try record.application())
        }
    }

    public func count() async throws -> Int {
        try await ProgrammeApplicationRecord.query(on: database).count()
    }

    /// Replaces one line after checking it; the audit entry names the fields that changed.
    public func update(id: UUID, with application: ProgrammeApplication, actor: UUID?) async throws {
        try validate([application])
        try await database.writeTransaction { transaction in
            guard let record = try await ProgrammeApplicationRecord.find(id, on: transaction) else {
                throw ProgrammeStorageError.unknownApplication(id)
            }
            let changed = Self.changedFields(from: try record.application(), to: application)
            record.assign(application, at: Date())
            try await record.update(on: transaction)
            try await AuditLog(database: transaction).record(
                actor: actor, action: .programmeEdited, target: "programme line \(id.uuidString)",
                details: changed.isEmpty ? "no change" : changed.map(\.rawValue).joined(separator: ", "))
        }
    }

    public func delete(id: UUID, actor: UUID?) async throws {
        try await database.writeTransaction { transaction in
            guard let record = try await ProgrammeApplicationRecord.find(id, on: transaction) else {
                throw ProgrammeStorageError.unknownApplication(id)
            }
            let application = try record.application()
            try await record.delete(on: transaction)
            try await AuditLog(database: transaction).record(
                actor: actor, action: .programmeDeleted, target: "programme line \(id.uuidString)",
                details: [application.municipalityNumber ?? application.countyNumber ?? "", application.call]
                    .joined(separator: " "))
        }
    }

    /// Every line (or those matching `filter`) for an export, with the export in the audit log.
    public func export(_ filter: ProgrammeFilter = ProgrammeFilter(), format: String, actor: UUID?) async throws
        -> [ProgrammeApplication]
    {
        let lines = try await list(filter).map(\.application)
        try await AuditLog(database: database).record(
            actor: actor, action: .programmeExported, target: "programme register",
            details: "\(format), \(lines.count) line(s)")
        return lines
    }

    func validate(_ applications: [ProgrammeApplication]) throws {
        var problems: [Int: [ProgrammeProblem]] = [:]
        for (index, application) in applications.enumerated() {
            let found = ProgrammeRules.problems(of: application, register: register)
            if !found.isEmpty { problems[index + 1] = found }
        }
        guard problems.isEmpty else { throw ProgrammeStorageError.invalid(problems) }
    }

    static func changedFields(from old: ProgrammeApplication, to new: ProgrammeApplication) -> [ProgrammeField] {
        var changed: [ProgrammeField] = []
        if old.municipalityNumber != new.municipalityNumber { changed.append(.municipality) }
        if old.countyNumber != new.countyNumber { changed.append(.county) }
        if old.units != new.units { changed.append(.units) }
        if old.call != new.call { changed.append(.call) }
        if old.applicationDate != new.applicationDate { changed.append(.applicationDate) }
        if old.status != new.status { changed.append(.status) }
        if old.projectStart != new.projectStart { changed.append(.projectStart) }
        if old.projectEnd != new.projectEnd { changed.append(.projectEnd) }
        if old.amountNOK != new.amountNOK { changed.append(.amount) }
        if old.projectSlug != new.projectSlug { changed.append(.projectSlug) }
        if old.synthetic != new.synthetic { changed.append(.synthetic) }
        return changed
    }
}

extension ProgrammeRepository {
    /// The programme participation a municipality's public profile shows
    /// (``ProgrammeParticipation``): granted lines whose applicant is now part of `number`.
    public func participation(of number: String, structure: CalendarDay) async throws -> [ProgrammeApplication] {
        let granted = try await list(ProgrammeFilter(status: .granted)).map(\.application)
        return ProgrammeParticipation.lines(of: number, in: granted, register: register, structure: structure)
    }
}
