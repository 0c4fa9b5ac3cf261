import FornyeProjectBank
import FornyeStorage
import Foundation
import Vapor

/// `/admin/institusjoner`: admins create and edit the research and education institutions
/// that projects seeking a research partner are matched with. Every save is audited.
struct InstitutionAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let institutions = routes.admins.grouped("admin", "institusjoner")
        institutions.get(use: list)
        institutions.get("ny", use: newForm)
        institutions.post(use: create)
        institutions.get(":slug", use: editForm)
        institutions.post(":slug", use: update)
    }

    /// The form's fields as the store takes them: trimmed, competence areas one per line.
    static func input(_ fields: FormFields) -> ResearchInstitutionInput {
        func clean(_ name: String) -> String {
            (fields.first(name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return ResearchInstitutionInput(
            name: clean("name"), kind: clean("kind"),
            competence: clean("competence").replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            contact: clean("contact"), url: clean("url"))
    }

    @Sendable func list(request: Request) async throws -> HTMLPage {
        let institutions = try await ProjectRepository(database: request.db).institutions()
        return InstitutionList(request: request, institutions: institutions).adminPage()
    }

    @Sendable func newForm(request: Request) async throws -> HTMLPage {
        form(request, input: .init(name: "", kind: "", competence: [], contact: "", url: ""), slug: nil, errors: [])
    }

    @Sendable func editForm(request: Request) async throws -> HTMLPage {
        let record = try await existing(request)
        return form(
            request,
            input: .init(
                name: record.name, kind: record.kind, competence: record.competenceAreas, contact: record.contact ?? "",
                url: record.url ?? ""),
            slug: record.slug, errors: [], synthetic: record.synthetic)
    }

    func existing(_ request: Request) async throws -> ResearchInstitutionRecord {
        guard let slug = request.parameters.get("slug"),
            let record = try await ResearchInstitutionStore(database: request.db).find(slug: slug)
        else { throw WebError(.notFound, nb: "Institusjonen finnes ikke.", en: "There is no such institution.") }
        return record
    }

    @Sendable func create(request: Request) async throws -> Response {
        try await save(request, slug: nil)
    }

    @Sendable func update(request: Request) async throws -> Response {
        let record = try await existing(request)
        return try await save(request, slug: record.slug)
    }

    func save(_ request: Request, slug: String?) async throws -> Response {
        let input = Self.input(try request.formFields())
        do {
            let record = try await ResearchInstitutionStore(database: request.db).save(input, slug: slug)
            try await request.audit(
                .institutionSaved, target: record.slug, details: slug == nil ? "created" : "updated")
            return request.redirect(to: Paths.institutions, redirectType: .normal)
        } catch ProjectError.invalid(let errors) {
            return try await form(request, input: input, slug: slug, errors: errors, status: .unprocessableEntity)
                .encodeResponse(for: request)
        }
    }

    func form(
        _ request: Request, input: ResearchInstitutionInput, slug: String?, errors: [ProjectFieldError],
        status: HTTPResponseStatus = .ok, synthetic: Bool = false
    ) -> HTMLPage {
        let page = InstitutionAdminPage(
            request: request, input: input, slug: slug, errors: errors, synthetic: synthetic)
        return HTMLPage(page.render(), status: status)
    }
}
