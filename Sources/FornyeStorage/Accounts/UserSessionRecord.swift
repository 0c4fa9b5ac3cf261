public import FluentKit
import Foundation

/// A server-side sign-in session. Only a SHA-256 of the cookie's token is stored, so a copy of
/// the database does not let anyone take over a session.
public final class UserSessionRecord: Model, @unchecked Sendable {
    public static let schema = "sessions"

    @ID(key: .id) public var id: UUID?
    /// Lower-case hex SHA-256 of the session token.
    @Field(key: "token_hash") public var tokenHash: String
    @Parent(key: "user_id") public var user: UserRecord
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "last_seen_at") public var lastSeenAt: Date
    /// The absolute end of the session, however active it is.
    @Field(key: "expires_at") public var expiresAt: Date
    /// The OpenID Connect provider the session was signed in with, nil for a password sign-in.
    @OptionalField(key: "provider_id") public var providerID: String?
    /// That sign-in's ID token, sent back as `id_token_hint` at sign-out.
    @OptionalField(key: "id_token") public var idToken: String?

    public init() {}

    public init(tokenHash: String, userID: UUID, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.createdAt = createdAt
        self.lastSeenAt = createdAt
        self.expiresAt = expiresAt
    }
}
