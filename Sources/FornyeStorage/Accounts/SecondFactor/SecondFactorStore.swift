public import Crypto
public import FluentKit
import Foundation
import SQLKit

/// Where a user stands with the second factor.
public enum SecondFactorStatus: Sendable, Equatable {
    case off
    /// A secret is shown but no code has confirmed it yet.
    case pending
    case on(unusedRecoveryCodes: Int)
}

public enum SecondFactorError: Error, Sendable, Equatable {
    /// The code did not match (or was used already).
    case wrongCode
    case notStarted
    case alreadyOn
}

/// Enrolment, sign-in checks and removal of TOTP second factors.
public struct SecondFactorStore: Sendable {
    /// The purpose the sealing key is derived for.
    public static let purpose = "second-factor-secret"

    let database: any Database
    let key: SymmetricKey

    public init(database: any Database, key: SymmetricKey) {
        self.database = database
        self.key = key
    }

    public func status(userID: UUID) async throws -> SecondFactorStatus {
        guard let record = try await factor(userID) else { return .off }
        guard record.confirmedAt != nil else { return .pending }
        let unused = try await RecoveryCodeRecord.query(on: database).filter(\.$user.$id == userID)
            .filter(\.$usedAt == nil).count()
        return .on(unusedRecoveryCodes: unused)
    }

    public func isOn(userID: UUID) async throws -> Bool {
        if case .on = try await status(userID: userID) { return true }
        return false
    }

    /// A new secret to show, replacing an unconfirmed one; refused while a confirmed one exists.
    public func begin(userID: UUID, at now: Date = Date()) async throws -> TOTP {
        if let existing = try await factor(userID) {
            guard existing.confirmedAt == nil else { throw SecondFactorError.alreadyOn }
            try await existing.delete(on: database)
        }
        let totp = TOTP(secret: TOTP.newSecret())
        try await SecondFactorRecord(userID: userID, sealedSecret: try seal(totp.secret), createdAt: now)
            .create(on: database)
        return totp
    }

    /// The secret being set up, to show again while the user types the first code.
    public func pending(userID: UUID) async throws -> TOTP? {
        guard let record = try await factor(userID), record.confirmedAt == nil else { return nil }
        return TOTP(secret: try open(record.sealedSecret))
    }

    /// Confirms the pending secret with a code from the app; returns the recovery codes to show once.
    public func confirm(userID: UUID, code: String, at now: Date = Date()) async throws -> [String] {
        try await database.writeTransaction { database in
            let store = SecondFactorStore(database: database, key: key)
            guard let record = try await store.factor(userID), record.confirmedAt == nil else {
                throw SecondFactorError.notStarted
            }
            let totp = TOTP(secret: try store.open(record.sealedSecret))
            guard let step = totp.matchingStep(of: code, at: now, after: nil) else { throw SecondFactorError.wrongCode }
            record.confirmedAt = now
            record.lastUsedStep = step
            try await record.update(on: database)
            return try await store.replaceRecoveryCodes(userID: userID)
        }
    }

    /// New recovery codes; the old ones stop working.
    public func replaceRecoveryCodes(userID: UUID) async throws -> [String] {
        try await RecoveryCodeRecord.query(on: database).filter(\.$user.$id == userID).delete()
        let codes = RecoveryCodes.generate()
        for code in codes {
            try await RecoveryCodeRecord(userID: userID, codeHash: RecoveryCodes.hash(code)).create(on: database)
        }
        return codes
    }

    /// The second step of a sign-in: a current TOTP code not used before, or an unused recovery
    /// code (spent by this call). False for anything else.
    public func verify(userID: UUID, code: String, at now: Date = Date()) async throws -> Bool {
        guard let record = try await factor(userID), record.confirmedAt != nil else { return false }
        if RecoveryCodes.looksLikeRecoveryCode(code) {
            return try await spend(recoveryCode: code, userID: userID, at: now)
        }
        let totp = TOTP(secret: try open(record.sealedSecret))
        guard let step = totp.matchingStep(of: code, at: now, after: record.lastUsedStep) else { return false }
        // Moved in one conditional statement: of two requests racing with one code, one passes.
        guard let sql = database as? any SQLDatabase else { throw StorageError.unsupportedDatabase }
        let moved = try await sql.update(SecondFactorRecord.schema).set("last_used_step", to: SQLBind(step))
            .where("id", .equal, SQLBind(record.id!))
            .where { condition in
                condition.where("last_used_step", .is, SQLLiteral.null)
                    .orWhere("last_used_step", .lessThan, SQLBind(step))
            }
            .returning("id").all()
        return moved.count == 1
    }

    private func spend(recoveryCode code: String, userID: UUID, at now: Date) async throws -> Bool {
        guard let sql = database as? any SQLDatabase else { throw StorageError.unsupportedDatabase }
        let spent = try await sql.update(RecoveryCodeRecord.schema).set("used_at", to: SQLBind(now))
            .where("user_id", .equal, SQLBind(userID))
            .where("code_hash", .equal, SQLBind(RecoveryCodes.hash(code)))
            .where("used_at", .is, SQLLiteral.null)
            .returning("id").all()
        return spent.count == 1
    }

    /// Removes the second factor and its recovery codes (the user, or an admin for a lost phone).
    public func remove(userID: UUID) async throws {
        try await database.writeTransaction { database in
            try await RecoveryCodeRecord.query(on: database).filter(\.$user.$id == userID).delete()
            try await SecondFactorRecord.query(on: database).filter(\.$user.$id == userID).delete()
        }
    }

    func factor(_ userID: UUID) async throws -> SecondFactorRecord? {
        try await SecondFactorRecord.query(on: database).filter(\.$user.$id == userID).first()
    }

    func seal(_ secret: [UInt8]) throws -> String {
        guard let combined = try AES.GCM.seal(secret, using: key).combined else { throw SecondFactorError.notStarted }
        return combined.base64EncodedString()
    }

    func open(_ sealed: String) throws -> [UInt8] {
        guard let data = Data(base64Encoded: sealed) else { throw SecondFactorError.notStarted }
        return Array(try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: key))
    }
}
