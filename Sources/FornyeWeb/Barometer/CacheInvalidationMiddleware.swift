import FornyeStorage
import Vapor

/// Tells the results cache that data may have changed after every state-changing request
/// (POST, PUT, PATCH, DELETE) that was not refused: a wave's status change, a new wave, a
/// submitted response. Writers need not remember to do it, and a cached read needs no query to
/// know it is fresh but the shared counter's. The next read reloads the wave catalogue (a few
/// small queries) and forgets only what was computed from waves that changed.
///
/// Other instances on the database learn of it through the shared counter
/// (`CacheVersions.barometer`), raised after the write, except for writes that cannot change
/// what the results show: respondents' answers (an open wave is never shown), signing in and
/// out, and one's own password.
///
/// A 4xx changed nothing (CSRF, validation and not-found are refused before or instead of any
/// write, writes run in transactions), so it does not count; the read-only JSON API (`/api/`,
/// whose one POST computes an estimate) does not either.
struct CacheInvalidationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard Self.mayWrite(request) else { return try await next.respond(to: request) }
        do {
            let response = try await next.respond(to: request)
            if !(400..<500).contains(response.status.code) { await Self.invalidate(request) }
            return response
        } catch {
            if !(400..<500).contains((error as? any AbortError)?.status.code ?? 500) { await Self.invalidate(request) }
            throw error
        }
    }

    static func invalidate(_ request: Request) async {
        request.application.barometerStore.invalidateCatalog()
        guard announces(request.url.path) else { return }
        do {
            try await CacheVersions(database: request.db).bump(CacheVersions.barometer)
        } catch {
            // The write itself succeeded; other instances then see it within the catalogue's lifetime.
            request.logger.warning("shared cache version not raised", metadata: ["error": "\(error)"])
        }
        // In the background: the next profile after a changed wave should not compute it.
        request.application.municipalityStore.warmAfterWrite(request.application)
    }

    static func mayWrite(_ request: Request) -> Bool {
        switch request.method {
        case .GET, .HEAD, .OPTIONS: return false
        default: return !request.url.path.hasPrefix(Paths.api + "/")
        }
    }

    /// Whether a write to `path` may change what the results show, and is announced to other instances.
    static func announces(_ path: String) -> Bool {
        !(path.hasPrefix(Paths.answer(token: "")) || path == Paths.login || path == Paths.logout
            || path == Paths.password)
    }
}
