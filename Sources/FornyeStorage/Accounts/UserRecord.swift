public import FluentKit
import Foundation

/// A person who signs in with a password: admin, analyst or municipality editor.
public final class UserRecord: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    /// Lower-cased, so that sign-in does not depend on how the address was typed.
    @Field(key: "email") public var email: String
    @Field(key: "display_name") public var displayName: String
    /// A bcrypt hash (`$2b$...`); never the password.
    @Field(key: "password_hash") public var passwordHash: String
    @Enum(key: "role") public var role: Role
    /// Kommunenummer in the 2024 structure; set for municipality editors only.
    @OptionalField(key: "municipality_number") public var municipalityNumber: String?
    /// Failed sign-ins since the last successful one or the last lockout.
    @Field(key: "failed_login_count") public var failedLoginCount: Int
    @OptionalField(key: "locked_until") public var lockedUntil: Date?
    @Field(key: "disabled") public var disabled: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(
        id: UUID? = nil, email: String, displayName: String, passwordHash: String, role: Role,
        municipalityNumber: String?
    ) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.municipalityNumber = municipalityNumber
        self.failedLoginCount = 0
        self.lockedUntil = nil
        self.disabled = false
    }

    /// True while a lockout after too many failed sign-ins lasts.
    public func isLocked(at now: Date = Date()) -> Bool {
        guard let lockedUntil else { return false }
        return lockedUntil > now
    }
}
