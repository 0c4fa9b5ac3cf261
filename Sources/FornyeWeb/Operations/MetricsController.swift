import Foundation
import NIOCore
import Vapor

/// `/metrics` in the Prometheus text format.
///
/// Access: with `FORNYE_METRICS_TOKEN` set, only requests with `Authorization: Bearer <token>`
/// (401 otherwise). Without it, only requests from the loopback address that did not come through
/// a proxy (no `Forwarded`/`X-Forwarded-For`/`X-Real-IP` header), 403 otherwise: a reverse proxy on
/// the same host connects from loopback, so set the token whenever the app is behind one.
struct MetricsController: RouteCollection {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    func boot(routes: any RoutesBuilder) throws {
        routes.get("metrics", use: metrics)
    }

    @Sendable func metrics(request: Request) async throws -> Response {
        try Self.authorize(request, token: request.application.fornyeSettings.metricsToken)
        let metrics = request.application.fornyeMetrics
        let start = ContinuousClock.now
        let failure = await DatabasePing.failure(of: request)
        if let failure {
            request.logger.warning("metrics: database unreachable", metadata: ["error": "\(failure)"])
        }
        let up = failure == nil
        metrics.recordDatabasePing(up: up, elapsed: ContinuousClock.now - start)
        metrics.recordProcess()
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: Self.contentType)
        headers.cacheControl = .init(noStore: true)
        return Response(status: .ok, headers: headers, body: .init(data: Data(metrics.registry.emitToBuffer())))
    }

    static func authorize(_ request: Request, token: String?) throws {
        if let token, !token.isEmpty {
            guard let given = request.headers.bearerAuthorization?.token, CSRF.constantTimeEqual(given, token) else {
                throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer realm=\"fornye-metrics\""])
            }
            return
        }
        let proxied = ["Forwarded", "X-Forwarded-For", "X-Real-IP"].contains { request.headers.contains(name: $0) }
        guard !proxied, let address = request.remoteAddress, isLoopback(address) else {
            throw Abort(.forbidden, reason: "/metrics is open to loopback only; set FORNYE_METRICS_TOKEN")
        }
    }

    static func isLoopback(_ address: SocketAddress) -> Bool {
        guard let ip = address.ipAddress else { return false }
        switch address {
        case .v4: return ip.hasPrefix("127.")
        case .v6: return ip == "::1" || ip.hasPrefix("::ffff:127.")
        default: return false
        }
    }
}
