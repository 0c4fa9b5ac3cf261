import Foundation
import Synchronization
import Vapor

/// Counts sign-in attempts per client address in memory: at most `limit` failures in `window`.
/// A successful sign-in is taken off the count again, so an office behind one NAT address can
/// sign in as often as it needs while guessing from one address is still slowed. Every attempt is
/// counted when it starts (and withdrawn on success) so that parallel guesses cannot slip past
/// the limit while their passwords are being checked. Memory only (a restart forgets), which is
/// enough against guessing from one address; the stored account lockout covers guessing one
/// account from many addresses.
final class LoginRateLimiter: Sendable {
    static let window: Double = 15 * 60

    let limit: Int
    private let attempts = Mutex<[String: [Date]]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    enum Verdict: Equatable {
        /// The attempt may go ahead; it was counted at `at`.
        case allowed(at: Date)
        /// Too many recent failures: the seconds until the next attempt is allowed.
        case limited(retryAfter: Int)
    }

    /// Counts an attempt from `client`, or refuses it when `limit` attempts are already counted.
    func attempt(from client: String, now: Date = Date()) -> Verdict {
        attempts.withLock { attempts in
            // Forget old attempts now and then so the table cannot grow without bound.
            if attempts.count > 10_000 {
                attempts = attempts.filter { $0.value.contains { now.timeIntervalSince($0) < Self.window } }
            }
            var recent = (attempts[client] ?? []).filter { now.timeIntervalSince($0) < Self.window }
            if recent.count >= limit, let oldest = recent.first {
                attempts[client] = recent
                return .limited(retryAfter: max(1, Int((Self.window - now.timeIntervalSince(oldest)).rounded(.up))))
            }
            recent.append(now)
            attempts[client] = recent
            return .allowed(at: now)
        }
    }

    /// Takes the attempt counted at `counted` off `client`'s count: it signed in.
    func succeeded(from client: String, counted: Date) {
        attempts.withLock { attempts in
            guard var recent = attempts[client], let index = recent.firstIndex(of: counted) else { return }
            recent.remove(at: index)
            attempts[client] = recent.isEmpty ? nil : recent
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
