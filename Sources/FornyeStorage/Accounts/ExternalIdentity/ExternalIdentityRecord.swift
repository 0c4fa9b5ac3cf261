public import FluentKit
import Foundation

/// An OpenID Connect identity: who a provider (issuer) says signed in (subject), and the Fornye
/// user it is linked to once linked. The subject is the key: e-mail addresses change, subjects do not.
public final class ExternalIdentityRecord: Model, @unchecked Sendable {
    public static let schema = "external_identities"

    public enum Status: String, Codable, Sendable {
        /// Signs in as `user`.
        case linked
        /// Waits for an admin to approve or reject it.
        case pending
        /// An admin said no; further sign-ins are refused without a new request.
        case rejected
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "provider_id") public var providerID: String
    @Field(key: "issuer") public var issuer: String
    @Field(key: "subject") public var subject: String
    @OptionalParent(key: "user_id") public var user: UserRecord?
    @Field(key: "status") public var status: Status
    /// The e-mail the provider last sent, lower-cased; shown to the admin, not trusted for linking
    /// unless `emailVerified`.
    @OptionalField(key: "email") public var email: String?
    @Field(key: "email_verified") public var emailVerified: Bool
    @OptionalField(key: "display_name") public var displayName: String?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "last_sign_in_at") public var lastSignInAt: Date
    @OptionalField(key: "decided_at") public var decidedAt: Date?

    public init() {}

    init(claims: ExternalClaims, status: Status, userID: UUID?, now: Date) {
        self.providerID = claims.providerID
        self.issuer = claims.issuer
        self.subject = claims.subject
        self.$user.id = userID
        self.status = status
        self.email = claims.email
        self.emailVerified = claims.emailVerified
        self.displayName = claims.name
        self.createdAt = now
        self.lastSignInAt = now
    }

    /// `issuer subject`, as the audit log names an identity.
    public var auditName: String { "\(issuer) \(subject)" }
}
