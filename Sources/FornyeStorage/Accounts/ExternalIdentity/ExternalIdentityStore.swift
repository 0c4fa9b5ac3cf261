public import FluentKit
import Foundation

/// Links OpenID Connect identities to Fornye accounts (issue 19). The rules:
/// - an identity already linked signs in as its user (unless the user is disabled);
/// - a first sign-in whose e-mail the provider marks verified (`email_verified`) and that equals
///   an enabled account's e-mail, an account an admin created (invited) and not yet linked to
///   another identity of the same issuer, is linked to it;
/// - any other first sign-in waits for an admin, who approves it (linking to an existing account
///   or creating one, with the role and municipality the admin chooses) or rejects it.
/// Every link, request, approval and rejection is audited in the same transaction, which takes
/// the write lock first (`writeTransaction`), since each reads before it writes.
public struct ExternalIdentityStore: Sendable {
    public enum SignIn: Sendable {
        case signedIn(UserRecord)
        case pending
        case rejected
        case disabled
    }

    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func signIn(_ claims: ExternalClaims, now: Date = Date()) async throws -> SignIn {
        try await database.writeTransaction { transaction in
            try await Self.signIn(claims, now: now, on: transaction)
        }
    }

    private static func signIn(_ claims: ExternalClaims, now: Date, on database: any Database) async throws -> SignIn {
        let audit = AuditLog(database: database)
        if let identity = try await ExternalIdentityRecord.query(on: database)
            .filter(\.$issuer == claims.issuer).filter(\.$subject == claims.subject).first()
        {
            identity.lastSignInAt = now
            identity.email = claims.email
            identity.emailVerified = claims.emailVerified
            identity.displayName = claims.name
            try await identity.save(on: database)
            switch identity.status {
            case .pending: return .pending
            case .rejected: return .rejected
            case .linked:
                guard let userID = identity.$user.id, let user = try await UserRecord.find(userID, on: database) else {
                    return .pending
                }
                return user.disabled ? .disabled : .signedIn(user)
            }
        }
        if claims.emailVerified, let email = claims.email,
            let user = try await UserStore(database: database).find(email: email), !user.disabled
        {
            let userID = try user.requireID()
            let alreadyLinked = try await ExternalIdentityRecord.query(on: database)
                .filter(\.$issuer == claims.issuer).filter(\.$user.$id == userID).count()
            if alreadyLinked == 0 {
                let identity = ExternalIdentityRecord(claims: claims, status: .linked, userID: userID, now: now)
                identity.decidedAt = now
                try await identity.create(on: database)
                try await audit.record(
                    actor: nil, action: .identityLinked, target: user.email,
                    details: "\(identity.auditName) (\(claims.providerID)), by verified e-mail")
                return .signedIn(user)
            }
        }
        let identity = ExternalIdentityRecord(claims: claims, status: .pending, userID: nil, now: now)
        try await identity.create(on: database)
        try await audit.record(
            actor: nil, action: .identityPending, target: claims.email ?? claims.subject,
            details: "\(identity.auditName) (\(claims.providerID)) waits for approval")
        return .pending
    }

    /// Identities waiting for a decision, oldest first.
    public func pending() async throws -> [ExternalIdentityRecord] {
        try await ExternalIdentityRecord.query(on: database).filter(\.$status == .pending).sort(\.$createdAt).all()
    }

    /// Approves a pending identity: links it to the account with `email` if there is one (its role
    /// and municipality set to the chosen ones), else creates that account. `passwordHash` is for
    /// a new account: a random password nobody is told, so it signs in through the provider only
    /// until an admin sets a password.
    public func approve(
        id: UUID, email: String, displayName: String, role: Role, municipalityNumber: String?, passwordHash: String,
        actor: UUID, now: Date = Date()
    ) async throws -> UserRecord {
        try await database.writeTransaction { transaction in
            guard let identity = try await ExternalIdentityRecord.find(id, on: transaction),
                identity.status == .pending
            else { throw ExternalIdentityError.notPending }
            let users = UserStore(database: transaction)
            let user: UserRecord
            if let existing = try await users.find(email: try UserStore.normalizedEmail(email)) {
                try await users.setRole(existing, role, municipalityNumber: municipalityNumber)
                user = existing
            } else {
                user = try await users.create(
                    email: email, displayName: displayName, role: role, municipalityNumber: municipalityNumber,
                    passwordHash: passwordHash)
            }
            identity.status = .linked
            identity.$user.id = try user.requireID()
            identity.decidedAt = now
            try await identity.save(on: transaction)
            try await AuditLog(database: transaction).record(
                actor: actor, action: .identityApproved, target: user.email,
                details: "\(identity.auditName) (\(identity.providerID)) as "
                    + UserStore.roleDetails(user.role, user.municipalityNumber))
            return user
        }
    }

    public func reject(id: UUID, actor: UUID, now: Date = Date()) async throws {
        try await database.writeTransaction { transaction in
            guard let identity = try await ExternalIdentityRecord.find(id, on: transaction),
                identity.status == .pending
            else { throw ExternalIdentityError.notPending }
            identity.status = .rejected
            identity.decidedAt = now
            try await identity.save(on: transaction)
            try await AuditLog(database: transaction).record(
                actor: actor, action: .identityRejected, target: identity.email ?? identity.subject,
                details: "\(identity.auditName) (\(identity.providerID))")
        }
    }
}

public enum ExternalIdentityError: Error, Equatable, CustomStringConvertible {
    case notPending

    public var description: String { "the identity does not wait for approval (decided already, or unknown)" }
}
