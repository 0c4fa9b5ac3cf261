import FluentSQL
import Vapor

/// `SELECT 1` against the request's database: the one reachability check behind `/health` and
/// the database gauge of `/metrics`.
enum DatabasePing {
    /// Nil when the database answers (within `timeout`, when given), otherwise why not.
    static func failure(of request: Request, timeout: Duration? = nil) async -> (any Error)? {
        do {
            guard let sql = request.db as? any SQLDatabase else { throw Abort(.internalServerError) }
            guard let timeout else {
                try await sql.raw("SELECT 1").run()
                return nil
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await sql.raw("SELECT 1").run() }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw Abort(.serviceUnavailable, reason: "database check timed out")
                }
                try await group.next()
                group.cancelAll()
            }
            return nil
        } catch {
            return error
        }
    }
}
