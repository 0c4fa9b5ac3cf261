import FornyeBarometer
import FornyeProjectBank
import FornyeStorage
import Vapor

/// `/prosjekter/<slug>/vi-har-gjenbrukt`: «Vi har gjenbrukt dette», the few fields a municipal
/// editor fills in to record that their municipality reused a published project (issue 20, item
/// 13), with the errors of a refused save. Editors record for their own municipality only, so
/// they see it named; admins type the kommunenummer.
struct ReuseReportPage {
    var request: Request
    var record: ProjectRecord
    var input: ReuseReportInput
    /// The editor's own municipality (fixed), or nil for an admin.
    var ownMunicipality: Municipality?
    var errors: [ProjectFieldError]

    static let labels: [String: (String, String)] = [
        "municipality": ("Kommune", "Municipality"), "unit": ("Enhet eller tjeneste", "Unit or service"),
        "month": ("Når (måned)", "When (month)"), "changes": ("Hva dere endret", "What you changed"),
    ]

    func render() -> String {
        let input = input
        let errors = errors
        let record = record
        let own = ownMunicipality
        let language = Language.of(request)
        let title = language.pick("Vi har gjenbrukt dette", "We reused this")
        let layout = PageLayout(title: title + ": " + record.title, request: request, synthetic: record.synthetic)
        let errorByField = Dictionary(errors.map { ($0.field, language.pick($0.messageNB, $0.message)) }) { a, _ in a }
        func label(_ field: String) -> String { Self.labels[field].map { language.pick($0.0, $0.1) } ?? field }
        return layout.render {
            el("p") { el("a", ["href": Paths.project(slug: record.slug)]) { "← " + record.title } }
            el("h1") { title }
            el("p") {
                language.pick(
                    "Registrer at kommunen har tatt i bruk «\(record.title)» (\(record.ownerName)), uten å lage et eget prosjekt. Gjenbruken vises på prosjektsiden, i gjenbruksoversikten og i kommuneprofilene.",
                    "Record that your municipality took up “\(record.title)” (\(record.ownerName)) without creating a project of its own. The reuse is shown on the project page, in the reuse overview and in the municipality profiles."
                )
            }
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
            el("form", ["method": "post", "class": "project-form", "action": Paths.projectReused(slug: record.slug)]) {
                CSRF.field(request)
                el("fieldset") {
                    el("legend") { language.pick("Gjenbruken", "The reuse") }
                    if let own {
                        el("div", ["class": "field"]) {
                            el("p", ["id": "felt-municipality"]) {
                                el("strong") { label("municipality") + ": " }
                                own.name + " (" + own.number + ")"
                            }
                            if let message = errorByField["municipality"] {
                                el("p", ["class": "error-message"]) { message }
                            }
                            el("input", ["type": "hidden", "name": "municipality", "value": own.number])
                        }
                    } else {
                        FormField(
                            name: "municipality", label: label("municipality"), value: input.municipality,
                            hint: language.pick(
                                "Kommunenummer, fire sifre (f.eks. 3301).",
                                "Municipality number, four digits (e.g. 3301)."),
                            error: errorByField["municipality"]
                        ).node
                    }
                    FormField(
                        name: "unit", label: label("unit"), value: input.unit,
                        hint: language.pick(
                            "Valgfritt, høyst \(ReuseReportInput.unitLimit) tegn, f.eks. «Hjemmetjenesten».",
                            "Optional, at most \(ReuseReportInput.unitLimit) characters, e.g. “Home care”."),
                        error: errorByField["unit"], required: false
                    ).node
                    FormField(
                        name: "month", label: label("month"), type: HTMLMonth.inputType(for: input.month),
                        value: input.month,
                        hint: language.pick(
                            "Måneden dere begynte å bruke det, som ÅÅÅÅ-MM (f.eks. 2025-03).",
                            "The month you started using it, as YYYY-MM (e.g. 2025-03)."),
                        error: errorByField["month"]
                    ).node
                    el("div", ["class": "field"]) {
                        el("label", ["for": "felt-changes"]) { label("changes") }
                        el("p", ["class": "field-hint", "id": "felt-changes-hint"]) {
                            language.pick(
                                "Valgfritt, høyst \(ReuseReportInput.changesLimit) tegn: hva dere tilpasset, la til eller lot være.",
                                "Optional, at most \(ReuseReportInput.changesLimit) characters: what you adapted, added or left out."
                            )
                        }
                        if let message = errorByField["changes"] {
                            el("p", ["class": "error-message", "id": "felt-changes-feil"]) { message }
                        }
                        el(
                            "textarea",
                            attributes: [
                                ("id", "felt-changes"), ("name", "changes"), ("rows", "5"),
                                (
                                    "aria-describedby",
                                    errorByField["changes"] == nil
                                        ? "felt-changes-hint" : "felt-changes-hint felt-changes-feil"
                                ),
                                ("aria-invalid", errorByField["changes"] == nil ? nil : "true"),
                            ]
                        ) { input.changes }
                    }
                }
                el("p", ["class": "form-actions"]) {
                    el("button", ["type": "submit"]) { language.pick("Registrer gjenbruken", "Record the reuse") }
                }
            }
        }
    }
}
