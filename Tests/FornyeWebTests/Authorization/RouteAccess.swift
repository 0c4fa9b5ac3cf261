import FornyeStorage
import Vapor

/// Who may use a route.
enum Access: Sendable, CustomStringConvertible {
    /// The public and everyone signed in.
    case everyone
    /// Admins, analysts and municipality editors.
    case signedIn
    case roles(Set<Role>)
    /// Guarded by something other than a role (a bearer token, loopback only), so every caller,
    /// signed in or not, gets the same answer and never a redirect to the login page.
    case machine
    /// The second sign-in step: guarded by the signed cookie a correct password leaves, so every
    /// caller without one, signed in or not, is sent back to the login page.
    case pendingSignIn

    static let analysts = Access.roles([.analyst, .admin])
    static let admins = Access.roles([.admin])

    func allows(_ role: Role?) -> Bool {
        switch self {
        case .everyone: return true
        case .signedIn: return role != nil
        case .roles(let roles): return role.map(roles.contains) ?? false
        case .machine: return true
        case .pendingSignIn: return false
        }
    }

    var isEveryone: Bool {
        if case .everyone = self { return true }
        return false
    }

    var isMachine: Bool {
        if case .machine = self { return true }
        return false
    }

    var description: String {
        switch self {
        case .everyone: return "everyone"
        case .signedIn: return "signed in"
        case .roles(let roles): return roles.map(\.rawValue).sorted().joined(separator: "+")
        case .machine: return "machine (token or loopback)"
        case .pendingSignIn: return "pending sign-in cookie"
        }
    }
}

/// The expected access to one registered route. `path` is written as Vapor registers it, with
/// `:parameters` (`/admin/brukere/:id`); `sample` is a concrete path to request when it has
/// parameters (an id that does not exist is fine: an allowed role then gets 404, a denied one
/// 401 or 403 before the handler runs).
struct RouteAccess: Sendable {
    var method: HTTPMethod
    var path: String
    var access: Access
    var sample: String?
    /// The route ends the session (sign-out); the matrix test runs it last for each role.
    var endsSession = false

    init(_ method: HTTPMethod, _ path: String, _ access: Access, sample: String? = nil, endsSession: Bool = false) {
        self.method = method
        self.path = path
        self.access = access
        self.sample = sample
        self.endsSession = endsSession
    }

    var key: String { "\(method.rawValue) \(path)" }
}

/// Every route's expected access, by area. **When you add a route, add its expectation** in
/// your area's `AccessMatrix+Area.swift` and list that area here; `AuthorizationMatrixTests`
/// fails for a registered route without one (and for an expectation without a route).
enum AccessMatrix {
    static var all: [RouteAccess] {
        core + accounts + projectBank + barometer + collection + programme
    }
}
