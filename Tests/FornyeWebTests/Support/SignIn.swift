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
/// returns headers whose Cookie carries the session and the (rotated) CSRF cookie, with the
/// session's CSRF token read from a page (`csrfToken`):
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
    var status = HTTPResponseStatus.internalServerError
    var cookies: HTTPCookies?
    try await app.testing().test(
        .POST, "/logg-inn", headers: anonymous,
        beforeRequest: { request in
            try request.form(["email": email, "password": password], headers: anonymous)
        }
    ) { response in
        status = response.status
        cookies = response.headers.setCookie
    }
    // Thrown here, not in the response closure, which would record it as an issue instead.
    guard status == .seeOther, let cookies, cookies[SessionAuthenticator.cookieName]?.string.isEmpty == false else {
        throw SignInFailed(status: status)
    }
    var signedIn = HTTPHeaders()
    signedIn.cookie = cookies
    return try await withFormToken(app, signedIn, from: "/")
}

/// Headers for the public: the CSRF cookie a browser gets from `GET /logg-inn`, no session, and
/// the token of that page's form (`csrfToken`).
func publicHeaders(_ app: Application) async throws -> HTTPHeaders {
    try await withFormToken(app, HTTPHeaders(), from: "/logg-inn")
}

/// `headers` after a browser's `GET path`: cookies the page set added, and the `_csrf` value of
/// its first form kept in `testFormTokenHeader` for `csrfToken`.
func withFormToken(_ app: Application, _ headers: HTTPHeaders, from path: String) async throws -> HTTPHeaders {
    var headers = headers
    var page = ""
    try await app.testing().test(.GET, path, headers: headers) { response in
        page = response.body.string
        var cookies = headers.cookie ?? HTTPCookies()
        for (name, value) in response.headers.setCookie?.all ?? [:] {
            cookies[name] = HTTPCookies.Value(string: value.string)
        }
        headers.cookie = cookies
    }
    let marker = "name=\"\(CSRFMiddleware.fieldName)\" value=\""
    guard let start = page.range(of: marker)?.upperBound, let end = page[start...].firstIndex(of: "\"") else {
        throw MissingFormToken(path: path)
    }
    headers.replaceOrAdd(name: testFormTokenHeader, value: String(page[start..<end]))
    return headers
}

struct MissingFormToken: Error, CustomStringConvertible {
    var path: String
    var description: String { "GET \(path) showed no form with a CSRF token" }
}

/// Where the test headers keep the form token a page showed. Only tests read it: the server
/// ignores the header, so a request without the field is still refused.
let testFormTokenHeader = "Fornye-Test-Form-Token"

extension HTTPHeaders {
    /// The CSRF token the page showed these headers' client, to put in a form body.
    var csrfToken: String { first(name: testFormTokenHeader) ?? "" }

    /// The CSRF cookie's value (the pre-session value the token is made from before sign-in).
    var csrfCookie: String? { cookie?[CSRFMiddleware.cookieName]?.string }
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
