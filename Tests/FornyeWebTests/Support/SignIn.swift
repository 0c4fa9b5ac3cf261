import Fluent
import FornyeStorage
import FornyeWeb
import Foundation
import Vapor
import VaporTesting

/// The password `signIn` gives the users it creates.
let testPassword = "korrekt hest batteri stift"

struct SignInFailed: Error, CustomStringConvertible {
    var status: HTTPResponseStatus
    var description: String { "POST /logg-inn answered \(status.code), not 303 with a session cookie" }
}

/// Creates a user with `role` directly in the database, signs in through `POST /logg-inn` and
/// returns headers whose Cookie carries the session and the (rotated) CSRF token:
///
/// ```swift
/// let headers = try await signIn(app, as: .admin)
/// try await app.testing().test(.POST, "/admin/brukere", headers: headers, beforeRequest: { request in
///     try request.form(["email": "ny@example.no"], headers: headers)
/// }) { response in ... }
/// ```
///
/// Editors get municipality 0301 (Oslo) unless `municipality` says otherwise.
@discardableResult
func signIn(
    _ app: Application, as role: Role, municipality: String? = nil, email: String? = nil,
    password: String = testPassword
) async throws -> HTTPHeaders {
    let email = email ?? "\(role.rawValue)-\(UUID().uuidString.prefix(8).lowercased())@example.no"
    try await createUser(app, email: email, role: role, municipality: municipality, password: password)
    return try await logIn(app, email: email, password: password)
}

/// A user stored directly (bcrypt cost 4), without signing in.
@discardableResult
func createUser(
    _ app: Application, email: String, name: String? = nil, role: Role, municipality: String? = nil,
    password: String = testPassword
) async throws -> UserRecord {
    try await UserStore(database: app.db).create(
        email: email, displayName: name ?? "Test \(role.rawValue)", role: role,
        municipalityNumber: municipality ?? (role == .municipalityEditor ? "0301" : nil),
        passwordHash: Passwords.hash(password, cost: 4))
}

/// Signs an existing user in through the login form; throws `SignInFailed` unless it worked.
func logIn(_ app: Application, email: String, password: String) async throws -> HTTPHeaders {
    let anonymous = try await publicHeaders(app)
    var signedIn = HTTPHeaders()
    try await app.testing().test(
        .POST, "/logg-inn", headers: anonymous,
        beforeRequest: { request in
            try request.form(["email": email, "password": password], headers: anonymous)
        }
    ) { response in
        guard response.status == .seeOther,
            let session = response.headers.setCookie?[SessionAuthenticator.cookieName]?.string,
            let csrf = response.headers.setCookie?[CSRFMiddleware.cookieName]?.string
        else { throw SignInFailed(status: response.status) }
        signedIn.cookie = [
            SessionAuthenticator.cookieName: HTTPCookies.Value(string: session),
            CSRFMiddleware.cookieName: HTTPCookies.Value(string: csrf),
        ]
    }
    return signedIn
}

/// Headers for the public: a CSRF cookie (from `GET /logg-inn`) and no session.
func publicHeaders(_ app: Application) async throws -> HTTPHeaders {
    var headers = HTTPHeaders()
    try await app.testing().test(.GET, "/logg-inn") { response in
        let csrf = response.headers.setCookie?[CSRFMiddleware.cookieName]?.string ?? ""
        headers.cookie = [CSRFMiddleware.cookieName: HTTPCookies.Value(string: csrf)]
    }
    return headers
}

extension HTTPHeaders {
    /// The CSRF token in these headers' Cookie, to put in a form body.
    var csrfToken: String { cookie?[CSRFMiddleware.cookieName]?.string ?? "" }
}

extension TestingHTTPRequest {
    /// Encodes `fields` as a URL-encoded form body, with the CSRF token from `headers` added.
    mutating func form(_ fields: [String: String], headers: HTTPHeaders) throws {
        var fields = fields
        fields[CSRFMiddleware.fieldName] = headers.csrfToken
        try content.encode(fields, as: .urlEncodedForm)
    }

    /// Encodes `fields` as they are, without a CSRF token (to test refusals).
    mutating func formWithoutToken(_ fields: [String: String]) throws {
        try content.encode(fields, as: .urlEncodedForm)
    }
}
