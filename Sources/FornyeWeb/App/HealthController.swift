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
        // A load balancer needs an answer quickly even when the database hangs or the pool
        // keeps retrying, so the check gives up after two seconds.
        let failure = await DatabasePing.failure(of: request, timeout: .seconds(2))
        if let failure {
            request.logger.error("health check: database unreachable", metadata: ["error": "\(failure)"])
        }
        let healthy = failure == nil
        let body = Health(status: healthy ? "ok" : "unavailable", database: healthy ? "reachable" : "unreachable")
        let response = try await body.encodeResponse(status: healthy ? .ok : .serviceUnavailable, for: request)
        response.headers.cacheControl = .init(noStore: true)
        return response
    }
}
