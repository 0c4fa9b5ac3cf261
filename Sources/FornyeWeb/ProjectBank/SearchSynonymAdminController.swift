import FornyeProjectBank
import FornyeStorage
import Foundation
import Vapor

/// `/admin/synonymer`: admins add and remove the search's synonym groups (audited).
struct SearchSynonymAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let synonyms = routes.admins.grouped("admin", "synonymer")
        synonyms.get(use: list)
        synonyms.post(use: add)
        synonyms.post(":id", "slett", use: remove)
    }

    @Sendable func list(request: Request) async throws -> HTMLPage {
        HTMLPage(SearchSynonymsPage(request: request, groups: try await store(request).list()).render())
    }

    @Sendable func add(request: Request) async throws -> Response {
        let text = try request.formFields().first("members") ?? ""
        do {
            let record = try await store(request).add(text)
            try await request.audit(
                .searchSynonymsChanged, target: record.group.members.joined(separator: ", "), details: "added")
            return request.redirect(
                to: Paths.searchSynonyms + Language.of(request).pick("", "?lang=en"), redirectType: .normal)
        } catch ProjectError.invalid(let errors) {
            let page = SearchSynonymsPage(
                request: request, groups: try await store(request).list(), input: String(text.prefix(1_000)),
                errors: errors)
            return try await HTMLPage(page.render(), status: .unprocessableEntity).encodeResponse(for: request)
        }
    }

    @Sendable func remove(request: Request) async throws -> Response {
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let record = try await store(request).list().first(where: { $0.id == id })
        else { throw WebError(.notFound, nb: "Synonymgruppen finnes ikke.", en: "There is no such synonym group.") }
        try await store(request).remove(id: id)
        try await request.audit(
            .searchSynonymsChanged, target: record.group.members.joined(separator: ", "), details: "removed")
        return request.redirect(
            to: Paths.searchSynonyms + Language.of(request).pick("", "?lang=en"), redirectType: .normal)
    }

    func store(_ request: Request) -> SearchSynonymStore { SearchSynonymStore(database: request.db) }
}
