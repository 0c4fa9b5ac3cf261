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
    /// The row numbers sent for fields named `prefix-N`, in order (at most ``ProjectValidation/listLimit``).
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

    /// The name of the checkbox that removes row N of a group (`partnersRemove-N`).
    static func removeControl(_ group: ProjectRowGroup) -> String { group.name + "Remove" }

    /// A group's posted rows in order, keyed by control name, without the rows ticked for removal
    /// and those with nothing typed or chosen: the rows the document gets, numbered as the form
    /// shows them again.
    func rows(_ group: ProjectRowGroup) -> [[String: String]] {
        rowIndices(group.controls.map(\.name)).compactMap { index -> [String: String]? in
            if text("\(Self.removeControl(group))-\(index)") == "on" { return nil }
            let row = Dictionary(
                uniqueKeysWithValues: group.controls.map { control in
                    let value = text("\(control.name)-\(index)")
                    return (control.name, control.isFlag ? (value == "on" ? "true" : "false") : value)
                })
            return group.isEmpty(row) ? nil : row
        }
    }

    /// A control's value as the field's cell: a ticked checkbox sends `on`, several checkboxes
    /// of one name their values.
    func cell(_ field: ProjectField) -> String {
        switch field.kind {
        case .flag: text(field.name) == "on" ? "true" : "false"
        case .codes: (fields[field.name] ?? []).joined(separator: ";")
        case .text, .code, .answer: text(field.name)
        }
    }

    /// Applies the form to `base`; problems the form itself can see (a row without its kind, an
    /// amount that is no number) come back as field errors beside those of ``ProjectValidation``.
    func document(base: ProjectDocument) -> (ProjectDocument, [ProjectFieldError]) {
        var document = base
        var errors: [ProjectFieldError] = []
        for field in ProjectField.all where field.onForm {
            errors += field.read(cell(field), into: &document, .lenient)
        }
        for group in ProjectRowGroup.all { errors += group.read(rows(group), into: &document) }
        return (document, errors)
    }

    /// The rows to show again after a post: what was typed, removed rows gone.
    var postedRows: [String: [[String: String]]] {
        Dictionary(uniqueKeysWithValues: ProjectRowGroup.all.map { ($0.name, rows($0)) })
    }

    /// The empty rows to show below the filled ones per group: as many as the form had, one more
    /// in the group whose «Legg til rad» was pressed (`action=addRow-partners`), bounded.
    var extraRows: [String: Int] {
        let action = text("action")
        return Dictionary(
            uniqueKeysWithValues: ProjectRowGroup.all.map { group in
                let shown = min(max(int("extraRows-\(group.name)") ?? 1, 0), ProjectValidation.listLimit)
                return (group.name, shown + (action == "addRow-\(group.name)" ? 1 : 0))
            })
    }

    /// Whether the post only asked for another empty row.
    var addsRow: Bool { text("action").hasPrefix("addRow-") }
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
                language.pick("\(percent) %", "\(percent)%")
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
    /// The rows to show per group (``ProjectRowGroup/name``) after a post, what was typed; nil
    /// shows the document's.
    var postedRows: [String: [[String: String]]]? = nil
    /// Empty rows shown below the filled ones per group («Legg til rad» adds one); one when absent.
    var extraRows: [String: Int] = [:]

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
        func select(_ name: String, _ options: [(String, String)], _ selected: String?, empty: String? = nil) -> Node {
            let id = "felt-\(name)"
            let error = message(name)
            return el("div", ["class": "field"]) {
                el("label", ["for": id]) { label(name) }
                if let error { el("p", ["class": "error-message", "id": "\(id)-feil"]) { error } }
                el(
                    "select",
                    attributes: [
                        ("id", id), ("name", name), ("aria-describedby", error == nil ? nil : "\(id)-feil"),
                        ("aria-invalid", error == nil ? nil : "true"),
                    ]
                ) {
                    el("option", ["value": ""]) { empty ?? ProjectLabels.unknown(language) }
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
        /// Ja, Nei or Vet ikke: a fact nobody gave stays unknown instead of a guessed «Nei» (item 14).
        func answer(_ name: String, _ value: Bool?) -> Node {
            let choices: [(String, String, Bool)] = [
                ("true", language.pick("Ja", "Yes"), value == true),
                ("false", language.pick("Nei", "No"), value == false),
                ("", language.pick("Vet ikke", "Don't know"), value == nil),
            ]
            return el("fieldset", ["class": "answer"]) {
                el("legend") { label(name) }
                if let error = message(name) { el("p", ["class": "error-message"]) { error } }
                for (index, (code, text, checked)) in choices.enumerated() {
                    let id = index == 0 ? "felt-\(name)" : "felt-\(name)-\(code.isEmpty ? "ukjent" : code)"
                    el("div", ["class": "radio"]) {
                        el(
                            "input",
                            attributes: [
                                ("type", "radio"), ("id", id), ("name", name), ("value", code),
                                ("checked", checked ? "" : nil),
                            ])
                        el("label", ["for": id]) { text }
                    }
                }
            }
        }
        /// A group's rows (filled ones, then empty ones), each with a box that removes it on the
        /// next post, and «Legg til rad», a submit button that brings the form back with one more.
        func rowGroup(_ group: ProjectRowGroup, hints: [String: String] = [:]) -> Node {
            let filled = postedRows?[group.name] ?? group.rows(of: document)
            let extra = extraRows[group.name] ?? 1
            let count = min(filled.count + extra, ProjectValidation.listLimit)
            let title = ProjectField.documentLabel(group.name).map { language.pick($0.nb, $0.en) } ?? group.name
            let noun = language.pick(group.noun.nb, group.noun.en)
            return el("fieldset", ["class": "row-list", "id": "rader-\(group.name)"]) {
                el("legend") { title }
                el("input", ["type": "hidden", "name": "extraRows-\(group.name)", "value": "\(extra)"])
                for index in 0..<count {
                    let row = index < filled.count ? filled[index] : [:]
                    el("fieldset", ["class": "row-group"]) {
                        el("legend") { "\(noun) \(index + 1)" }
                        for control in group.controls {
                            let name = "\(control.name)-\(index)"
                            let value = row[control.name] ?? ""
                            switch control.kind {
                            case .text: textField(name, value, hint: hints[control.name])
                            case .flag: checkbox(name, value == "true")
                            case .choice(let options):
                                select(
                                    name, options.map { ($0.code, language.pick($0.labels.nb, $0.labels.en)) }, value,
                                    empty: language.pick("Velg …", "Choose …"))
                            }
                        }
                        if index < filled.count {
                            checkbox(
                                "\(ProjectFormData.removeControl(group))-\(index)", false,
                                text: language.pick(
                                    "Fjern raden når skjemaet sendes", "Remove the row when the form is sent"))
                        }
                    }
                }
                if count < ProjectValidation.listLimit {
                    el("p") {
                        el(
                            "button",
                            [
                                "type": "submit", "name": "action", "value": "addRow-\(group.name)",
                                "class": "secondary",
                                // Back at the new row, which is what the editor asked for.
                                "formaction": (slug.map { Paths.project(slug: $0) } ?? Paths.projects)
                                    + "#felt-\(group.controls[0].name)-\(count)",
                            ]
                        ) { language.pick("Legg til rad (\(noun.lowercased()))", "Add a row (\(noun.lowercased()))") }
                    }
                } else {
                    el("p", ["class": "field-hint"]) {
                        language.pick(
                            "Høyst \(ProjectValidation.listLimit) rader.",
                            "At most \(ProjectValidation.listLimit) rows.")
                    }
                }
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
                    select(
                        "language",
                        [
                            ("nb", language.pick("Bokmål", "Norwegian Bokmål")),
                            ("nn", language.pick("Nynorsk", "Norwegian Nynorsk")),
                            ("en", language.pick("Engelsk", "English")),
                        ], document.language)
                    textField(
                        "ownerMunicipality", document.ownerMunicipality ?? "",
                        hint: language.pick("Fire sifre, f.eks. 4003 for Skien.", "Four digits, e.g. 4003 for Skien."))
                    textField("ownerName", document.ownerName)
                    select("stage", enumOptions(ProjectStage.self), document.stage.rawValue)
                    textField(
                        "startDate", document.startDate ?? "",
                        hint: language.pick("ÅÅÅÅ, ÅÅÅÅ-MM, ÅÅÅÅ-MM-DD", "YYYY, YYYY-MM, YYYY-MM-DD"))
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
                    rowGroup(.partners)
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
                    rowGroup(
                        .financing,
                        hints: [
                            "financingAmount": language.pick(
                                "I hele kroner, f.eks. 250 000.", "In whole kroner without separators, e.g. 250000.")
                        ])
                    rowGroup(.results)
                    answer("evaluated", document.evaluated)
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
                    rowGroup(.contacts)
                    rowGroup(
                        .links,
                        hints: [
                            "linkURL": language.pick("Bare http- og https-adresser.", "Only http and https addresses.")
                        ])
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
    /// The form input's name for a ``ProjectFieldError`` field: a row's control and number
    /// (`financing[2].amount` → `financingAmount-2`), or the field's own control.
    static func formName(_ field: String) -> String {
        for group in ProjectRowGroup.all {
            if let (control, row) = group.control(for: field) { return "\(control.name)-\(row)" }
            if field == group.name { return "\(group.controls[0].name)-0" }
        }
        let parts = field.split(separator: ".").map(String.init)
        let head = parts.first ?? field
        let base = head.split(separator: "[").first.map(String.init) ?? head
        let leaf = parts.count > 1 ? parts[parts.count - 1] : ""
        switch base {
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

    /// The field's label as the form shows it, with the row for rows («Beløp (kroner) (finansiering 2)»).
    static func label(_ field: String, _ language: Language) -> String {
        let name = formName(field)
        let parts = name.split(separator: "-")
        if parts.count == 2, let row = Int(parts[1]), let group = ProjectRowGroup.owning(String(parts[0])),
            let label = ProjectField.controlLabel(String(parts[0]))
        {
            return language.pick(label.nb, label.en)
                + " (\(language.pick(group.noun.nb, group.noun.en).lowercased()) \(row + 1))"
        }
        return ProjectField.controlLabel(name).map { language.pick($0.nb, $0.en) } ?? field
    }
}
