import Foundation

/// What a validated ID token says about who signed in; the web layer fills it from the token.
public struct ExternalClaims: Sendable, Equatable {
    public var providerID: String
    public var issuer: String
    public var subject: String
    public var email: String?
    public var emailVerified: Bool
    public var name: String?

    public init(
        providerID: String, issuer: String, subject: String, email: String?, emailVerified: Bool, name: String?
    ) {
        self.providerID = providerID
        self.issuer = issuer
        self.subject = subject
        self.email = email.map { String($0.prefix(254)) }
        self.emailVerified = emailVerified
        self.name = name.map { String($0.prefix(UserStore.maximumNameLength)) }
    }
}

extension AuditAction {
    /// A first OpenID Connect sign-in linked to an account by its verified e-mail.
    public static let identityLinked: AuditAction = "identity.linked"
    /// A first OpenID Connect sign-in that matched no account and waits for an admin.
    public static let identityPending: AuditAction = "identity.pending"
    public static let identityApproved: AuditAction = "identity.approved"
    public static let identityRejected: AuditAction = "identity.rejected"
    /// An OpenID Connect sign-in refused (bad token, replayed state, rejected identity, …).
    public static let identitySignInFailed: AuditAction = "login.oidc-failed"
}
