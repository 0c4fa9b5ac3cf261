public import FluentKit
import Foundation

/// What happened, as a dotted name (`user.created`). A struct rather than an enum so every area
/// declares its own actions next to its code:
///
/// ```swift
/// extension AuditAction {
///     public static let waveImported: AuditAction = "wave.imported"
/// }
/// ```
public struct AuditAction: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public var description: String { rawValue }
}

extension AuditAction {
    public static let loginSucceeded: AuditAction = "login.succeeded"
    /// Wrong e-mail or password (details say which), or a disabled or locked account.
    public static let loginFailed: AuditAction = "login.failed"
    /// The failure that locked the account.
    public static let accountLocked: AuditAction = "login.locked"
    public static let logout: AuditAction = "logout"
    /// The password was right; the second factor is asked for next.
    public static let passwordAccepted: AuditAction = "login.password-accepted"
    public static let secondFactorFailed: AuditAction = "login.second-factor-failed"
    public static let recoveryCodeUsed: AuditAction = "login.recovery-code-used"
    public static let secondFactorOn: AuditAction = "second-factor.on"
    public static let secondFactorOff: AuditAction = "second-factor.off"
    public static let recoveryCodesReplaced: AuditAction = "second-factor.new-recovery-codes"
    public static let userCreated: AuditAction = "user.created"
    public static let userRoleChanged: AuditAction = "user.role_changed"
    public static let userDisabled: AuditAction = "user.disabled"
    public static let userEnabled: AuditAction = "user.enabled"
    /// An admin (or `fornye user reset-password`) set a new password.
    public static let passwordReset: AuditAction = "user.password_reset"
    /// A user changed their own password.
    public static let passwordChanged: AuditAction = "user.password_changed"
}

/// Which audit entries to show.
public struct AuditFilter: Sendable, Equatable {
    public var action: AuditAction?
    public var actorID: UUID?

    public init(action: AuditAction? = nil, actorID: UUID? = nil) {
        self.action = action
        self.actorID = actorID
    }
}

/// One page of audit entries, newest first.
public struct AuditPage: Sendable {
    public var entries: [AuditEntryRecord]
    /// 1-based.
    public var page: Int
    public var perPage: Int
    /// Entries matching the filter, on all pages.
    public var total: Int

    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
}

/// The audit log: an append-only record of who signed in and who changed, imported or exported
/// what. Every area writes to it the same way:
///
/// ```swift
/// try await AuditLog(database: request.db).record(
///     actor: request.principal?.userID, action: .waveImported, target: "wave 2024", details: "812 rows")
/// ```
///
/// Never put passwords, tokens or answers in `details`.
public struct AuditLog: Sendable {
    public static let maximumTargetLength = 255
    public static let maximumDetailsLength = 2000

    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Appends an entry. `actor` is the signed-in user (nil for the public or the system);
    /// `target` what was acted on (an e-mail, `wave 2018`, a project id); `details` a short note.
    /// Over-long texts are cut, so a log line cannot fail on length.
    public func record(
        actor: UUID?, action: AuditAction, target: String? = nil, details: String? = nil, at date: Date = Date()
    ) async throws {
        let entry = AuditEntryRecord(
            occurredAt: date, actorID: actor, action: action.rawValue,
            target: target.map { String($0.prefix(Self.maximumTargetLength)) },
            details: details.map { String($0.prefix(Self.maximumDetailsLength)) })
        try await entry.create(on: database)
    }

    /// Entries matching `filter`, newest first, `perPage` to a page (1-based `page`).
    public func entries(_ filter: AuditFilter = AuditFilter(), page: Int = 1, perPage: Int = 50) async throws
        -> AuditPage
    {
        let page = max(1, page)
        let perPage = min(max(1, perPage), 500)
        func filtered() -> QueryBuilder<AuditEntryRecord> {
            var query = AuditEntryRecord.query(on: database)
            if let action = filter.action { query = query.filter(\.$action == action.rawValue) }
            if let actorID = filter.actorID { query = query.filter(\.$actorID == actorID) }
            return query
        }
        let total = try await filtered().count()
        let entries = try await filtered().sort(\.$occurredAt, .descending).sort(\.$id)
            .range(((page - 1) * perPage)..<(page * perPage)).all()
        return AuditPage(entries: entries, page: page, perPage: perPage, total: total)
    }

    /// The actions that occur in the log, sorted (for a filter list).
    public func actions() async throws -> [AuditAction] {
        let all = try await AuditEntryRecord.query(on: database).unique().all(\.$action)
        return Set(all).sorted().map(AuditAction.init(rawValue:))
    }
}
