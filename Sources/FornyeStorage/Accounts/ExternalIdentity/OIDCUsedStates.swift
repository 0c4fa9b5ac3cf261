import Crypto
public import FluentKit
import Foundation

/// The `state` values of finished OpenID Connect callbacks, as SHA-256 hashes, kept until the
/// state cookie could no longer be valid anyway. A state is good once, on every instance.
public struct OIDCUsedStates: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Marks `state` used; false when it was used before.
    public func use(_ state: String, until expires: Date, now: Date = Date()) async throws -> Bool {
        let hash = SHA256.hash(data: Data(state.utf8)).map { String(format: "%02x", $0) }.joined()
        try await OIDCUsedStateRecord.query(on: database).filter(\.$expiresAt < now).delete()
        if try await OIDCUsedStateRecord.query(on: database).filter(\.$valueHash == hash).count() > 0 { return false }
        do {
            try await OIDCUsedStateRecord(valueHash: hash, expiresAt: expires).create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two callbacks with the same state at once: the unique index lets one through.
            return false
        }
        return true
    }
}

final class OIDCUsedStateRecord: Model, @unchecked Sendable {
    static let schema = "oidc_used_states"

    @ID(key: .id) var id: UUID?
    @Field(key: "value_hash") var valueHash: String
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(valueHash: String, expiresAt: Date) {
        self.valueHash = valueHash
        self.expiresAt = expiresAt
    }
}
