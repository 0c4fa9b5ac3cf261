public import FornyeStorage
public import Foundation
public import Vapor

/// Who is making a request: a signed-in user with a role, or nobody (the public).
///
/// Authentication middleware sets it; handlers and `RequireRole` read it. Keeping this one
/// small type between authentication and the rest lets every area check access the same way.
public struct Principal: Sendable, Equatable {
    public var userID: UUID
    public var displayName: String
    public var role: Role
    /// The municipality an editor belongs to (kommunenummer), nil for other roles.
    public var municipalityNumber: String?

    public init(userID: UUID, displayName: String, role: Role, municipalityNumber: String? = nil) {
        self.userID = userID
        self.displayName = displayName
        self.role = role
        self.municipalityNumber = municipalityNumber
    }

    /// May see microdata, unsuppressed tables and make exports.
    public var isAnalyst: Bool { role == .admin || role == .analyst }
}

struct PrincipalKey: StorageKey {
    typealias Value = Principal
}

extension Request {
    /// The signed-in user, or nil for the public.
    public var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }
}
