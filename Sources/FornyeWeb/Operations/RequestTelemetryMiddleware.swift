import Foundation
import Vapor

/// The outermost middleware: gives each request an id, logs one line when it is answered, and
/// counts it in the app's metrics.
///
/// The id is the caller's `X-Request-Id` when that is a short token (a proxy's id joins the two
/// logs), otherwise a new UUID; it goes into the metadata of `request.logger` — so onto every line
/// logged for the request — and back in the response's `X-Request-Id`.
///
/// The access line names the route pattern (`/barometer/:slug`), never the raw path or query,
/// so a token in a URL is not written to the log; headers and bodies are never logged.
struct RequestTelemetryMiddleware: AsyncMiddleware {
    static let headerName = "X-Request-Id"
    /// Routes that are not found share one label, so scanners cannot grow the metrics.
    static let unmatchedRoute = "(unmatched)"

    let metrics: FornyeMetrics

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let id = Self.acceptedID(request.headers.first(name: Self.headerName)) ?? UUID().uuidString.lowercased()
        var logger = request.application.logger
        logger[metadataKey: "request-id"] = .string(id)
        request.logger = logger
        let start = ContinuousClock.now
        do {
            let response = try await next.respond(to: request)
            response.headers.replaceOrAdd(name: Self.headerName, value: id)
            finish(request, status: response.status, elapsed: ContinuousClock.now - start)
            return response
        } catch {
            // ErrorMiddleware sits inside and turns errors into responses; this is the fallback.
            finish(
                request, status: (error as? any AbortError)?.status ?? .internalServerError,
                elapsed: ContinuousClock.now - start)
            throw error
        }
    }

    private func finish(_ request: Request, status: HTTPResponseStatus, elapsed: Duration) {
        let route = Self.routePattern(of: request)
        metrics.recordRequest(method: request.method.rawValue, route: route, status: Int(status.code), elapsed: elapsed)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        request.logger.log(
            level: status.code >= 500 ? .error : .info,
            "\(request.method.rawValue) \(route) \(status.code)",
            metadata: [
                "method": .string(request.method.rawValue), "route": .string(route),
                "status": .stringConvertible(Int(status.code)),
                "duration_ms": .string(String(format: "%.1f", milliseconds)),
            ])
    }

    /// `/barometer/:slug` for a matched route, `(unmatched)` otherwise.
    static func routePattern(of request: Request) -> String {
        guard let route = request.route else { return unmatchedRoute }
        return "/" + route.path.map(\.description).joined(separator: "/")
    }

    /// A caller's id is kept only if it is 1–128 characters of letters, digits, `-`, `_`, `.`,
    /// so it cannot forge log lines or carry anything large into them.
    static func acceptedID(_ candidate: String?) -> String? {
        guard let candidate, (1...128).contains(candidate.utf8.count),
            candidate.utf8.allSatisfy({ byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == 0x2D || byte == 0x5F || byte == 0x2E
            })
        else { return nil }
        return candidate
    }
}
