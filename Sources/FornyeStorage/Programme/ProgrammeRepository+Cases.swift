import FluentKit
public import FornyeBarometer
public import Foundation

extension ProgrammeRepository {
    /// Stores `cases` in place of the stored ones, all or none.
    public func replaceCases(_ cases: [InterviewCase], actor: UUID?, source: String) async throws {
        var problems: [Int: [String]] = [:]
        for (index, record) in cases.enumerated() where !record.problems.isEmpty {
            problems[index + 1] = record.problems
        }
        guard problems.isEmpty else { throw ProgrammeStorageError.invalidCases(problems) }
        try await database.writeTransaction { transaction in
            try await InterviewCaseRecord.query(on: transaction).delete()
            for (offset, record) in cases.enumerated() {
                try await InterviewCaseRecord(position: offset + 1, record).create(on: transaction)
            }
            try await AuditLog(database: transaction).record(
                actor: actor, action: .programmeCasesStored, target: source, details: "\(cases.count) case(s)")
        }
    }

    /// Every case, in the order stored.
    public func cases() async throws -> [StoredInterviewCase] {
        try await InterviewCaseRecord.query(on: database).sort(\.$position).all().map { record in
            StoredInterviewCase(id: try record.requireID(), record: try record.interviewCase())
        }
    }

    /// Changes one case (its coded themes, quotes, sector, …).
    public func updateCase(id: UUID, with record: InterviewCase, actor: UUID?) async throws {
        guard record.problems.isEmpty else { throw ProgrammeStorageError.invalidCases([1: record.problems]) }
        try await database.writeTransaction { transaction in
            guard let stored = try await InterviewCaseRecord.find(id, on: transaction) else {
                throw ProgrammeStorageError.unknownCase(id)
            }
            stored.assign(record)
            try await stored.update(on: transaction)
            try await AuditLog(database: transaction).record(
                actor: actor, action: .programmeCasesStored, target: "interview case \(id.uuidString)",
                details: "\(record.unit): \(record.themes.count) theme(s), \(record.quotes.count) quote(s)")
        }
    }

    /// The coded themes counted by status group, over every stored case.
    public func themeCounts() async throws -> ThemeCountTable {
        ThemeCountTable(cases: try await cases().map(\.record))
    }
}
