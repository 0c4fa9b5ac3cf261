public import FluentKit
public import FornyeBarometer
import Foundation

/// Self-tests kept with a retake token. Nothing is stored unless the taker asks for a link; the
/// token itself is never stored (its SHA-256 is), and the token holder can delete the row.
public struct SelfTestRepository: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// A kept self-test as its holder sees it.
    public struct Kept: Sendable {
        public var month: String
        public var waveSlug: String
        public var scope: String
        public var profile: SelfTestProfile
        public var answers: AnswerSet
        /// The answers of the take before the latest retake, and its month.
        public var previous: (month: String, answers: AnswerSet)?
    }

    /// `YYYY-MM` of `date` in UTC: the only time a kept self-test carries.
    public static func month(of date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: date)
        return String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
    }

    /// Keeps a new self-test and returns its token, to be shown once.
    public func keep(
        profile: SelfTestProfile, answers: AnswerSet, waveSlug: String, scope: String, date: Date = Date()
    ) async throws -> String {
        let token = InvitationToken.generate()
        let record = SelfTestRecord()
        record.tokenHash = InvitationToken.hash(token)
        record.month = Self.month(of: date)
        record.waveSlug = waveSlug
        record.scope = scope
        record.profileJSON = try Self.json(profile)
        record.answersJSON = DraftAnswers.encode(answers)
        try await record.create(on: database)
        return token
    }

    /// Replaces the answers under `token` with a retake's, keeping the earlier take beside them.
    /// False when the token is unknown.
    public func retake(
        token: String, profile: SelfTestProfile, answers: AnswerSet, waveSlug: String, scope: String,
        date: Date = Date()
    ) async throws -> Bool {
        try await database.writeTransaction { database in
            guard let record = try await Self.record(token, on: database) else { return false }
            record.previousMonth = record.month
            record.previousAnswersJSON = record.answersJSON
            record.month = Self.month(of: date)
            record.waveSlug = waveSlug
            record.scope = scope
            record.profileJSON = try Self.json(profile)
            record.answersJSON = DraftAnswers.encode(answers)
            try await record.update(on: database)
            return true
        }
    }

    public func find(token: String) async throws -> Kept? {
        guard let record = try await Self.record(token, on: database) else { return nil }
        let profile = try JSONDecoder().decode(SelfTestProfile.self, from: Data(record.profileJSON.utf8))
        let previous = record.previousMonth.flatMap { month in
            record.previousAnswersJSON.map { (month, DraftAnswers.decode($0)) }
        }
        return Kept(
            month: record.month, waveSlug: record.waveSlug, scope: record.scope, profile: profile,
            answers: DraftAnswers.decode(record.answersJSON), previous: previous)
    }

    /// Deletes the self-test kept under `token`; false when there is none.
    public func delete(token: String) async throws -> Bool {
        guard let record = try await Self.record(token, on: database) else { return false }
        try await record.delete(on: database)
        return true
    }

    /// How many self-tests are kept (for tests and the privacy page's honesty).
    public func count() async throws -> Int {
        try await SelfTestRecord.query(on: database).count()
    }

    private static func record(_ token: String, on database: any Database) async throws -> SelfTestRecord? {
        guard InvitationToken.isWellFormed(token) else { return nil }
        return try await SelfTestRecord.query(on: database).filter(\.$tokenHash == InvitationToken.hash(token)).first()
    }

    private static func json(_ profile: SelfTestProfile) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(profile), as: UTF8.self)
    }
}
