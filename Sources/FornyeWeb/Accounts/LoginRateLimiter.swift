import Foundation
import Synchronization
import Vapor

/// Counts sign-in attempts per client address in memory: at most `limit` in `window`. Memory
/// only (a restart forgets), which is enough against guessing from one address; the stored
/// account lockout covers guessing one account from many addresses.
final class LoginRateLimiter: Sendable {
    static let window: Double = 15 * 60

    let limit: Int
    private let attempts = Mutex<[String: [Date]]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    /// Records an attempt from `client`; returns nil when allowed, otherwise the seconds until
    /// the next attempt is.
    func attempt(from client: String, now: Date = Date()) -> Int? {
        attempts.withLock { attempts in
            // Forget old attempts now and then so the table cannot grow without bound.
            if attempts.count > 10_000 {
                attempts = attempts.filter { $0.value.contains { now.timeIntervalSince($0) < Self.window } }
            }
            var recent = (attempts[client] ?? []).filter { now.timeIntervalSince($0) < Self.window }
            if recent.count >= limit, let oldest = recent.first {
                attempts[client] = recent
                return max(1, Int((Self.window - now.timeIntervalSince(oldest)).rounded(.up)))
            }
            recent.append(now)
            attempts[client] = recent
            return nil
        }
    }
}

struct LoginRateLimiterKey: StorageKey {
    typealias Value = LoginRateLimiter
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
