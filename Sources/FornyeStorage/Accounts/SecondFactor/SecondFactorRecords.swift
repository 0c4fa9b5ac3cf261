public import FluentKit
import Foundation

/// A user's TOTP secret: pending until the first code confirms it, then required at sign-in.
public final class SecondFactorRecord: Model, @unchecked Sendable {
    public static let schema = "second_factors"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserRecord
    /// AES-GCM sealed box (base64) of the secret, under `ServerSecret.key(for: SecondFactorStore.purpose)`.
    @Field(key: "sealed_secret") public var sealedSecret: String
    @OptionalField(key: "confirmed_at") public var confirmedAt: Date?
    /// The last time step a code was accepted for; a code is good once.
    @OptionalField(key: "last_used_step") public var lastUsedStep: Int64?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    init(userID: UUID, sealedSecret: String, createdAt: Date) {
        self.$user.id = userID
        self.sealedSecret = sealedSecret
        self.createdAt = createdAt
    }
}

/// One recovery code's hash; `usedAt` once spent.
public final class RecoveryCodeRecord: Model, @unchecked Sendable {
    public static let schema = "recovery_codes"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserRecord
    @Field(key: "code_hash") public var codeHash: String
    @OptionalField(key: "used_at") public var usedAt: Date?

    public init() {}

    init(userID: UUID, codeHash: String) {
        self.$user.id = userID
        self.codeHash = codeHash
    }
}
