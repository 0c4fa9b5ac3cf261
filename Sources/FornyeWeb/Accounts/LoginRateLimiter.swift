import FornyeStorage
import Foundation
import Vapor

/// The sign-in rate limit per client address: at most `WebSettings.loginAttemptsPerWindow`
/// attempts in `window`, counted in the database (`LoginAttemptRepository`), so every instance
/// behind one load balancer counts against the same limit. The stored account lockout covers
/// guessing one account from many addresses.
enum LoginRateLimit {
    static let window: Double = 15 * 60

    static func attempt(_ request: Request) async throws -> LoginAttemptRepository.Verdict {
        try await LoginAttemptRepository(database: request.db).attempt(
            from: request.clientAddress, limit: request.application.fornyeSettings.loginAttemptsPerWindow,
            window: window)
    }

    /// An OpenID Connect start or callback from this address, counted apart from password attempts
    /// (a flood of forged callbacks must not lock out the office's password sign-ins, nor the
    /// reverse) but against the same limit and window, in the same shared table.
    static func identityAttempt(_ request: Request) async throws -> LoginAttemptRepository.Verdict {
        try await LoginAttemptRepository(database: request.db).attempt(
            from: "oidc " + request.clientAddress,
            limit: request.application.fornyeSettings.loginAttemptsPerWindow, window: window)
    }

    /// The sign-in page saying how long to wait, as 429 with Retry-After. Logged, not audited:
    /// refused attempts must not be able to flood the audit table.
    static func refusal(_ request: Request, retryAfter: Int, email: String = "", next: String = Paths.home) async throws
        -> Response
    {
        request.logger.warning(
            "sign-in rate limited", metadata: ["client": "\(request.clientAddress)", "retry_after": "\(retryAfter)"])
        let response = try await HTMLPage(
            LoginPage(request: request, email: email, next: next, notice: .rateLimited(minutes: (retryAfter + 59) / 60))
                .render(), status: .tooManyRequests
        ).encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter))
        return response
    }

    /// Only failures count toward the address's limit: a sign-in takes its attempt off again.
    static func succeeded(_ request: Request, _ verdict: LoginAttemptRepository.Verdict) async throws {
        if case .allowed(let id) = verdict { try await LoginAttemptRepository(database: request.db).succeeded(id) }
    }

    /// Takes the attempt `id` off the count (an OpenID Connect start whose sign-in came through).
    static func succeeded(_ request: Request, attempt id: UUID) async throws {
        try await LoginAttemptRepository(database: request.db).succeeded(id)
    }
}

extension Request {
    /// The client's address for rate limiting: behind the TLS proxy the last X-Forwarded-For
    /// entry (the one our proxy added; earlier ones are the client's word), otherwise the peer.
    var clientAddress: String {
        if application.fornyeSettings.behindTLS,
            let forwarded = headers.first(name: .xForwardedFor)?.split(separator: ",").last
        {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}
