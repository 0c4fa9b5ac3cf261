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

    static func apply(to headers: inout HTTPHeaders, behindTLS: Bool) {
        let isDownload = headers.first(name: .contentDisposition)?.lowercased().hasPrefix("attachment") ?? false
        headers.replaceOrAdd(
            name: "Content-Security-Policy", value: isDownload ? downloadPolicy : contentSecurityPolicy)
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "Referrer-Policy", value: "strict-origin-when-cross-origin")
        headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        headers.replaceOrAdd(name: "Permissions-Policy", value: permissionsPolicy)
        headers.replaceOrAdd(name: "Cross-Origin-Opener-Policy", value: "same-origin")
        if behindTLS {
            headers.replaceOrAdd(name: "Strict-Transport-Security", value: strictTransportSecurity)
        }
    }
}
