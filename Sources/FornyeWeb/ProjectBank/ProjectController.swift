import FornyeBarometer
import FornyeProjectBank
import FornyeStorage
import Foundation
import Vapor

/// The project bank's pages: search, project, new/edit form, workflow, history, reuse map,
/// research partners, open-data exports.
struct ProjectController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let projects = routes.grouped("prosjekter")
        // Writing needs an editor or admin before anything is looked up, so the public is sent
        // to sign in (and learns nothing about which projects exist) and analysts get 403.
        let authors = projects.grouped(RequireRole([.municipalityEditor, .admin]))
        projects.get(use: search)
        authors.get("ny", use: newForm)
        authors.post(use: create)
        projects.get("gjenbruk", use: reuseMap)
        projects.get("eksport.csv", use: exportCSV)
        projects.get("eksport-excel.csv", use: exportExcelCSV)
        projects.get("eksport.json", use: exportJSON)
        projects.get(":slug", use: show)
        authors.get(":slug", "rediger", use: editForm)
        authors.post(":slug", use: update)
        authors.post(":slug", "status", use: transition)
        authors.post(":slug", "bekreft-kontakter", use: confirmContacts)
        // The live "similar projects" panel of the new and the edit form (an HTML fragment).
        authors.post("ny", "lignende", use: similarForNew)
        authors.post(":slug", "lignende", use: similarForEdit)
        projects.get(":slug", "historikk", use: history)
        projects.get(":slug", "gjenbruk", use: projectReuse)
        authors.get(":slug", "vi-har-gjenbrukt", use: reuseReportForm)
        authors.post(":slug", "vi-har-gjenbrukt", use: recordReuse)
        routes.get("forskningspartnere", use: researchPartners)
    }

    @Sendable func search(request: Request) async throws -> HTMLPage {
        let parameters = try ProjectQueryParameters(request)
        let result = try await request.projectSearch.search(parameters.query)
        let repository = ProjectRepository(database: request.db)
        var own: [ProjectRecord] = []
        var toReview: [ProjectRecord] = []
        switch request.projectActor {
        case .editor(let municipality):
            own = try await repository.list(
                statuses: [.draft, .submitted, .needsUpdate], owner: municipality, limit: 50)
        case .admin:
            toReview = try await repository.list(statuses: [.submitted], limit: 50)
        default: break
        }
        let page = ProjectSearchPage(
            language: Language.of(request), result: result, parameters: parameters,
            layout: PageLayout(
                title: Language.of(request).pick("Prosjektbanken", "Project bank"), request: request,
                path: Paths.projects),
            own: own, toReview: toReview, canCreate: request.projectActor != nil)
        return HTMLPage(page.render())
    }

    func visible(_ request: Request) async throws -> ProjectRecord {
        guard let slug = request.parameters.get("slug"),
            let record = try await ProjectRepository(database: request.db).find(slug: slug), request.maySee(record)
        else { throw WebError(.notFound, nb: "Prosjektet finnes ikke.", en: "There is no such project.") }
        return record
    }

    @Sendable func show(request: Request) async throws -> HTMLPage {
        let record = try await visible(request)
        let document = try record.document()
        let repository = ProjectRepository(database: request.db)
        let basedOn = try await document.basedOn.asyncMap { try await repository.find(slug: $0) } ?? nil
        let reusedBy = try await repository.publishedReusers(of: record.slug)
        let reuseReports = record.status == .published ? try await repository.reuseReports(of: record) : []
        let similar = try await ProjectSearch(database: request.db).similar(to: document, excluding: record.slug)
        let institutions =
            document.seeksResearchPartner ? try await repository.suggestedInstitutions(for: document) : []
        let actor = request.projectActor
        let page = ProjectPage(
            layout: PageLayout(title: record.title, request: request), record: record, document: document,
            basedOn: basedOn.flatMap { $0.status == .published ? $0 : nil }, reusedBy: reusedBy,
            reuseReports: reuseReports, mayRecordReuse: actor.map { Self.mayRecordReuse($0, of: record) } ?? false,
            similar: similar,
            institutions: institutions,
            transitions: actor.map {
                ProjectWorkflow.targets(for: $0, from: record.status, owner: record.ownerMunicipality)
            } ?? [],
            mayEdit: actor.map { ProjectWorkflow.mayEdit($0, status: record.status, owner: record.ownerMunicipality) }
                ?? false,
            showAllContacts: actor != nil && request.maySee(record) && record.status != .published || actor == .admin,
            contactsConfirmedAt: try await repository.contactConfirmations(of: [record])[try record.requireID()] ?? [:],
            mayConfirmContacts: actor.map {
                ProjectWorkflow.mayConfirmContacts($0, status: record.status, owner: record.ownerMunicipality)
            } ?? false,
            csrfToken: request.csrfToken,
            attachments: try await ProjectAttachmentStore(database: request.db).list(record))
        return HTMLPage(page.render())
    }

    func requireAuthor(_ request: Request) throws -> ProjectAuthor {
        guard let author = request.projectAuthor else {
            throw WebError(
                request.principal == nil ? .unauthorized : .forbidden,
                nb: "Bare kommuneredaktører og administratorer skriver prosjekter.",
                en: "Only municipality editors and admins write projects.")
        }
        return author
    }

    @Sendable func newForm(request: Request) async throws -> Response {
        guard request.principal != nil else {
            return request.redirect(to: Paths.login + "?neste=" + Paths.newProject)
        }
        let author = try requireAuthor(request)
        var document = ProjectDocument()
        if case .editor(let municipality) = author.actor { document.ownerMunicipality = municipality }
        return try await form(request, document: document, slug: nil, errors: [], similar: []).encodeResponse(
            for: request)
    }

    /// The form page; `rows` are the rows to show (after a post, what was typed), nil for the
    /// document's own; `extraRows` the empty rows per group below them (one each when absent).
    func form(
        _ request: Request, document: ProjectDocument, slug: String?, errors: [ProjectFieldError],
        similar: [ProjectRecord], status: HTTPResponseStatus = .ok, rows: [String: [[String: String]]]? = nil,
        extraRows: [String: Int] = [:]
    ) -> HTMLPage {
        let language = Language.of(request)
        let page = ProjectFormPage(
            layout: PageLayout(
                title: slug == nil
                    ? language.pick("Nytt prosjekt", "New project") : language.pick("Rediger prosjekt", "Edit project"),
                request: request),
            document: document, slug: slug, errors: errors, similar: similar, csrfToken: request.csrfToken,
            postedRows: rows, extraRows: extraRows)
        return HTMLPage(page.render(), status: status)
    }

    /// Saves, or with `action=preview` shows completeness and similar projects without saving;
    /// «Legg til rad» (`action=addRow-<group>`) re-renders with one more empty row, keeping what was typed.
    func save(_ request: Request, existing: ProjectRecord?) async throws -> Response {
        let author = try requireAuthor(request)
        let data = try ProjectFormData(request)
        let base = try existing?.document() ?? ProjectDocument()
        let (document, formErrors) = data.document(base: base)
        let errors = formErrors + ProjectValidation.errors(of: document)
        let similar = try await ProjectSearch(database: request.db).similar(to: document, excluding: existing?.slug)
        if data.addsRow || data.text("action") == "preview" || !errors.isEmpty {
            let shown = data.addsRow ? [] : errors
            return try await form(
                request, document: document, slug: existing?.slug, errors: shown, similar: similar,
                status: shown.isEmpty ? .ok : .unprocessableEntity, rows: data.postedRows, extraRows: data.extraRows
            )
            .encodeResponse(for: request)
        }
        let repository = ProjectRepository(database: request.db)
        do {
            let record =
                if let existing {
                    try await repository.update(slug: existing.slug, with: document, by: author)
                } else {
                    try await repository.create(document, by: author)
                }
            try await request.audit(
                .projectSaved, target: record.slug, details: existing == nil ? "created" : "updated")
            return request.redirect(to: Paths.project(slug: record.slug), redirectType: .normal)
        } catch let error as ProjectError {
            switch error {
            case .forbidden: throw WebError.project(error, status: .forbidden)
            case .invalid(let errors):
                return try await form(
                    request, document: document, slug: existing?.slug, errors: errors, similar: similar,
                    status: .unprocessableEntity, rows: data.postedRows, extraRows: data.extraRows
                )
                .encodeResponse(for: request)
            default: throw WebError.project(error, status: .badRequest)
            }
        }
    }

    @Sendable func create(request: Request) async throws -> Response {
        try await save(request, existing: nil)
    }

    @Sendable func editForm(request: Request) async throws -> Response {
        let record = try await visible(request)
        let author = try requireAuthor(request)
        guard ProjectWorkflow.mayEdit(author.actor, status: record.status, owner: record.ownerMunicipality) else {
            throw WebError.mayNotEditProject
        }
        let document = try record.document()
        let similar = try await ProjectSearch(database: request.db).similar(to: document, excluding: record.slug)
        return try await form(request, document: document, slug: record.slug, errors: [], similar: similar)
            .encodeResponse(for: request)
    }

    @Sendable func update(request: Request) async throws -> Response {
        let record = try await visible(request)
        let author = try requireAuthor(request)
        guard ProjectWorkflow.mayEdit(author.actor, status: record.status, owner: record.ownerMunicipality) else {
            throw WebError.mayNotEditProject
        }
        return try await save(request, existing: record)
    }

    /// The similar-projects panel for a draft of a new project: the form's fields in, the
    /// fragment the form page shows out.
    @Sendable func similarForNew(request: Request) async throws -> HTMLPage {
        _ = try requireAuthor(request)
        return try await similarFragment(request, excluding: nil)
    }

    /// The panel for the edit form, leaving the project itself out; whoever may open the edit
    /// form may ask.
    @Sendable func similarForEdit(request: Request) async throws -> HTMLPage {
        let record = try await visible(request)
        let author = try requireAuthor(request)
        guard ProjectWorkflow.mayEdit(author.actor, status: record.status, owner: record.ownerMunicipality) else {
            throw WebError.mayNotEditProject
        }
        return try await similarFragment(request, excluding: record.slug)
    }

    func similarFragment(_ request: Request, excluding slug: String?) async throws -> HTMLPage {
        let draft = ProjectSimilarPanel.draft(try ProjectFormData(request))
        let similar = try await ProjectSearch(database: request.db).similar(to: draft, excluding: slug)
        return HTMLPage(ProjectSimilarPanel.fragment(similar, language: Language.of(request)).render())
    }

    @Sendable func transition(request: Request) async throws -> Response {
        let record = try await visible(request)
        let author = try requireAuthor(request)
        let data = try ProjectFormData(request)
        guard let target = ProjectStatus(rawValue: data.text("status")) else {
            throw WebError(.badRequest, nb: "Ukjent status.", en: "Unknown status.", parameter: "status")
        }
        do {
            try await ProjectRepository(database: request.db).transition(slug: record.slug, to: target, by: author)
            try await request.audit(
                .projectStatusChanged, target: record.slug, details: "\(record.status.rawValue) → \(target.rawValue)")
        } catch let error as ProjectError {
            switch error {
            case .forbidden: throw WebError.project(error, status: .forbidden)
            default: throw WebError.project(error, status: .conflict)
            }
        }
        return request.redirect(to: Paths.project(slug: record.slug), redirectType: .normal)
    }

    /// The owner's «the contact people are still right»: moves their dates on without a review round.
    @Sendable func confirmContacts(request: Request) async throws -> Response {
        let record = try await visible(request)
        let author = try requireAuthor(request)
        do {
            try await ProjectRepository(database: request.db).confirmContacts(slug: record.slug, by: author)
            try await request.audit(.projectContactsConfirmed, target: record.slug)
        } catch let error as ProjectError {
            switch error {
            case .forbidden: throw WebError.project(error, status: .forbidden)
            default: throw WebError.project(error, status: .conflict)
            }
        }
        return request.redirect(to: Paths.project(slug: record.slug) + "#kontakter", redirectType: .normal)
    }

    @Sendable func history(request: Request) async throws -> HTMLPage {
        let record = try await visible(request)
        let versions = try await ProjectRepository(database: request.db).versions(of: record)
        let language = Language.of(request)
        let layout = PageLayout(title: language.pick("Versjonshistorikk", "Version history"), request: request)
        return HTMLPage(
            ProjectHistoryPage(layout: layout, language: language, record: record, versions: versions).render())
    }

    /// Which municipalities built on which project across the country: the tile map and its tables.
    @Sendable func reuseMap(request: Request) async throws -> HTMLPage {
        let flows = try await ProjectRepository(database: request.db).publishedReuses()
        return HTMLPage(ReuseMapPage(request: request, flows: flows).render())
    }

    /// "Reused by": the municipalities that built on one project, on the map and in tables.
    @Sendable func projectReuse(request: Request) async throws -> HTMLPage {
        let record = try await visible(request)
        let flows =
            record.status == .published
            ? try await ProjectRepository(database: request.db).publishedReuses(of: record.slug) : []
        return HTMLPage(ProjectReusePage(request: request, record: record, flows: flows).render())
    }

    /// Whether `actor` gets «Vi har gjenbrukt dette» on `record`: published, and not the
    /// editor's own municipality's project.
    static func mayRecordReuse(_ actor: ProjectActor, of record: ProjectRecord) -> Bool {
        guard record.status == .published else { return false }
        if case .editor(let municipality) = actor { return municipality != record.ownerMunicipality }
        return actor == .admin
    }

    /// The published project whose reuse is recorded, and the editor's own municipality (nil for an admin).
    func reuseTarget(_ request: Request) async throws -> (ProjectRecord, ProjectAuthor, Municipality?) {
        let record = try await visible(request)
        let author = try requireAuthor(request)
        guard record.status == .published else {
            throw WebError(
                .notFound, nb: "Bare publiserte prosjekter kan gjenbrukes.",
                en: "Only published projects can be reused.")
        }
        var own: Municipality?
        if case .editor(let number) = author.actor {
            own = try? MunicipalityRegister.bundled().municipality(number: number, on: ProjectValidation.today)
        }
        return (record, author, own)
    }

    @Sendable func reuseReportForm(request: Request) async throws -> HTMLPage {
        let (record, _, own) = try await reuseTarget(request)
        let input = ReuseReportInput(municipality: own?.number ?? "", unit: "", month: "", changes: "")
        return HTMLPage(
            ReuseReportPage(request: request, record: record, input: input, ownMunicipality: own, errors: []).render())
    }

    /// Records the reuse and goes back to the project's reuse section; a refused report comes
    /// back with its errors at their fields (422).
    @Sendable func recordReuse(request: Request) async throws -> Response {
        let (record, author, own) = try await reuseTarget(request)
        let fields = try request.formFields()
        let input = ReuseReportInput(
            municipality: fields.first("municipality") ?? "", unit: fields.first("unit") ?? "",
            month: fields.first("month") ?? "", changes: fields.first("changes") ?? "")
        do {
            try await ProjectRepository(database: request.db).recordReuse(
                of: record.slug, input, by: author, register: try MunicipalityRegister.bundled())
        } catch ProjectError.invalid(let errors) {
            return try await HTMLPage(
                ReuseReportPage(request: request, record: record, input: input, ownMunicipality: own, errors: errors)
                    .render(), status: .unprocessableEntity
            ).encodeResponse(for: request)
        }
        return request.redirect(to: Paths.project(slug: record.slug) + "#gjenbruk", redirectType: .normal)
    }

    @Sendable func researchPartners(request: Request) async throws -> HTMLPage {
        let institutions = try await ProjectRepository(database: request.db).institutions()
        return InstitutionList(request: request, institutions: institutions).partnersPage()
    }

    @Sendable func exportCSV(request: Request) async throws -> Response {
        try await openDataCSV(request: request, forExcel: false)
    }

    /// The same rows as Norwegian Excel opens them (byte order mark, semicolons).
    @Sendable func exportExcelCSV(request: Request) async throws -> Response {
        try await openDataCSV(request: request, forExcel: true)
    }

    private func openDataCSV(request: Request, forExcel: Bool) async throws -> Response {
        let records = try await ProjectRepository(database: request.db).list(statuses: [.published])
        let attachments = try await ProjectAttachmentStore(database: request.db).list(projects: records)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(
            .attachment, filename: forExcel ? "fornye-prosjekter-excel.csv" : "fornye-prosjekter.csv")
        let csv = try ProjectExport.csv(records, attachments: attachments, forExcel: forExcel)
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }

    @Sendable func exportJSON(request: Request) async throws -> Response {
        let records = try await ProjectRepository(database: request.db).list(statuses: [.published])
        let attachments = try await ProjectAttachmentStore(database: request.db).list(projects: records)
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.contentDisposition = .init(.attachment, filename: "fornye-prosjekter.json")
        return Response(
            status: .ok, headers: headers, body: .init(data: try ProjectExport.json(records, attachments: attachments)))
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

extension Request {
    /// Search with its facet statement on another event loop's connection (SQLite pools one
    /// connection per event loop), so it runs beside the page.
    var projectSearch: ProjectSearch {
        ProjectSearch(
            database: db,
            beside: StorageSetup.databaseBeside(eventLoop, databases: application.databases, logger: logger))
    }
}
