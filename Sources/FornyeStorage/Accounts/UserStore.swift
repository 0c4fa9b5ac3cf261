public import FluentKit
import FornyeBarometer
import Foundation

/// Creates, finds and changes users. Passwords arrive already hashed (bcrypt lives in the web
/// layer, which has Vapor); the rules for e-mail, name, role and municipality are checked here,
/// so the web pages and the command-line tool apply the same ones.
public struct UserStore: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public static let maximumNameLength = 200

    /// A trimmed, lower-cased e-mail address, or an error when it does not look like one.
    public static func normalizedEmail(_ email: String) throws(AccountError) -> String {
        let trimmed = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard TextRules.isEmailAddress(trimmed) else { throw .invalidEmail(email) }
        return trimmed
    }

    /// The municipality number to store for `role`: required and checked against the 2024
    /// structure for editors, nil for every other role.
    public static func municipality(_ number: String?, for role: Role) throws(AccountError) -> String? {
        guard role == .municipalityEditor else { return nil }
        let trimmed = number?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !trimmed.isEmpty else { throw .municipalityRequired }
        do {
            let register = try MunicipalityRegister.bundled()
            return try register.municipality(number: trimmed, on: CalendarDay.newYear(2024)).number
        } catch {
            throw .unknownMunicipality(trimmed, reason: error.description)
        }
    }

    static func checkedName(_ name: String) throws(AccountError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .emptyDisplayName }
        guard trimmed.count <= maximumNameLength else { throw .displayNameTooLong(maximum: maximumNameLength) }
        guard !TextRules.hasControlCharacters(trimmed) else { throw .displayNameHasControlCharacters }
        return trimmed
    }

    static func checkedRole(_ role: Role) throws(AccountError) -> Role {
        guard role != .respondent else { throw .roleCannotSignIn(role) }
        return role
    }

    /// Creates a user after checking every field; throws `AccountError` and stores nothing when
    /// one is wrong.
    public func create(
        email: String, displayName: String, role: Role, municipalityNumber: String?, passwordHash: String
    ) async throws -> UserRecord {
        let email = try Self.normalizedEmail(email)
        let name = try Self.checkedName(displayName)
        let role = try Self.checkedRole(role)
        let municipality = try Self.municipality(municipalityNumber, for: role)
        if try await find(email: email) != nil { throw AccountError.duplicateEmail(email) }
        let user = UserRecord(
            email: email, displayName: name, passwordHash: passwordHash, role: role, municipalityNumber: municipality)
        try await user.create(on: database)
        return user
    }

    /// Creates the user and records `user.created` in the audit log, in one transaction: the
    /// admin page and `fornye user create` both come here. `actor` is nil from the command line,
    /// which `via` then names in the entry.
    public func createAudited(
        email: String, displayName: String, role: Role, municipalityNumber: String?, passwordHash: String,
        actor: UUID?, via: String? = nil
    ) async throws -> UserRecord {
        try await database.writeTransaction { transaction in
            let user = try await UserStore(database: transaction).create(
                email: email, displayName: displayName, role: role, municipalityNumber: municipalityNumber,
                passwordHash: passwordHash)
            try await AuditLog(database: transaction).record(
                actor: actor, action: .userCreated, target: user.email,
                details: (via.map { "\($0): " } ?? "") + Self.roleDetails(user.role, user.municipalityNumber))
            return user
        }
    }

    /// A role as the audit log names it: `municipality_editor 4601`, `analyst`.
    public static func roleDetails(_ role: Role, _ municipality: String?) -> String {
        municipality.map { "\(role.rawValue) \($0)" } ?? role.rawValue
    }

    public func find(email: String) async throws -> UserRecord? {
        let lowered = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return try await UserRecord.query(on: database).filter(\.$email == lowered).first()
    }

    public func find(id: UUID) async throws -> UserRecord? {
        try await UserRecord.find(id, on: database)
    }

    /// Every user, by e-mail.
    public func list() async throws -> [UserRecord] {
        try await UserRecord.query(on: database).sort(\.$email).all()
    }

    /// Stores a new password hash and lifts any lockout.
    public func setPasswordHash(_ user: UserRecord, _ hash: String) async throws {
        user.passwordHash = hash
        user.failedLoginCount = 0
        user.lockedUntil = nil
        try await user.save(on: database)
    }

    /// Changes the role (and the municipality that goes with it). Refuses to demote the last
    /// active admin.
    public func setRole(_ user: UserRecord, _ role: Role, municipalityNumber: String?) async throws {
        let role = try Self.checkedRole(role)
        let municipality = try Self.municipality(municipalityNumber, for: role)
        if user.role == .admin, role != .admin, !user.disabled, try await activeAdminCount() <= 1 {
            throw AccountError.lastAdmin
        }
        user.role = role
        user.municipalityNumber = municipality
        try await user.save(on: database)
    }

    /// Disables or enables a user; a disabled user's sessions end. Refuses to disable the last
    /// active admin.
    public func setDisabled(_ user: UserRecord, _ disabled: Bool) async throws {
        if disabled, user.role == .admin, !user.disabled, try await activeAdminCount() <= 1 {
            throw AccountError.lastAdmin
        }
        let id = try user.requireID()
        try await database.writeTransaction { transaction in
            user.disabled = disabled
            if !disabled {
                user.failedLoginCount = 0
                user.lockedUntil = nil
            }
            try await user.save(on: transaction)
            if disabled {
                try await UserSessionRecord.query(on: transaction).filter(\.$user.$id == id).delete()
            }
        }
    }

    /// Counts a failed sign-in; the fifth in a row locks the account for `LockoutPolicy.duration`.
    /// Returns true when this failure locked it.
    @discardableResult
    public func recordFailedLogin(_ user: UserRecord, now: Date = Date()) async throws -> Bool {
        user.failedLoginCount += 1
        var locked = false
        if user.failedLoginCount >= LockoutPolicy.maximumFailures {
            user.lockedUntil = now.addingTimeInterval(LockoutPolicy.duration)
            user.failedLoginCount = 0
            locked = true
        }
        try await user.save(on: database)
        return locked
    }

    public func recordSuccessfulLogin(_ user: UserRecord) async throws {
        guard user.failedLoginCount != 0 || user.lockedUntil != nil else { return }
        user.failedLoginCount = 0
        user.lockedUntil = nil
        try await user.save(on: database)
    }

    func activeAdminCount() async throws -> Int {
        try await UserRecord.query(on: database).filter(\.$role == .admin).filter(\.$disabled == false).count()
    }
}
