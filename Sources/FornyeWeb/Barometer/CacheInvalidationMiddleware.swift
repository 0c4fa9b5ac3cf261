import Vapor

/// Tells the results cache that data may have changed after every state-changing request
/// (POST, PUT, PATCH, DELETE) that was not refused: a wave's status change, a new wave, a
/// submitted response. Writers need not remember to do it, and a cached read needs no query to
/// know it is fresh. The next read reloads the wave catalogue (a few small queries) and forgets
/// only what was computed from waves that changed.
///
/// A 4xx changed nothing (CSRF, validation and not-found are refused before or instead of any
/// write, writes run in transactions), so it does not count; the read-only JSON API (`/api/`,
/// whose one POST computes an estimate) does not either.
struct CacheInvalidationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard Self.mayWrite(request) else { return try await next.respond(to: request) }
        do {
            let response = try await next.respond(to: request)
            if !(400..<500).contains(response.status.code) {
                request.application.barometerStore.invalidateCatalog()
            }
            return response
        } catch {
            if !(400..<500).contains((error as? any AbortError)?.status.code ?? 500) {
                request.application.barometerStore.invalidateCatalog()
            }
            throw error
        }
    }

    static func mayWrite(_ request: Request) -> Bool {
        switch request.method {
        case .GET, .HEAD, .OPTIONS: return false
        default: return !request.url.path.hasPrefix(Paths.api + "/")
        }
    }
}
