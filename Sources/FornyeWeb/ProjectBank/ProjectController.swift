import Fluent
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
        projects.get("eksport.json", use: exportJSON)
        projects.get(":slug", use: show)
        authors.get(":slug", "rediger", use: editForm)
        authors.post(":slug", use: update)
        authors.post(":slug", "status", use: transition)
        projects.get(":slug", "historikk", use: history)
        routes.get("forskningspartnere", use: researchPartners)
    }

    @Sendable func search(request: Request) async throws -> HTMLPage {
        let parameters = ProjectQueryParameters(request)
        let result = try await ProjectSearch(database: request.db).search(parameters.query)
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
                path: "/prosjekter"),
            own: own, toReview: toReview, canCreate: request.projectActor != nil)
        return HTMLPage(page.render())
    }

    func visible(_ request: Request) async throws -> ProjectRecord {
        guard let slug = request.parameters.get("slug"),
            let record = try await ProjectRepository(database: request.db).find(slug: slug), request.maySee(record)
        else { throw Abort(.notFound, reason: "No such project (prosjektet finnes ikke).") }
        return record
    }

    @Sendable func show(request: Request) async throws -> HTMLPage {
        let record = try await visible(request)
        let document = try record.document()
        let repository = ProjectRepository(database: request.db)
        let basedOn = try await document.basedOn.asyncMap { try await repository.find(slug: $0) } ?? nil
        let reusedBy = try await ProjectRecord.query(on: request.db).filter(\.$basedOn == record.slug)
            .filter(\.$status == .published).all()
        let similar = try await ProjectSearch(database: request.db).similar(to: document, excluding: record.slug)
        let institutions =
            document.seeksResearchPartner ? try await repository.suggestedInstitutions(for: document) : []
        let actor = request.projectActor
        let page = ProjectPage(
            layout: PageLayout(title: record.title, request: request), record: record, document: document,
            basedOn: basedOn.flatMap { $0.status == .published ? $0 : nil }, reusedBy: reusedBy, similar: similar,
            institutions: institutions,
            transitions: actor.map {
                ProjectWorkflow.targets(for: $0, from: record.status, owner: record.ownerMunicipality)
            } ?? [],
            mayEdit: actor.map { ProjectWorkflow.mayEdit($0, status: record.status, owner: record.ownerMunicipality) }
                ?? false,
            showAllContacts: actor != nil && request.maySee(record) && record.status != .published || actor == .admin,
            csrfToken: request.csrfToken)
        return HTMLPage(page.render())
    }

    func requireAuthor(_ request: Request) throws -> ProjectAuthor {
        guard let author = request.projectAuthor else {
            throw Abort(
                request.principal == nil ? .unauthorized : .forbidden,
                reason:
                    "Only municipality editors and admins write projects (kun kommuneredaktører og administratorer).")
        }
        return author
    }

    @Sendable func newForm(request: Request) async throws -> Response {
        guard request.principal != nil else {
            return request.redirect(to: "/logg-inn?neste=/prosjekter/ny")
        }
        let author = try requireAuthor(request)
        var document = ProjectDocument()
        if case .editor(let municipality) = author.actor { document.ownerMunicipality = municipality }
        return try await form(request, document: document, slug: nil, errors: [], similar: []).encodeResponse(
            for: request)
    }

    func form(
        _ request: Request, document: ProjectDocument, slug: String?, errors: [ProjectFieldError],
        similar: [ProjectRecord], status: HTTPResponseStatus = .ok
    ) -> HTMLPage {
        let language = Language.of(request)
        let page = ProjectFormPage(
            layout: PageLayout(
                title: slug == nil
                    ? language.pick("Nytt prosjekt", "New project") : language.pick("Rediger prosjekt", "Edit project"),
                request: request),
            document: document, slug: slug, errors: errors, similar: similar, csrfToken: request.csrfToken)
        return HTMLPage(page.render(), status: status)
    }

    /// Saves, or with `action=preview` shows completeness and similar projects without saving.
    func save(_ request: Request, existing: ProjectRecord?) async throws -> Response {
        let author = try requireAuthor(request)
        let data = try ProjectFormData(request)
        let base = try existing?.document() ?? ProjectDocument()
        let (document, formErrors) = data.document(base: base)
        let errors = formErrors + ProjectValidation.errors(of: document)
        let similar = try await ProjectSearch(database: request.db).similar(to: document, excluding: existing?.slug)
        if data.text("action") == "preview" || !errors.isEmpty {
            return try await form(
                request, document: document, slug: existing?.slug, errors: errors, similar: similar,
                status: errors.isEmpty ? .ok : .unprocessableEntity
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
            return request.redirect(to: "/prosjekter/\(record.slug)", redirectType: .normal)
        } catch let error as ProjectError {
            switch error {
            case .forbidden(let why): throw Abort(.forbidden, reason: why)
            case .invalid(let errors):
                return try await form(
                    request, document: document, slug: existing?.slug, errors: errors, similar: similar,
                    status: .unprocessableEntity
                )
                .encodeResponse(for: request)
            default: throw Abort(.badRequest, reason: error.description)
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
            throw Abort(.forbidden, reason: "You may not edit this project now (du kan ikke redigere prosjektet nå).")
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
            throw Abort(.forbidden, reason: "You may not edit this project now (du kan ikke redigere prosjektet nå).")
        }
        return try await save(request, existing: record)
    }

    @Sendable func transition(request: Request) async throws -> Response {
        let record = try await visible(request)
        let author = try requireAuthor(request)
        let data = try ProjectFormData(request)
        guard let target = ProjectStatus(rawValue: data.text("status")) else {
            throw Abort(.badRequest, reason: "Unknown status (ukjent status).")
        }
        do {
            try await ProjectRepository(database: request.db).transition(slug: record.slug, to: target, by: author)
            try await request.audit(
                .projectStatusChanged, target: record.slug, details: "\(record.status.rawValue) → \(target.rawValue)")
        } catch let error as ProjectError {
            switch error {
            case .forbidden(let why): throw Abort(.forbidden, reason: why)
            default: throw Abort(.conflict, reason: error.description)
            }
        }
        return request.redirect(to: "/prosjekter/\(record.slug)", redirectType: .normal)
    }

    @Sendable func history(request: Request) async throws -> HTMLPage {
        let record = try await visible(request)
        let versions = try await ProjectRepository(database: request.db).versions(of: record)
        let language = Language.of(request)
        let formatter = ISO8601DateFormatter()
        let layout = PageLayout(title: language.pick("Versjonshistorikk", "Version history"), request: request)
        return HTMLPage(
            layout.render {
                el("p") { el("a", ["href": "/prosjekter/\(record.slug)"]) { "← " + record.title } }
                el("h1") { language.pick("Versjonshistorikk", "Version history") }
                el("table") {
                    el("caption") { language.pick("Hvem endret hva: ", "Who changed what: ") + record.title }
                    el("thead") {
                        el("tr") {
                            for (nb, en) in [
                                ("Versjon", "Version"), ("Tidspunkt", "Time"), ("Av", "By"), ("Handling", "Action"),
                                ("Endrede felt", "Changed fields"), ("Status", "Status"),
                            ] {
                                el("th", ["scope": "col"]) { language.pick(nb, en) }
                            }
                        }
                    }
                    el("tbody") {
                        for version in versions {
                            el("tr") {
                                el("th", ["scope": "row", "class": "num"]) { "\(version.version)" }
                                el("td") { formatter.string(from: version.createdAt) }
                                el("td") { version.author }
                                el("td") { version.action }
                                el("td") {
                                    version.changedFields == "*"
                                        ? language.pick("alle (ny)", "all (new)")
                                        : version.changedFields.replacingOccurrences(of: ",", with: ", ")
                                }
                                el("td") { version.status.label(language) }
                            }
                        }
                    }
                }
            })
    }

    /// Which municipalities built on which project, county by county, as a table (the
    /// accessible form of a map).
    @Sendable func reuseMap(request: Request) async throws -> HTMLPage {
        let reusing = try await ProjectRecord.query(on: request.db).filter(\.$basedOn != nil).filter(
            \.$status == .published
        ).all()
        let originals = try await ProjectRecord.query(on: request.db).filter(
            \.$slug ~~ Array(Set(reusing.compactMap(\.basedOn)))
        )
        .filter(\.$status == .published).all()
        let bySlug = Dictionary(originals.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = reusing.compactMap { record in bySlug[record.basedOn ?? ""].map { (record, $0) } }
            .sorted { ($0.0.countyNumber ?? "99", $0.0.ownerName) < ($1.0.countyNumber ?? "99", $1.0.ownerName) }
        let language = Language.of(request)
        let byCounty = Dictionary(grouping: rows) { $0.0.countyNumber ?? "" }
        let layout = PageLayout(title: language.pick("Gjenbrukskart", "Reuse map"), request: request)
        return HTMLPage(
            layout.render {
                el("h1") { language.pick("Gjenbruk av prosjekter", "Reuse of projects") }
                el("p") {
                    language.pick(
                        "Hvilke kommuner som har bygget på hvilke prosjekter, fylke for fylke.",
                        "Which municipalities built on which projects, county by county.")
                }
                if rows.isEmpty {
                    el("p") { language.pick("Ingen registrerte gjenbruk ennå.", "No recorded reuse yet.") }
                } else {
                    el("table") {
                        el("caption") { language.pick("Gjenbruk per fylke", "Reuse by county") }
                        el("thead") {
                            el("tr") {
                                el("th", ["scope": "col"]) { language.pick("Fylke", "County") }
                                el("th", ["scope": "col", "class": "num"]) {
                                    language.pick("Antall gjenbruk", "Reuses")
                                }
                            }
                        }
                        el("tbody") {
                            for county in byCounty.keys.sorted() {
                                el("tr") {
                                    el("th", ["scope": "row"]) {
                                        ProjectLabels.countyNames[county] ?? ProjectLabels.unknown(language)
                                    }
                                    el("td", ["class": "num"]) { "\(byCounty[county]!.count)" }
                                }
                            }
                        }
                    }
                    el("table") {
                        el("caption") { language.pick("Hvem bygget på hva", "Who built on what") }
                        el("thead") {
                            el("tr") {
                                for (nb, en) in [
                                    ("Fylke", "County"), ("Kommune/eier", "Municipality/owner"),
                                    ("Prosjekt", "Project"), ("Bygger på", "Builds on"),
                                    ("Opprinnelig eier", "Original owner"),
                                ] {
                                    el("th", ["scope": "col"]) { language.pick(nb, en) }
                                }
                            }
                        }
                        el("tbody") {
                            for (record, original) in rows {
                                el("tr") {
                                    el("td") {
                                        record.countyNumber.flatMap { ProjectLabels.countyNames[$0] }
                                            ?? ProjectLabels.unknown(language)
                                    }
                                    el("th", ["scope": "row"]) { record.ownerName }
                                    el("td") { el("a", ["href": "/prosjekter/\(record.slug)"]) { record.title } }
                                    el("td") { el("a", ["href": "/prosjekter/\(original.slug)"]) { original.title } }
                                    el("td") { original.ownerName }
                                }
                            }
                        }
                    }
                }
            })
    }

    @Sendable func researchPartners(request: Request) async throws -> HTMLPage {
        let institutions = try await ProjectRepository(database: request.db).institutions()
        let language = Language.of(request)
        let layout = PageLayout(
            title: language.pick("Forskningspartnere", "Research partners"), request: request,
            synthetic: institutions.contains { $0.synthetic })
        return HTMLPage(
            layout.render {
                el("h1") {
                    language.pick("Forsknings- og utdanningsinstitusjoner", "Research and education institutions")
                }
                el("p") {
                    language.pick(
                        "Prosjekter som søker forskningspartner får forslag fra denne listen etter kompetanseområde.",
                        "Projects seeking a research partner get suggestions from this list by competence area.")
                }
                el("table") {
                    el("caption") {
                        language.pick("Institusjoner og kompetanseområder", "Institutions and competence areas")
                    }
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) { language.pick("Institusjon", "Institution") }
                            el("th", ["scope": "col"]) { language.pick("Type", "Kind") }
                            el("th", ["scope": "col"]) { language.pick("Kompetanseområder", "Competence areas") }
                        }
                    }
                    el("tbody") {
                        for institution in institutions {
                            el("tr") {
                                el("th", ["scope": "row"]) { institution.name }
                                el("td") { institution.kind }
                                el("td") { institution.competenceAreas.joined(separator: ", ") }
                            }
                        }
                    }
                }
            })
    }

    @Sendable func exportCSV(request: Request) async throws -> Response {
        let records = try await ProjectRepository(database: request.db).list(statuses: [.published])
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "fornye-prosjekter.csv")
        return Response(status: .ok, headers: headers, body: .init(string: try ProjectExport.csv(records)))
    }

    @Sendable func exportJSON(request: Request) async throws -> Response {
        let records = try await ProjectRepository(database: request.db).list(statuses: [.published])
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.contentDisposition = .init(.attachment, filename: "fornye-prosjekter.json")
        return Response(status: .ok, headers: headers, body: .init(data: try ProjectExport.json(records)))
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
