import Vapor

/// Security headers on every response: pages, the API, assets, errors and 404s. It sits outside
/// Vapor's `ErrorMiddleware`, so responses made from thrown errors carry them too.
///
/// The Content-Security-Policy allows no inline script or style at all: pages take their CSS
/// from /assets/fornye.css; the one script, the project form's live similar-projects panel, is
/// the file /assets/lignende.js.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
        "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")
    static let permissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
    /// One year, as the HSTS preload list asks; only sent when a TLS proxy is in front.
    static let strictTransportSecurity = "max-age=31536000; includeSubDomains"

    let behindTLS: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        Self.apply(to: &response.headers, behindTLS: behindTLS)
        return response
    }

    /// For downloads (project attachments): nothing may load or run, even if a browser rendered one.
    static let downloadPolicy = "default-src 'none'; sandbox; frame-ancestors 'none'"

    /// Adds each header the response lacks. A header a handler set is kept: the questionnaire's
    /// `Referrer-Policy: no-referrer` keeps invitation tokens out of Referer, which the site-wide
    /// `strict-origin-when-cross-origin` would not.
    static func apply(to headers: inout HTTPHeaders, behindTLS: Bool) {
        let isDownload = headers.first(name: .contentDisposition)?.lowercased().hasPrefix("attachment") ?? false
        func addUnlessSet(_ name: String, _ value: String) {
            if !headers.contains(name: name) { headers.add(name: name, value: value) }
        }
        addUnlessSet("Content-Security-Policy", isDownload ? downloadPolicy : contentSecurityPolicy)
        addUnlessSet("X-Content-Type-Options", "nosniff")
        addUnlessSet("Referrer-Policy", "strict-origin-when-cross-origin")
        addUnlessSet("X-Frame-Options", "DENY")
        addUnlessSet("Permissions-Policy", permissionsPolicy)
        addUnlessSet("Cross-Origin-Opener-Policy", "same-origin")
        if behindTLS {
            addUnlessSet("Strict-Transport-Security", strictTransportSecurity)
        }
        // A response that sets a cookie (the CSRF token on /logg-inn, a session) must not be kept
        // by a cache, which could hand the cookie to someone else: the one header replaced.
        if headers.contains(name: .setCookie),
            !headers[.cacheControl].contains(where: { $0.lowercased().contains("no-store") })
        {
            headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
    }
}
