import FluentSQL
import Vapor

/// `/health`: 200 when the database answers a query, 503 when it does not.
struct HealthController: RouteCollection {
    struct Health: Content {
        var status: String
        var database: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("health", use: health)
    }

    @Sendable func health(request: Request) async throws -> Response {
        let healthy: Bool
        do {
            guard let sql = request.db as? any SQLDatabase else { throw Abort(.internalServerError) }
            // A load balancer needs an answer quickly even when the database hangs or the pool
            // keeps retrying, so the check gives up after two seconds.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await sql.raw("SELECT 1").run() }
                group.addTask {
                    try await Task.sleep(for: .seconds(2))
                    throw Abort(.serviceUnavailable, reason: "database check timed out")
                }
                try await group.next()
                group.cancelAll()
            }
            healthy = true
        } catch {
            request.logger.error("health check: database unreachable", metadata: ["error": "\(error)"])
            healthy = false
        }
        let body = Health(status: healthy ? "ok" : "unavailable", database: healthy ? "reachable" : "unreachable")
        let response = try await body.encodeResponse(status: healthy ? .ok : .serviceUnavailable, for: request)
        response.headers.cacheControl = .init(noStore: true)
        return response
    }
}
