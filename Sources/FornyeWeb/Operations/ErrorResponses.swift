import Foundation
import Vapor

/// Vapor's `ErrorMiddleware` with one change: its log line names the route pattern, not the
/// full URL, so a token in a path or query string never reaches the log. Responses are the same
/// (`{"error":true,"reason":…}`; in production a 500 does not reveal the error).
enum ErrorResponses {
    struct Body: Encodable {
        var error = true
        var reason: String
    }

    static func middleware(environment: Environment) -> ErrorMiddleware {
        ErrorMiddleware { request, error in
            let status: HTTPResponseStatus
            let reason: String
            var headers: HTTPHeaders
            switch error {
            case let abort as any AbortError:
                (status, reason, headers) = (abort.status, abort.reason, abort.headers)
            case let debuggable as any DebuggableError:
                (status, reason, headers) = (.internalServerError, debuggable.reason, [:])
            default:
                status = .internalServerError
                reason = environment.isRelease ? "Something went wrong." : String(describing: error)
                headers = [:]
            }
            request.logger.log(
                level: status.code >= 500 ? .error : .debug, "\(status.code) \(reason)",
                metadata: [
                    "method": .string(request.method.rawValue),
                    "route": .string(RequestTelemetryMiddleware.routePattern(of: request)),
                    "error": .string(status.code >= 500 ? String(describing: error) : reason),
                ])
            do {
                let data = try JSONEncoder().encode(Body(reason: reason))
                headers.contentType = .json
                return Response(status: status, headers: headers, body: .init(data: data))
            } catch {
                headers.contentType = .plainText
                return Response(status: status, headers: headers, body: .init(string: reason))
            }
        }
    }
}
