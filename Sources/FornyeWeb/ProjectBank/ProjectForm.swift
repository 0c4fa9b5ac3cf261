import FornyeBarometer
import FornyeProjectBank
import FornyeStorage
import Foundation
import Vapor

/// The new/edit form's posted controls, read onto a ``ProjectDocument`` through the project bank's
/// field list (``ProjectField/all``, ``ProjectRowGroup``). Fields the form does not show
/// (imported source, indicators) are kept.
struct ProjectFormData {
    var fields: [String: [String]]

    init(_ request: Request) throws {
        var fields: [String: [String]] = [:]
        for (key, value) in try request.formFields().pairs { fields[key, default: []].append(value) }
        self.fields = fields
    }

    func text(_ key: String) -> String {
        (fields[key]?.first ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespaces)
    }
    /// The row numbers sent for fields named `prefix-N`, in order.
    func rowIndices(_ prefixes: [String]) -> [Int] {
        var indices = Set<Int>()
        for key in fields.keys {
            for prefix in prefixes where key.hasPrefix(prefix + "-") {
                if let index = Int(key.dropFirst(prefix.count + 1)), (0..<ProjectValidation.listLimit).contains(index) {
                    indices.insert(index)
                }
            }
        }
        return indices.sorted()
    }
    func int(_ key: String) -> Int? { Int(text(key)) }

    /// A control's value as the field's cell: a ticked checkbox sends `on`, several checkboxes
    /// of one name their values.
    func cell(_ field: ProjectField) -> String {
        switch field.kind {
        case .flag: text(field.name) == "on" ? "true" : "false"
        case .codes: (fields[field.name] ?? []).joined(separator: ";")
        case .text, .code, .lines: text(field.name)
        }
    }

    /// Applies the form to `base`; problems the form itself can see (an unknown role in a line)
    /// come back as field errors beside those of ``ProjectValidation``.
    func document(base: ProjectDocument) -> (ProjectDocument, [ProjectFieldError]) {
        var document = base
        var errors: [ProjectFieldError] = []
        for field in ProjectField.all where field.onForm {
            errors += field.read(cell(field), into: &document, .lenient)
        }
        // Numbered rows (contactName-0, contactName-1, …).
        for group in ProjectRowGroup.all {
            let rows = rowIndices(group.controls.map(\.name)).map { index in
                Dictionary(
                    uniqueKeysWithValues: group.controls.map { control in
                        let value = text("\(control.name)-\(index)")
                        return (control.name, control.isFlag ? (value == "on" ? "true" : "false") : value)
                    })
            }
            group.read(rows, into: &document)
        }
        return (document, errors)
    }
}

/// "Does this exist already?": the similar published projects the form shows, rendered the same
/// in the page and in the fragment the live panel fetches (`POST …/lignende`).
enum ProjectSimilarPanel {
    /// The fragment endpoint for the new-project form (`slug` nil) or a project's edit form.
    static func path(slug: String?) -> String {
        slug.map { Paths.projectSimilar(slug: $0) } ?? Paths.newProjectSimilar
    }

    static func section(_ similar: [ProjectRecord], language: Language) -> Node {
        el("section", ["class": "notice", "aria-labelledby": "lignende"]) {
            el("h2", ["id": "lignende"]) {
                language.pick(
                    "Finnes dette allerede? Lignende prosjekter", "Does this exist already? Similar projects")
            }
            el("ul", ["class": "project-list"]) {
                for other in similar { projectCard(other, language: language) }
            }
        }
    }

    /// What the live panel shows: the section, or a line saying nothing similar was found.
    static func fragment(_ similar: [ProjectRecord], language: Language) -> Node {
        if similar.isEmpty {
            el("p", ["class": "similar-none"]) {
                language.pick(
                    "Ingen publiserte prosjekter ligner på utkastet så langt.",
                    "No published project resembles the draft so far.")
            }
        } else {
            section(similar, language: language)
        }
    }

    /// The draft as the form reads it (``ProjectFormData/document(base:)``), with the texts
    /// `ProjectSearch.similar` reads cut to the length the form accepts (the live panel answers
    /// while the author is still over a limit; saving reports it).
    static func draft(_ data: ProjectFormData) -> ProjectDocument {
        var draft = data.document(base: ProjectDocument()).0
        draft.title = String(draft.title.prefix(ProjectValidation.titleLimit))
        draft.summary = String(draft.summary.prefix(ProjectValidation.summaryLimit))
        for text in [\ProjectDocument.problem, \.targetGroup, \.serviceArea, \.solution] {
            draft[keyPath: text] = String(draft[keyPath: text].prefix(ProjectValidation.textLimit))
        }
        draft.innovationTypes = Array(draft.innovationTypes.prefix(ProjectValidation.listLimit))
        return draft
    }
}

/// The long form, in sections, with the completeness indicator and similar projects shown
/// before submission (the "Vis lignende" button re-renders without saving).
struct ProjectFormPage {
    /// How complete the record is, with what is missing folded away until asked for.
    private func completeness(items: [ProjectCompleteness.Item], percent: Int) -> Node {
        let language = layout.language
        let missing = items.filter { !$0.done }
        return el("section", ["class": "completeness", "aria-labelledby": "fullstendighet"]) {
            el("h2", ["id": "fullstendighet"]) {
                language.pick("Fullstendighet: \(percent) %", "Completeness: \(percent)%")
            }
            el("progress", ["max": "100", "value": "\(percent)", "aria-labelledby": "fullstendighet"]) {
                "\(percent) %"
            }
            if !missing.isEmpty {
                el("details") {
                    el("summary") {
                        language.pick(
                            "Mangler \(missing.count) opplysninger som gjør prosjektet lettere å finne og gjenbruke",
                            "\(missing.count) facts missing that make the project easier to find and reuse")
                    }
                    el("ul") { for item in missing { el("li") { language.pick(item.nb, item.en) } } }
                }
            }
        }
    }

    var layout: PageLayout
    var document: ProjectDocument
    var slug: String?
    var errors: [ProjectFieldError]
    var similar: [ProjectRecord]
    var csrfToken: String
    /// Empty contact and link rows shown below the filled ones ("add another" adds one).
    var extraContactRows = 1
    var extraLinkRows = 1

    func render() -> String {
        let language = layout.language
        let document = document
        var layout = layout
        layout.scripts = [Paths.similarProjectsScript]
        let errorsByField = Dictionary(
            errors.map { (ProjectFormFields.formName($0.field), $0) }, uniquingKeysWith: { a, _ in a })
        func message(_ field: String) -> String? {
            errorsByField[field].map { language.pick($0.messageNB, $0.message) }
        }
        func label(_ name: String) -> String {
            ProjectField.controlLabel(name).map { language.pick($0.nb, $0.en) } ?? name
        }
        func textField(_ name: String, _ value: String, long: Bool = false, hint: String? = nil) -> Node {
            let id = "felt-\(name)"
            let error = message(name)
            let describedBy = [hint == nil ? nil : "\(id)-hint", error == nil ? nil : "\(id)-feil"].compactMap { $0 }
                .joined(separator: " ")
            return el("div", ["class": "field"]) {
                el("label", ["for": id]) { label(name) }
                if let hint { el("p", ["class": "field-hint", "id": "\(id)-hint"]) { hint } }
                if let error { el("p", ["class": "error-message", "id": "\(id)-feil"]) { error } }
                if long {
                    el(
                        "textarea",
                        attributes: [
                            ("id", id), ("name", name), ("rows", "5"),
                            ("aria-describedby", describedBy.isEmpty ? nil : describedBy),
                            ("aria-invalid", error == nil ? nil : "true"),
                        ]
                    ) { value }
                } else {
                    el(
                        "input",
                        attributes: [
                            ("type", "text"), ("id", id), ("name", name), ("value", value),
                            ("aria-describedby", describedBy.isEmpty ? nil : describedBy),
                            ("aria-invalid", error == nil ? nil : "true"),
                        ])
                }
            }
        }
        func select(_ name: String, _ options: [(String, String)], _ selected: String?) -> Node {
            let id = "felt-\(name)"
            let error = message(name)
            return el("div", ["class": "field"]) {
                el("label", ["for": id]) { label(name) }
                if let error { el("p", ["class": "error-message", "id": "\(id)-feil"]) { error } }
                el(
                    "select",
                    attributes: [("id", id), ("name", name), ("aria-describedby", error == nil ? nil : "\(id)-feil")]
                ) {
                    el("option", ["value": ""]) { ProjectLabels.unknown(language) }
                    for (value, label) in options {
                        el("option", attributes: [("value", value), ("selected", value == selected ? "" : nil)]) {
                            label
                        }
                    }
                }
            }
        }
        /// A yes/no box labelled from the field list, or one box of a group labelled by its code's text.
        func checkbox(_ name: String, _ checked: Bool, value: String = "on", text: String? = nil) -> Node {
            let id = value == "on" ? "felt-\(name)" : "felt-\(name)-\(value)"
            return el("div", ["class": "checkbox"]) {
                el(
                    "input",
                    attributes: [
                        ("type", "checkbox"), ("id", id), ("name", name), ("value", value),
                        ("checked", checked ? "" : nil),
                    ])
                el("label", ["for": id]) { text ?? label(name) }
            }
        }
        func codes(_ list: CodeList) -> [(String, String)] {
            list.entries.map { ("\($0.code)", language.pick($0.label, $0.labelEnglish)) }
        }
        func enumOptions<T: ProjectCode>(_ type: T.Type) -> [(String, String)] {
            T.allCases.map { ($0.rawValue, $0.label(language)) }
        }
        let levels = (0...3).map { level in (String(level), ProjectLabels.researchLevel(level, language)) }
        let items = ProjectCompleteness.items(of: document)
        let percent = ProjectCompleteness.percent(of: document)
        return layout.render {
            el("h1") {
                slug == nil
                    ? language.pick("Nytt prosjekt", "New project") : language.pick("Rediger prosjekt", "Edit project")
            }
            if !errors.isEmpty {
                el("div", ["class": "error-summary", "role": "alert"]) {
                    el("h2") { language.pick("Skjemaet har feil", "The form has errors") }
                    el("ul") {
                        for error in errors {
                            el("li") {
                                el("a", ["href": "#" + ProjectFormFields.anchor(error.field)]) {
                                    ProjectFormFields.label(error.field, language) + ": "
                                        + language.pick(error.messageNB, error.message)
                                }
                            }
                        }
                    }
                }
            }
            el(
                "form",
                [
                    "method": "post", "action": slug.map { Paths.project(slug: $0) } ?? Paths.projects,
                    "class": "project-form",
                ]
            ) {
                el("input", ["type": "hidden", "name": "_csrf", "value": csrfToken])
                el("fieldset") {
                    el("legend") { language.pick("1. Om prosjektet", "1. About the project") }
                    textField("title", document.title)
                    textField("summary", document.summary, long: true)
                    select("language", [("nb", "Bokmål"), ("nn", "Nynorsk"), ("en", "English")], document.language)
                    textField(
                        "ownerMunicipality", document.ownerMunicipality ?? "",
                        hint: language.pick("Fire sifre, f.eks. 4003 for Skien.", "Four digits, e.g. 4003 for Skien."))
                    textField("ownerName", document.ownerName)
                    select("stage", enumOptions(ProjectStage.self), document.stage.rawValue)
                    textField(
                        "startDate", document.startDate ?? "",
                        hint: "ÅÅÅÅ, ÅÅÅÅ-MM, ÅÅÅÅ-MM-DD")
                    textField("endDate", document.endDate ?? "")
                }
                // Right after the project is named and summed up, where the author is looking. Without
                // JavaScript it shows what the last preview found; with it, /assets/lignende.js
                // refills it from the fragment endpoint while the author writes.
                el(
                    "div",
                    [
                        "class": "similar-live",
                        "data-similar-url": ProjectSimilarPanel.path(slug: slug) + "?lang=\(language.rawValue)",
                    ]
                ) {
                    el("p", ["class": "similar-status", "id": "lignende-status", "hidden": ""]) {
                        language.pick("Søker etter lignende prosjekter …", "Looking for similar projects …")
                    }
                    el("div", ["id": "lignende-panel", "aria-live": "polite"]) {
                        if !similar.isEmpty { ProjectSimilarPanel.section(similar, language: language) }
                    }
                }
                // After the first section, not above the first field: an empty form is not met with
                // a low score and a long list before the author has typed anything (issue 20, item 15).
                completeness(items: items, percent: percent)
                el("fieldset") {
                    el("legend") { language.pick("2. Problem, løsning og nyhet", "2. Problem, solution and novelty") }
                    textField("problem", document.problem, long: true)
                    textField("targetGroup", document.targetGroup)
                    textField("solution", document.solution, long: true)
                    textField("novelty", document.novelty, long: true)
                    select(
                        "noveltyLevel", codes(ReportClassifications.novelty),
                        document.noveltyLevel.map { "\($0)" })
                    select(
                        "inspiration", codes(ReportClassifications.inspiration),
                        document.inspiration.map { "\($0)" })
                    el("fieldset") {
                        el("legend") { label("innovationTypes") }
                        for entry in ReportClassifications.innovationType.entries {
                            checkbox(
                                "innovationTypes", document.innovationTypes.contains(entry.code),
                                value: "\(entry.code)", text: language.pick(entry.label, entry.labelEnglish))
                        }
                    }
                    select(
                        "sector", codes(ReportClassifications.sector),
                        document.sector.map { "\($0)" })
                    select(
                        "unitType", codes(ReportClassifications.unitType),
                        document.unitType.map { "\($0)" })
                    textField("serviceArea", document.serviceArea)
                }
                el("fieldset") {
                    el("legend") {
                        language.pick(
                            "3. Samarbeid, forskning og organisering", "3. Partners, research and organisation")
                    }
                    textField(
                        "partners",
                        ProjectField.partners.cell(document), long: true,
                        hint: language.pick(
                            "Én per linje: rolle | navn. Roller: ", "One per line: role | name. Roles: ")
                            + PartnerRole.allCases.map(\.rawValue).joined(separator: ", "))
                    select(
                        "researchDegree", levels,
                        document.research.degree.map { "\($0)" })
                    select(
                        "researchQuality", levels,
                        document.research.projectQuality.map { "\($0)" })
                    select(
                        "researchContribution", levels,
                        document.research.knowledgeContribution.map { "\($0)" })
                    checkbox("seeksResearchPartner", document.seeksResearchPartner)
                    select("startMode", enumOptions(StartMode.self), document.startMode?.rawValue)
                    select("initiative", enumOptions(Initiative.self), document.initiative?.rawValue)
                    textField("organisation", document.organisation)
                }
                el("fieldset") {
                    el("legend") { language.pick("4. Finansiering og resultater", "4. Financing and results") }
                    textField(
                        "financing", ProjectField.financing.cell(document), long: true,
                        hint: language.pick(
                            "Én per linje: kilde | beløp | søknadsstatus | merknad. Kilder: ",
                            "One per line: source | amount | application status | note. Sources: ")
                            + FinancingSource.allCases.map(\.rawValue).joined(separator: ", ")
                            + language.pick("; søknadsstatus: ", "; application status: ")
                            + ApplicationStatus.allCases.map(\.rawValue).joined(separator: ", "))
                    textField(
                        "results", ProjectField.results.cell(document), long: true,
                        hint: language.pick(
                            "Én per linje: effekttype | beskrivelse. Effekttyper: ",
                            "One per line: impact | description. Impact types: ")
                            + ImpactType.allCases.map(\.rawValue).joined(separator: ", "))
                    checkbox("evaluated", document.evaluated)
                    select("evidenceLevel", enumOptions(EvidenceLevel.self), document.evidenceLevel?.rawValue)
                    textField("evaluationText", document.evaluationText, long: true)
                }
                el("fieldset") {
                    el("legend") { language.pick("5. Læring og gjenbruk", "5. Lessons and reuse") }
                    textField("challenges", document.challenges, long: true)
                    textField("lessons", document.lessons, long: true)
                    textField("reuseConditions", document.reuseConditions, long: true)
                    textField("basedOn", document.basedOn ?? "")
                    textField("licence", document.licence)
                }
                el("fieldset") {
                    el("legend") { language.pick("6. Kontakt og lenker", "6. Contact and links") }
                    el("p", ["class": "field-hint"]) {
                        language.pick(
                            "Kontaktpersoner vises offentlig (side, API og eksport) bare med samtykke til publisering.",
                            "Contacts are shown publicly (page, API and export) only with consent to publication.")
                    }
                    el("input", ["type": "hidden", "name": "extraContactRows", "value": "\(extraContactRows)"])
                    el("input", ["type": "hidden", "name": "extraLinkRows", "value": "\(extraLinkRows)"])
                    let contactRows = document.contacts.count + extraContactRows
                    for index in 0..<min(contactRows, ProjectValidation.listLimit) {
                        let contact = index < document.contacts.count ? document.contacts[index] : nil
                        el("fieldset", ["class": "row-group"]) {
                            el("legend") { language.pick("Kontaktperson \(index + 1)", "Contact \(index + 1)") }
                            textField("contactName-\(index)", contact?.name ?? "")
                            textField("contactEmail-\(index)", contact?.email ?? "")
                            textField("contactRole-\(index)", contact?.role ?? "")
                            checkbox("contactConsent-\(index)", contact?.publishConsent ?? false)
                        }
                    }
                    el("p") {
                        el("button", ["type": "submit", "name": "action", "value": "addContact", "class": "secondary"])
                        {
                            language.pick("Legg til en kontaktperson til", "Add another contact")
                        }
                    }
                    let linkRows = document.links.count + extraLinkRows
                    for index in 0..<min(linkRows, ProjectValidation.listLimit) {
                        let link = index < document.links.count ? document.links[index] : nil
                        el("fieldset", ["class": "row-group"]) {
                            el("legend") { language.pick("Lenke \(index + 1)", "Link \(index + 1)") }
                            textField("linkTitle-\(index)", link?.title ?? "")
                            textField(
                                "linkURL-\(index)", link?.url ?? "",
                                hint: language.pick(
                                    "Bare http- og https-adresser.", "Only http and https addresses."))
                        }
                    }
                    el("p") {
                        el("button", ["type": "submit", "name": "action", "value": "addLink", "class": "secondary"]) {
                            language.pick("Legg til en lenke til", "Add another link")
                        }
                    }
                }
                el("p", ["class": "form-actions"]) {
                    el("button", ["type": "submit", "name": "action", "value": "preview", "class": "secondary"]) {
                        language.pick(
                            "Vis lignende prosjekter og fullstendighet", "Show similar projects and completeness")
                    }
                    " "
                    el("button", ["type": "submit", "name": "action", "value": "save"]) {
                        language.pick("Lagre", "Save")
                    }
                }
            }
        }
    }
}

/// Where a validation error's field is in the form, and what it is called there, so the error
/// summary says "E-post (kontaktperson 2)" and links to that input rather than showing
/// "contacts[1].email".
enum ProjectFormFields {
    /// The form input's name for a ``ProjectFieldError`` field.
    static func formName(_ field: String) -> String {
        let parts = field.split(separator: ".").map(String.init)
        let head = parts.first ?? field
        let base = head.split(separator: "[").first.map(String.init) ?? head
        let index = head.split(separator: "[").dropFirst().first.flatMap { Int($0.dropLast()) }
        let leaf = parts.count > 1 ? parts[parts.count - 1] : ""
        switch base {
        case "contacts":
            let prefix = ["email": "contactEmail", "role": "contactRole"][leaf] ?? "contactName"
            return "\(prefix)-\(index ?? 0)"
        case "links": return "\(leaf == "title" ? "linkTitle" : "linkURL")-\(index ?? 0)"
        case "research":
            return ["degree": "researchDegree", "projectQuality": "researchQuality"][leaf] ?? "researchContribution"
        case "country": return "ownerName"
        case "innovationTypes": return "innovationTypes-1"
        default: return base
        }
    }

    static func anchor(_ field: String) -> String { "felt-" + formName(field) }

    /// The label of a top-level ``ProjectDocument`` field, as the version history names what changed.
    static func documentLabel(_ key: String, _ language: Language) -> String {
        ProjectField.documentLabel(key).map { language.pick($0.nb, $0.en) } ?? key
    }

    /// A version's stored `changedFields` ("financing,research", "*" for a new project, or
    /// "attachments: a.pdf | b.csv") in words.
    static func changedFieldsText(_ stored: String, _ language: Language) -> String {
        if stored == "*" { return language.pick("alle (ny)", "all (new)") }
        // File names may hold commas: an attachment version records that one entry only.
        if stored.hasPrefix("attachments: ") {
            return documentLabel("attachments", language) + ": " + stored.dropFirst("attachments: ".count)
        }
        return stored.split(separator: ",").map { documentLabel(String($0), language) }.joined(separator: ", ")
    }

    /// The field's label as the form shows it, with the row for contacts and links.
    static func label(_ field: String, _ language: Language) -> String {
        let name = formName(field)
        let parts = name.split(separator: "-")
        if name.hasPrefix("contact") || name.hasPrefix("link"), parts.count == 2, let row = Int(parts[1]),
            let label = ProjectField.controlLabel(String(parts[0]))
        {
            let group =
                name.hasPrefix("contact") ? language.pick("kontaktperson", "contact") : language.pick("lenke", "link")
            return language.pick(label.nb, label.en) + " (\(group) \(row + 1))"
        }
        return ProjectField.controlLabel(name).map { language.pick($0.nb, $0.en) } ?? field
    }
}
