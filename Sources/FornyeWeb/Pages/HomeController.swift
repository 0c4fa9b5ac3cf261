import FornyeStorage
import Vapor

struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
    }

    @Sendable func home(request: Request) async throws -> HTMLPage {
        let waves = try await WaveRepository(database: request.db).list(statuses: [.published])
        return HTMLPage(HomePage(request: request, waves: waves).render())
    }
}
