import FornyeStorage
import Vapor

struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
    }

    /// Lists the published waves from the store's catalogue; the public's page is cached whole.
    @Sendable func home(request: Request) async throws -> Response {
        try await CachedResponse.respond(request, .html) {
            let waves = try await request.application.barometerStore.catalog(request.db).visible(to: false)
            return try await HTMLPage(HomePage(request: request, waves: waves).render()).encodeResponse(for: request)
        }
    }
}
