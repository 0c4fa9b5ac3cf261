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

    /// Only failures count toward the address's limit: a sign-in takes its attempt off again.
    static func succeeded(_ request: Request, _ verdict: LoginAttemptRepository.Verdict) async throws {
        if case .allowed(let id) = verdict { try await LoginAttemptRepository(database: request.db).succeeded(id) }
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
