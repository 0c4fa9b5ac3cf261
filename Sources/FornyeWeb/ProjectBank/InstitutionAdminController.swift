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

    struct FormData: Content {
        var name: String?
        var kind: String?
        var competence: String?
        var contact: String?
        var url: String?

        var input: ResearchInstitutionInput {
            func clean(_ value: String?) -> String { (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
            return ResearchInstitutionInput(
                name: clean(name), kind: clean(kind),
                competence: clean(competence).replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n")
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                contact: clean(contact), url: clean(url))
        }
    }

    @Sendable func list(request: Request) async throws -> HTMLPage {
        let institutions = try await ProjectRepository(database: request.db).institutions()
        let language = Language.of(request)
        return InstitutionList(request: request, institutions: institutions).page(
            title: language.pick("Forskningsinstitusjoner", "Research institutions"),
            intro: el("a", ["class": "button", "href": "/admin/institusjoner/ny"]) {
                language.pick("Ny institusjon", "New institution")
            },
            caption: language.pick(
                ProjectLabels.count(institutions.count, "institusjon", "institusjoner"),
                ProjectLabels.count(institutions.count, "institution", "institutions")),
            nameHeader: language.pick("Navn", "Name"),
            name: { institution in el("a", ["href": "/admin/institusjoner/\(institution.slug)"]) { institution.name } },
            showContact: true)
    }

    func kindLabel(_ kind: String, _ language: Language) -> String {
        InstitutionList.kindLabel(kind, language)
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
        else { throw Abort(.notFound, reason: "No such institution (institusjonen finnes ikke).") }
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
        let input =
            (try? request.content.decode(FormData.self))?.input
            ?? ResearchInstitutionInput(name: "", kind: "", competence: [], contact: "", url: "")
        do {
            let record = try await ResearchInstitutionStore(database: request.db).save(input, slug: slug)
            try await request.audit(
                .institutionSaved, target: record.slug, details: slug == nil ? "created" : "updated")
            return request.redirect(to: "/admin/institusjoner", redirectType: .normal)
        } catch ProjectError.invalid(let errors) {
            return try await form(request, input: input, slug: slug, errors: errors, status: .unprocessableEntity)
                .encodeResponse(for: request)
        }
    }

    func form(
        _ request: Request, input: ResearchInstitutionInput, slug: String?, errors: [ProjectFieldError],
        status: HTTPResponseStatus = .ok, synthetic: Bool = false
    ) -> HTMLPage {
        let language = Language.of(request)
        let title =
            slug == nil
            ? language.pick("Ny institusjon", "New institution")
            : language.pick("Rediger institusjon", "Edit institution")
        let layout = PageLayout(title: title, request: request, synthetic: synthetic)
        let labels: [String: (String, String)] = [
            "name": ("Navn", "Name"), "kind": ("Type", "Kind"),
            "competence": ("Kompetanseområder", "Competence areas"), "contact": ("Kontakt", "Contact"),
            "url": ("Nettside", "Website"),
        ]
        let errorByField = Dictionary(errors.map { ($0.field, language.pick($0.messageNB, $0.message)) }) { a, _ in a }
        func label(_ field: String) -> String { labels[field].map { language.pick($0.0, $0.1) } ?? field }
        func described(_ field: String, hint: Bool = false) -> String? {
            let ids = [hint ? "felt-\(field)-hint" : nil, errorByField[field] == nil ? nil : "felt-\(field)-feil"]
                .compactMap { $0 }
            return ids.isEmpty ? nil : ids.joined(separator: " ")
        }
        func errorNode(_ field: String) -> Node {
            guard let message = errorByField[field] else { return .empty }
            return el("p", ["class": "error-message", "id": "felt-\(field)-feil"]) { message }
        }
        return HTMLPage(
            layout.render {
                el("p") {
                    el("a", ["href": "/admin/institusjoner"]) {
                        language.pick("← Alle institusjoner", "← All institutions")
                    }
                }
                el("h1") { title }
                if !errors.isEmpty {
                    el("div", ["class": "error-summary", "role": "alert"]) {
                        el("h2") { language.pick("Skjemaet har feil", "The form has errors") }
                        el("ul") {
                            for error in errors {
                                el("li") {
                                    el("a", ["href": "#felt-\(error.field)"]) {
                                        label(error.field) + ": " + language.pick(error.messageNB, error.message)
                                    }
                                }
                            }
                        }
                    }
                }
                // The same layout as the project form: a framed fieldset, full-width text areas and
                // inputs up to 36rem.
                el(
                    "form",
                    [
                        "method": "post", "class": "project-form",
                        "action": slug.map { "/admin/institusjoner/\($0)" } ?? "/admin/institusjoner",
                    ]
                ) {
                    CSRF.field(request)
                    el("fieldset") {
                        el("legend") { language.pick("Institusjonen", "The institution") }
                        FormField(
                            name: "name", label: label("name"), value: input.name, error: errorByField["name"]
                        ).node
                        el("div", ["class": "field"]) {
                            el("label", ["for": "felt-kind"]) { label("kind") }
                            errorNode("kind")
                            el(
                                "select",
                                attributes: [
                                    ("id", "felt-kind"), ("name", "kind"), ("aria-describedby", described("kind")),
                                    ("aria-invalid", errorByField["kind"] == nil ? nil : "true"),
                                ]
                            ) {
                                el("option", ["value": ""]) { language.pick("Velg …", "Choose …") }
                                for kind in ResearchInstitutionInput.kinds {
                                    el(
                                        "option",
                                        attributes: [
                                            ("value", kind.nb), ("selected", kind.nb == input.kind ? "" : nil),
                                        ]
                                    ) {
                                        language.pick(kind.nb, kind.en)
                                    }
                                }
                            }
                        }
                        el("div", ["class": "field"]) {
                            el("label", ["for": "felt-competence"]) { label("competence") }
                            el("p", ["class": "field-hint", "id": "felt-competence-hint"]) {
                                language.pick(
                                    "Ett område per linje, f.eks. «velferdsteknologi». Brukes til å foreslå partnere for prosjekter.",
                                    "One area per line, e.g. «welfare technology». Used to suggest partners for projects."
                                )
                            }
                            errorNode("competence")
                            el(
                                "textarea",
                                attributes: [
                                    ("id", "felt-competence"), ("name", "competence"), ("rows", "6"),
                                    ("aria-describedby", described("competence", hint: true)),
                                    ("aria-invalid", errorByField["competence"] == nil ? nil : "true"),
                                ]
                            ) { input.competence.joined(separator: "\n") }
                        }
                        FormField(
                            name: "contact", label: label("contact"), value: input.contact,
                            hint: language.pick("Navn, e-post eller telefon.", "Name, e-mail or phone."),
                            error: errorByField["contact"], required: false
                        ).node
                        FormField(
                            name: "url", label: label("url"), type: "url", value: input.url,
                            hint: language.pick("https://…", "https://…"), error: errorByField["url"], required: false
                        ).node
                    }
                    el("p", ["class": "form-actions"]) {
                        el("button", ["type": "submit"]) { language.pick("Lagre", "Save") }
                    }
                }
            }, status: status)
    }
}

/// The list of research and education institutions, as admins manage it and as editors look
/// for a partner in it: one heading, one table, the kind in the page's language.
struct InstitutionList {
    var request: Request
    var institutions: [ResearchInstitutionRecord]

    static func kindLabel(_ kind: String, _ language: Language) -> String {
        ResearchInstitutionInput.kinds.first { $0.nb == kind }.map { language.pick($0.nb, $0.en) } ?? kind
    }

    func page(
        title: String, intro: Node, caption: String, nameHeader: String,
        name: (ResearchInstitutionRecord) -> Node, showContact: Bool
    ) -> HTMLPage {
        let language = Language.of(request)
        let layout = PageLayout(title: title, request: request, synthetic: institutions.contains { $0.synthetic })
        return HTMLPage(
            layout.render {
                el("h1") {
                    language.pick("Forsknings- og utdanningsinstitusjoner", "Research and education institutions")
                }
                el("p") { intro }
                el("table") {
                    el("caption") { caption }
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) { nameHeader }
                            el("th", ["scope": "col"]) { language.pick("Type", "Kind") }
                            el("th", ["scope": "col"]) { language.pick("Kompetanseområder", "Competence areas") }
                            if showContact { el("th", ["scope": "col"]) { language.pick("Kontakt", "Contact") } }
                        }
                    }
                    el("tbody") {
                        for institution in institutions {
                            el("tr") {
                                el("th", ["scope": "row"]) { name(institution) }
                                el("td") { Self.kindLabel(institution.kind, language) }
                                el("td") { institution.competenceAreas.joined(separator: ", ") }
                                if showContact { el("td") { institution.contact ?? "–" } }
                            }
                        }
                    }
                }
            })
    }
}
