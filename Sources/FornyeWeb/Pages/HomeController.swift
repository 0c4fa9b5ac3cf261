import FornyeStorage
import Vapor

struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
    }

    @Sendable func home(request: Request) async throws -> HTMLPage {
        let waves = try await WaveRepository(database: request.db).list(statuses: [.published])
        return HTMLPage(HomePage(language: Language.of(request), waves: waves).render())
    }
}
