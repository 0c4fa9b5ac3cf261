import FornyeStorage
import Foundation
import Vapor

/// The read API: `GET /api/v1/projects` (search with facets, same parameters as the page) and
/// `GET /api/v1/projects/{slug}`. Published projects only; described in
/// `Resources/openapi.json`.
struct ProjectAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let projects = routes.grouped("api", "v1", "projects")
        projects.get(use: list)
        projects.get(":slug", use: one)
    }

    struct ListResponse: Content {
        var total: Int
        var page: Int
        var perPage: Int
        var facets: [String: [String: Int]]
        /// Each query word with what it was expanded with (`utvid=nei` switches expansion off).
        var expandedWith: [String: [String]]
        /// «Mente du …?»: the query with its unknown words respelled, when it found little.
        var suggestion: String?
        var projects: [ProjectExport.Item]
    }

    @Sendable func list(request: Request) async throws -> Response {
        var query = try ProjectQueryParameters(request).validatedQuery()
        query.statuses = [.published]
        let result = try await request.projectSearch.search(query)
        // Only the projects the search saw attachments on (usually none: no statement at all).
        let attachments = try await ProjectAttachmentStore(database: request.db).list(
            projects: result.projects.filter { $0.id.map(result.withAttachments.contains) ?? false })
        let body = ListResponse(
            total: result.total, page: result.query.page, perPage: result.query.perPage,
            facets: Dictionary(
                result.facets.map { facet in
                    (facet.name, Dictionary(facet.counts.map { ($0.value, $0.count) }, uniquingKeysWith: +))
                }, uniquingKeysWith: { a, _ in a }),
            expandedWith: Dictionary(result.expansions.map { ($0.word, $0.with) }, uniquingKeysWith: { a, _ in a }),
            suggestion: result.suggestion,
            projects: try result.projects.map { try ProjectExport.item($0, attachments: attachments[$0.id!] ?? []) })
        return try json(body)
    }

    @Sendable func one(request: Request) async throws -> Response {
        guard let slug = request.parameters.get("slug"),
            let record = try await ProjectRepository(database: request.db).find(slug: slug), record.status == .published
        else {
            throw WebError(
                .notFound, nb: "Det finnes ikke noe publisert prosjekt med dette navnet.",
                en: "There is no such published project.")
        }
        let attachments = try await ProjectAttachmentStore(database: request.db).list(record)
        return try json(try ProjectExport.item(record, attachments: attachments))
    }

    func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(value)))
    }
}
