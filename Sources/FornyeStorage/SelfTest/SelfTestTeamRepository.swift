public import FluentKit
public import FornyeBarometer
import Foundation

/// Team self-test sessions (issue 16). A facilitator opens a session and gets a short code for
/// the room and a token, shown once, that deletes it; members' answers are stored under the
/// session with no name, address or time. Sessions last only while they are used: one opened
/// before last month is gone (purged when the next session opens, and never found), and the
/// facilitator can delete it at once. Members' answers are never read into a wave.
public struct SelfTestTeamRepository: Sendable {
    public let database: any Database
    /// The most answers one session takes: a room or an event, not a survey.
    public static let maximumMembers = 500

    public init(database: any Database) {
        self.database = database
    }

    public struct Team: Sendable {
        public var code: String
        public var month: String
        public var scope: String
        public var profile: SelfTestProfile
        /// The start form's answers (sector, unit type, municipality) every member is given.
        public var background: AnswerSet
        public var members: [AnswerSet]
    }

    public enum JoinOutcome: Sendable, Equatable {
        case added(count: Int)
        case unknownCode
        case full
    }

    /// Opens a session and returns its code and the facilitator's token (to be shown once).
    public func open(
        profile: SelfTestProfile, background: AnswerSet, scope: String, date: Date = Date()
    ) async throws -> (code: String, token: String) {
        try await purge(before: date)
        let token = InvitationToken.generate()
        // A clash of codes is rare (148 million codes); the unique index decides, and we draw again.
        for _ in 0..<8 {
            let code = TeamCode.generate()
            if try await SelfTestTeamRecord.query(on: database).filter(\.$code == code).count() > 0 { continue }
            let record = SelfTestTeamRecord()
            record.code = code
            record.tokenHash = InvitationToken.hash(token)
            record.month = SelfTestRepository.month(of: date)
            record.scope = scope
            record.profileJSON = try Self.json(profile)
            record.backgroundJSON = DraftAnswers.encode(background)
            try await record.create(on: database)
            return (code, token)
        }
        throw StorageError.noFreeTeamCode(draws: 8)
    }

    /// The session with `code` (as stored: `TeamCode.normalized`), with every member's answers.
    public func find(code: String, now: Date = Date()) async throws -> Team? {
        guard let record = try await Self.current(code: code, now: now, on: database) else { return nil }
        let members = try await SelfTestTeamAnswerRecord.query(on: database).filter(\.$teamID == record.id!).all()
        return Team(
            code: record.code, month: record.month, scope: record.scope,
            profile: try JSONDecoder().decode(SelfTestProfile.self, from: Data(record.profileJSON.utf8)),
            background: DraftAnswers.decode(record.backgroundJSON),
            members: members.map { DraftAnswers.decode($0.answersJSON) })
    }

    /// The code of the session the facilitator's `token` opened, nil when there is none.
    public func code(token: String, now: Date = Date()) async throws -> String? {
        guard InvitationToken.isWellFormed(token),
            let record = try await SelfTestTeamRecord.query(on: database)
                .filter(\.$tokenHash == InvitationToken.hash(token)).first(),
            record.month >= Self.oldestKept(now)
        else { return nil }
        return record.code
    }

    /// Adds one member's answers to the session with `code`, in one transaction with the count.
    public func join(code: String, answers: AnswerSet, now: Date = Date()) async throws -> JoinOutcome {
        try await database.writeTransaction { database in
            guard let record = try await Self.current(code: code, now: now, on: database), let id = record.id else {
                return .unknownCode
            }
            let count = try await SelfTestTeamAnswerRecord.query(on: database).filter(\.$teamID == id).count()
            guard count < Self.maximumMembers else { return .full }
            let answer = SelfTestTeamAnswerRecord()
            answer.id = UUID()
            answer.teamID = id
            answer.answersJSON = DraftAnswers.encode(answers)
            try await answer.create(on: database)
            return .added(count: count + 1)
        }
    }

    /// Deletes the session the facilitator's `token` opened and every member's answers; false when none.
    public func delete(token: String) async throws -> Bool {
        guard InvitationToken.isWellFormed(token) else { return false }
        return try await database.writeTransaction { database in
            guard
                let record = try await SelfTestTeamRecord.query(on: database)
                    .filter(\.$tokenHash == InvitationToken.hash(token)).first(),
                let id = record.id
            else { return false }
            try await SelfTestTeamAnswerRecord.query(on: database).filter(\.$teamID == id).delete()
            try await record.delete(on: database)
            return true
        }
    }

    /// Sessions and member answers stored (for tests and the privacy checks).
    public func counts() async throws -> (teams: Int, answers: Int) {
        (
            try await SelfTestTeamRecord.query(on: database).count(),
            try await SelfTestTeamAnswerRecord.query(on: database).count()
        )
    }

    /// Deletes sessions opened before last month, with their answers.
    func purge(before now: Date) async throws {
        let oldest = Self.oldestKept(now)
        try await database.writeTransaction { database in
            let old = try await SelfTestTeamRecord.query(on: database).filter(\.$month < oldest).all()
            let ids = old.compactMap(\.id)
            guard !ids.isEmpty else { return }
            try await SelfTestTeamAnswerRecord.query(on: database).filter(\.$teamID ~~ ids).delete()
            try await SelfTestTeamRecord.query(on: database).filter(\.$id ~~ ids).delete()
        }
    }

    /// The first month a session may have been opened in and still be kept: last month.
    static func oldestKept(_ now: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return SelfTestRepository.month(of: calendar.date(byAdding: .month, value: -1, to: now) ?? now)
    }

    private static func current(code: String, now: Date, on database: any Database) async throws
        -> SelfTestTeamRecord?
    {
        guard let code = TeamCode.normalized(code) else { return nil }
        return try await SelfTestTeamRecord.query(on: database).filter(\.$code == code)
            .filter(\.$month >= oldestKept(now)).first()
    }

    private static func json(_ profile: SelfTestProfile) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(profile), as: UTF8.self)
    }
}
