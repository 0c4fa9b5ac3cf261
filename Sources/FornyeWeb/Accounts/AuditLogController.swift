import FornyeStorage
import Vapor

/// `/admin/logg`: the audit log for admins, newest first, filtered by action and user, 50 to a page.
struct AuditLogController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.admins.get("admin", "logg", use: log)
    }

    @Sendable func log(request: Request) async throws -> HTMLPage {
        let actionText = request.query[String.self, at: "handling"].flatMap { $0.isEmpty ? nil : $0 }
        let userText = request.query[String.self, at: "bruker"].flatMap { $0.isEmpty ? nil : $0 }
        let pageText = request.query[String.self, at: "side"]
        var actorID: UUID?
        if let userText {
            guard let id = UUID(uuidString: userText) else {
                throw WebError.invalidParameter(
                    "bruker", nb: "«\(userText)» er ikke en bruker-id.", en: "“\(userText)” is not a user id.")
            }
            actorID = id
        }
        var page = 1
        if let pageText {
            guard let number = Int(pageText), number >= 1 else {
                throw WebError.invalidParameter(
                    "side", nb: "«\(pageText)» er ikke et sidenummer (1, 2, …).",
                    en: "“\(pageText)” is not a page number (1, 2, …).")
            }
            page = number
        }
        let log = AuditLog(database: request.db)
        let filter = AuditFilter(action: actionText.map(AuditAction.init(rawValue:)), actorID: actorID)
        let result = try await log.entries(filter, page: page, perPage: Self.perPage)
        let users = try await UserStore(database: request.db).list()
        return HTMLPage(
            AuditLogPage(
                request: request, result: result, filter: filter, actions: try await log.actions(), users: users
            )
            .render())
    }
}
