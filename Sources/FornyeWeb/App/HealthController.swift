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
            try await sql.raw("SELECT 1").run()
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
