public import FluentKit
import Foundation

/// Server-side sessions. The web layer makes the random token and hashes it; this stores and
/// finds sessions by that hash and applies the timeouts.
public struct SessionStore: Sendable {
    /// A session unused this long ends.
    public static let idleTimeout: Double = 2 * 3600
    /// A session ends this long after sign-in, however active.
    public static let absoluteTimeout: Double = 12 * 3600
    /// `last_seen_at` is written at most this often, so reading pages does not write on every request.
    public static let touchInterval: Double = 60

    public enum Lookup: Sendable {
        case valid(UserSessionRecord, UserRecord)
        /// The session existed but timed out (it is deleted now).
        case expired
        /// No such session, or its user is disabled.
        case missing
    }

    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    @discardableResult
    public func create(
        userID: UUID, tokenHash: String, providerID: String? = nil, idToken: String? = nil, now: Date = Date()
    ) async throws -> UserSessionRecord {
        let session = UserSessionRecord(
            tokenHash: tokenHash, userID: userID, createdAt: now,
            expiresAt: now.addingTimeInterval(Self.absoluteTimeout))
        session.providerID = providerID
        session.idToken = idToken
        try await session.create(on: database)
        return session
    }

    /// The session with `tokenHash` and its user, after the timeouts; touches `last_seen_at`.
    public func lookup(tokenHash: String, now: Date = Date()) async throws -> Lookup {
        guard let session = try await UserSessionRecord.query(on: database).filter(\.$tokenHash == tokenHash).first()
        else { return .missing }
        if now >= session.expiresAt || now.timeIntervalSince(session.lastSeenAt) >= Self.idleTimeout {
            try await session.delete(on: database)
            return .expired
        }
        guard let user = try await UserRecord.find(session.$user.id, on: database), !user.disabled else {
            try await session.delete(on: database)
            return .missing
        }
        if now.timeIntervalSince(session.lastSeenAt) >= Self.touchInterval {
            session.lastSeenAt = now
            try await session.save(on: database)
        }
        return .valid(session, user)
    }

    /// Deletes the session and returns it (sign-out reads its provider and ID token), or nil.
    public func end(tokenHash: String) async throws -> UserSessionRecord? {
        guard let session = try await UserSessionRecord.query(on: database).filter(\.$tokenHash == tokenHash).first()
        else { return nil }
        try await session.delete(on: database)
        return session
    }

    public func delete(tokenHash: String) async throws {
        try await UserSessionRecord.query(on: database).filter(\.$tokenHash == tokenHash).delete()
    }

    /// Ends every session of a user, except the one with `exceptTokenHash` (the one in use).
    public func deleteAll(userID: UUID, exceptTokenHash: String? = nil) async throws {
        var query = UserSessionRecord.query(on: database).filter(\.$user.$id == userID)
        if let exceptTokenHash { query = query.filter(\.$tokenHash != exceptTokenHash) }
        try await query.delete()
    }

    /// Deletes sessions past either timeout; returns nothing, as the count is of no use.
    public func purgeExpired(now: Date = Date()) async throws {
        try await UserSessionRecord.query(on: database)
            .group(.or) { group in
                group.filter(\.$expiresAt <= now)
                group.filter(\.$lastSeenAt <= now.addingTimeInterval(-Self.idleTimeout))
            }
            .delete()
    }
}
