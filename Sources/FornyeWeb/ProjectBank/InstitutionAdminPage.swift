import FornyeProjectBank
import FornyeStorage
import Vapor

/// `/admin/institusjoner/ny` and `/admin/institusjoner/<slug>`: the form that creates or edits a
/// research or education institution, with the errors of a refused save.
struct InstitutionAdminPage {
    var request: Request
    var input: ResearchInstitutionInput
    var slug: String?
    var errors: [ProjectFieldError]
    var synthetic = false

    func render() -> String {
        let input = input
        let slug = slug
        let errors = errors
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
        return layout.render {
            el("p") {
                el("a", ["href": Paths.institutions]) {
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
                    "action": slug.map { Paths.institution(slug: $0) } ?? Paths.institutions,
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
        }
    }
}
