import FluentSQL
import Synchronization
import Vapor

/// `SELECT 1` against the request's database: the one reachability check behind `/health` and
/// the database gauge of `/metrics`.
enum DatabasePing {
    /// Nil when the database answers (within `timeout`, when given), otherwise why not.
    static func failure(of request: Request, timeout: Duration? = nil) async -> (any Error)? {
        guard let sql = request.db as? any SQLDatabase else { return Abort(.internalServerError) }
        guard let timeout else {
            do {
                try await sql.raw("SELECT 1").run()
                return nil
            } catch {
                return error
            }
        }
        // A task group would wait for its query task even after the clock won, and a pool that
        // keeps retrying a refused connection holds that task until its own request timeout
        // (10 s): so the two race in unstructured tasks and the first to finish answers.
        let answer = FirstAnswer()
        return await withCheckedContinuation { continuation in
            answer.install(continuation)
            Task {
                do {
                    try await sql.raw("SELECT 1").run()
                    answer.give(nil)
                } catch {
                    answer.give(error)
                }
            }
            Task {
                try? await Task.sleep(for: timeout)
                answer.give(Abort(.serviceUnavailable, reason: "database check timed out"))
            }
        }
    }

    /// Resumes its continuation once, with whichever answer comes first.
    private final class FirstAnswer: Sendable {
        private let continuation = Mutex<CheckedContinuation<(any Error)?, Never>?>(nil)

        func install(_ waiting: CheckedContinuation<(any Error)?, Never>) {
            continuation.withLock { $0 = waiting }
        }

        func give(_ error: (any Error)?) {
            let waiting = continuation.withLock { current in
                defer { current = nil }
                return current
            }
            waiting?.resume(returning: error)
        }
    }
}
