import FornyeBarometer
import FornyeProjectBank
import FornyeReport
import FornyeStorage
import Foundation

/// One project, every field, with what is unknown said so; workflow buttons for those who may
/// use them; similar projects; suggested research partners when it seeks one.
struct ProjectPage {
    var layout: PageLayout
    var record: ProjectRecord
    var document: ProjectDocument
    var basedOn: ProjectRecord?
    var reusedBy: [ProjectRecord]
    /// «Vi har gjenbrukt dette» reports of this project.
    var reuseReports: [ProjectReuseReportRecord] = []
    /// Whether the viewer may record a reuse (a signed-in editor of another municipality, or an admin).
    var mayRecordReuse = false
    var similar: [ProjectRecord]
    var institutions: [ResearchInstitutionRecord]
    var transitions: [ProjectStatus]
    var mayEdit: Bool
    /// Editors and admins see contacts without publication consent.
    var showAllContacts: Bool
    /// When each contact was last confirmed, by ``ContactConfirmations/key(_:)``.
    var contactsConfirmedAt: [String: Date] = [:]
    /// Whether the viewer may confirm the contacts in one step (the owner's editors, admins).
    var mayConfirmContacts = false
    var csrfToken: String
    var attachments: [ProjectAttachmentRecord] = []

    func render() -> String {
        let language = layout.language
        let document = document
        var layout = layout
        layout.synthetic = record.synthetic
        func unknown() -> Node { el("span", ["class": "unknown"]) { ProjectLabels.unknown(language) } }
        func text(_ value: String) -> Node {
            if value.isEmpty { return unknown() }
            return .fragment(value.split(separator: "\n").map { line in el("p") { String(line) } })
        }
        func row(_ nb: String, _ en: String, _ value: Node) -> Node {
            .fragment([el("dt") { language.pick(nb, en) }, el("dd") { value }])
        }
        func plain(_ value: String?) -> Node { (value ?? "").isEmpty ? unknown() : .text(value!) }
        return layout.render {
            el("p") { el("a", ["href": Paths.projects]) { language.pick("← Prosjektbanken", "← Project bank") } }
            el("h1") { document.title }
            el("p", ["class": "project-meta"]) {
                record.status.label(language) + " · " + language.pick("Versjon ", "Version ") + "\(record.version) · "
                el("a", ["href": Paths.projectHistory(slug: record.slug)]) {
                    language.pick("Versjonshistorikk", "Version history")
                }
                if mayEdit {
                    " · "
                    el("a", ["href": Paths.projectEdit(slug: record.slug)]) { language.pick("Rediger", "Edit") }
                }
            }
            if let source = document.source {
                el("p", ["class": "notice"]) {
                    language.pick("Kilde: ", "Source: ") + source.name + " (" + source.identifier + "). "
                        + language.pick("Lisens: ", "Licence: ") + source.licence
                    if let url = source.url, url.hasPrefix("http") {
                        " · "
                        el("a", ["href": url]) { language.pick("Opprinnelig kilde", "Original source") }
                    }
                }
            }
            if !transitions.isEmpty {
                el("div", ["class": "workflow"]) {
                    el("h2") { language.pick("Arbeidsflyt", "Workflow") }
                    for target in transitions {
                        el(
                            "form",
                            [
                                "method": "post", "action": Paths.projectStatus(slug: record.slug),
                                "class": "inline-form",
                            ]
                        ) {
                            el("input", ["type": "hidden", "name": "_csrf", "value": csrfToken])
                            el("input", ["type": "hidden", "name": "status", "value": target.rawValue])
                            el("button", ["type": "submit"]) { actionLabel(target, language) }
                        }
                    }
                }
            }
            el("p", ["class": "lead"]) { document.summary }
            el("h2") { language.pick("Om prosjektet", "About the project") }
            el("dl", ["class": "project-facts"]) {
                row("Eier", "Owner", plain(record.ownerName))
                row("Fylke", "County", plain(record.countyNumber.flatMap { ProjectLabels.countyNames[$0] }))
                row(
                    "Sentralitet", "Centrality",
                    plain(record.centrality.map { ProjectLabels.facetValue("centrality", "\($0)", language) }))
                row("Fase", "Stage", .text(document.stage.label(language)))
                row(
                    "Innovasjonstype", "Innovation type",
                    plain(
                        document.innovationTypes.map { ProjectLabels.facetValue("type", "\($0)", language) }.joined(
                            separator: ", ")))
                row(
                    "Sektor", "Sector",
                    plain(document.sector.map { ProjectLabels.facetValue("sector", "\($0)", language) }))
                row(
                    "Enhetstype", "Unit type",
                    plain(
                        document.unitType.flatMap { ReportClassifications.unitType.entry(code: $0) }.map {
                            language.pick($0.label, $0.labelEnglish)
                        }))
                row("Tjenesteområde", "Service area", plain(document.serviceArea))
                row("Start", "Start", plain(document.startDate))
                row("Slutt", "End", plain(document.endDate))
                row("Oppstart", "How it started", plain(document.startMode?.label(language)))
                row("Initiativ", "Initiative", plain(document.initiative?.label(language)))
                row("Organisering", "Organisation", plain(document.organisation))
                row("Lisens", "Licence", plain(document.licence))
            }
            el("h2") { language.pick("Problem og løsning", "Problem and solution") }
            el("h3") { language.pick("Problem/behov", "Problem or need") }
            text(document.problem)
            el("h3") { language.pick("Målgruppe", "Target group") }
            text(document.targetGroup)
            el("h3") { language.pick("Løsning", "Solution") }
            text(document.solution)
            el("h3") { language.pick("Hva er nytt, og sammenlignet med hva", "What is new, compared with what") }
            text(document.novelty)
            el("h2") { language.pick("Samarbeid og forskning", "Partners and research") }
            if document.partners.isEmpty {
                el("p") { unknown() }
            } else {
                el("ul") {
                    for partner in document.partners {
                        el("li") { partner.name + " – " + partner.role.label(language) }
                    }
                }
            }
            el("dl", ["class": "project-facts"]) {
                row(
                    "Forskningsgrad", "Degree of research involvement",
                    .text(ProjectLabels.researchLevel(document.research.degree, language)))
                row(
                    "Prosjektkvalitet", "Research-based method",
                    .text(ProjectLabels.researchLevel(document.research.projectQuality, language)))
                row(
                    "Kunnskapsbidrag", "New knowledge produced",
                    .text(ProjectLabels.researchLevel(document.research.knowledgeContribution, language)))
            }
            if document.seeksResearchPartner {
                el("p") {
                    el("strong") {
                        language.pick("Prosjektet søker en forskningspartner.", "The project seeks a research partner.")
                    }
                }
                if !institutions.isEmpty {
                    el("p") { language.pick("Forslag:", "Suggestions:") }
                    el("ul") {
                        for institution in institutions {
                            el("li") { institution.name + " – " + institution.competenceAreas.joined(separator: ", ") }
                        }
                    }
                }
            }
            el("h2") { language.pick("Finansiering", "Financing") }
            if document.financing.isEmpty {
                el("p") { unknown() }
            } else {
                scrollingTable(label: language.pick("Finansieringskilder", "Financing sources")) {
                    el("table") {
                        el("caption") { language.pick("Finansieringskilder", "Financing sources") }
                        el("thead") {
                            el("tr") {
                                el("th", ["scope": "col"]) { language.pick("Kilde", "Source") }
                                el("th", ["scope": "col", "class": "num"]) {
                                    language.pick("Beløp", "Amount")
                                }
                                el("th", ["scope": "col"]) { language.pick("Søknad", "Application") }
                                el("th", ["scope": "col"]) { language.pick("Merknad", "Note") }
                            }
                        }
                        el("tbody") {
                            for financing in document.financing {
                                el("tr") {
                                    el("th", ["scope": "row"]) { financing.source.label(language) }
                                    el("td", ["class": "num"]) {
                                        financing.amount.map(NorwegianFormat.kroner) ?? ProjectLabels.unknown(language)
                                    }
                                    el("td") { financing.applicationStatus?.label(language) ?? "–" }
                                    el("td") { financing.note }
                                }
                            }
                        }
                    }
                }
            }
            el("h2") { language.pick("Resultater", "Results") }
            if document.results.isEmpty { el("p") { unknown() } }
            for result in document.results {
                el("h3") { result.impact.label(language) }
                text(result.description)
                if !result.indicators.isEmpty {
                    scrollingTable(
                        label: language.pick("Indikatorer: ", "Indicators: ") + result.impact.label(language)
                    ) {
                        el("table") {
                            el("caption") {
                                language.pick("Indikatorer: ", "Indicators: ") + result.impact.label(language)
                            }
                            el("thead") {
                                el("tr") {
                                    for (nb, en) in [
                                        ("Mål", "Metric"), ("Utgangspunkt", "Baseline"), ("Verdi", "Value"),
                                        ("Enhet", "Unit"), ("Metode", "Method"), ("Dato", "Date"),
                                    ] {
                                        el("th", ["scope": "col"]) { language.pick(nb, en) }
                                    }
                                }
                            }
                            el("tbody") {
                                for indicator in result.indicators {
                                    el("tr") {
                                        el("th", ["scope": "row"]) { indicator.metric }
                                        el("td", ["class": "num"]) {
                                            indicator.baseline.map { NorwegianFormat.quantity($0) } ?? "–"
                                        }
                                        el("td", ["class": "num"]) {
                                            indicator.value.map { NorwegianFormat.quantity($0) } ?? "–"
                                        }
                                        el("td") { indicator.unit }
                                        el("td") { indicator.method }
                                        el("td") { indicator.date ?? "–" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            el("h2") { language.pick("Evaluering og læring", "Evaluation and lessons") }
            el("dl", ["class": "project-facts"]) {
                row("Evaluert", "Evaluated", plain(document.evaluated.map { ProjectLabels.answer($0, language) }))
                row("Evidensnivå", "Evidence level", plain(document.evidenceLevel?.label(language)))
            }
            text(document.evaluationText)
            el("h3") { language.pick("Utfordringer og det som ikke virket", "Challenges and what failed") }
            text(document.challenges)
            el("h3") { language.pick("Læringspunkter", "Lessons learned") }
            text(document.lessons)
            el("h3") {
                language.pick(
                    "Dette trenger en annen kommune for å gjenbruke det", "What another municipality needs to reuse it")
            }
            text(document.reuseConditions)
            el("h2", ["id": "kontakter"]) { language.pick("Kontakt og lenker", "Contacts and links") }
            let contacts = document.contacts.filter { showAllContacts || $0.publishConsent }
            if contacts.isEmpty {
                el("p") { language.pick("Ingen publiserte kontaktpersoner.", "No published contacts.") }
            } else {
                el("ul") {
                    for contact in contacts {
                        el("li") {
                            contact.name + (contact.role.isEmpty ? "" : ", \(contact.role)") + " – " + contact.email
                            if !contact.publishConsent {
                                " " + language.pick("(ikke samtykke til publisering)", "(no consent to publish)")
                            }
                            " ("
                                + ContactConfirmationText.confirmed(
                                    contactsConfirmedAt[ContactConfirmations.key(contact)], language)
                                + ")"
                        }
                    }
                }
            }
            if mayConfirmContacts && !document.contacts.isEmpty {
                el("form", ["method": "post", "action": Paths.projectConfirmContacts(slug: record.slug)]) {
                    el("input", ["type": "hidden", "name": "_csrf", "value": csrfToken])
                    el("button", ["type": "submit", "aria-describedby": "confirm-contacts-hint"]) {
                        language.pick(
                            "Bekreft at kontaktpersonene stemmer", "Confirm that the contact people are right")
                    }
                    el("p", ["class": "hint", "id": "confirm-contacts-hint"]) {
                        language.pick(
                            "Endrer ikke prosjektet og trenger ingen ny godkjenning. Datoen vises på prosjektet og "
                                + "kommuneprofilen.",
                            "Changes nothing in the project and needs no new review. The date is shown on the project "
                                + "and the municipality profile.")
                    }
                }
            }
            if !document.links.isEmpty {
                el("ul") {
                    for link in document.links where link.url.hasPrefix("http") {
                        el("li") { el("a", ["href": link.url, "rel": "nofollow noopener"]) { link.title } }
                    }
                }
            }
            attachmentSection(language)
            el("h2", ["id": "gjenbruk"]) { language.pick("Gjenbruk", "Reuse") }
            if let basedOn {
                el("p") {
                    language.pick("Bygger på: ", "Builds on: ")
                    el("a", ["href": Paths.project(slug: basedOn.slug)]) { basedOn.title }
                }
            }
            if reusedBy.isEmpty && reuseReports.isEmpty {
                el("p") { language.pick("Ingen registrerte gjenbruk ennå.", "No recorded reuse yet.") }
            } else {
                el("p") {
                    el("a", ["href": Paths.projectReuse(slug: record.slug)]) {
                        language.pick("Se gjenbruken på kart", "See the reuse on a map")
                    }
                }
                el("p") { language.pick("Gjenbrukt av:", "Reused by:") }
                el("ul") {
                    for other in reusedBy {
                        el("li") {
                            el("a", ["href": Paths.project(slug: other.slug)]) {
                                other.title + " (" + other.ownerName + ")"
                            }
                        }
                    }
                    for report in reuseReports { el("li") { ReuseReportText.item(report, language: language) } }
                }
            }
            if mayRecordReuse {
                el("p") {
                    el("a", ["href": Paths.projectReused(slug: record.slug), "class": "button secondary"]) {
                        language.pick("Vi har gjenbrukt dette", "We reused this")
                    }
                }
            }
            el("h2") { language.pick("Lignende prosjekter", "Similar projects") }
            if similar.isEmpty {
                el("p") { language.pick("Ingen lignende prosjekter funnet.", "No similar projects found.") }
            } else {
                el("ul", ["class": "project-list"]) { for other in similar { projectCard(other, language: language) } }
            }
        }
    }

    /// Files attached to the project: name (a download link), type and size; editors who may
    /// change the project also get the upload form and a remove button per file.
    func attachmentSection(_ language: Language) -> Node {
        el("section", ["id": "vedlegg", "aria-labelledby": "vedlegg-tittel"]) {
            el("h2", ["id": "vedlegg-tittel"]) { language.pick("Vedlegg", "Attachments") }
            if attachments.isEmpty {
                el("p") { language.pick("Ingen vedlegg.", "No attachments.") }
            } else {
                el("table") {
                    el("caption") {
                        language.pick(
                            ProjectLabels.count(attachments.count, "vedlegg", "vedlegg"),
                            ProjectLabels.count(attachments.count, "attachment", "attachments"))
                    }
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) { language.pick("Fil", "File") }
                            el("th", ["scope": "col"]) { language.pick("Type", "Type") }
                            el("th", ["scope": "col", "class": "num"]) { language.pick("Størrelse", "Size") }
                            if mayEdit { el("th", ["scope": "col"]) { language.pick("Fjern", "Remove") } }
                        }
                    }
                    el("tbody") {
                        for attachment in attachments {
                            let id = attachment.id?.uuidString.lowercased() ?? ""
                            el("tr") {
                                el("th", ["scope": "row"]) {
                                    el(
                                        "a",
                                        ["href": Paths.projectAttachment(slug: record.slug, id: id), "download": ""]
                                    ) {
                                        attachment.fileName
                                    }
                                }
                                el("td") { attachment.kind.uppercased() }
                                el("td", ["class": "num"]) { AttachmentLimitsText.size(attachment.size, language) }
                                if mayEdit {
                                    el("td") {
                                        el(
                                            "form",
                                            [
                                                "method": "post", "class": "inline-form",
                                                "action": Paths.projectAttachmentRemove(slug: record.slug, id: id),
                                            ]
                                        ) {
                                            el("input", ["type": "hidden", "name": "_csrf", "value": csrfToken])
                                            el("button", ["type": "submit", "class": "secondary"]) {
                                                language.pick("Fjern", "Remove")
                                                el("span", ["class": "visually-hidden"]) { " " + attachment.fileName }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if mayEdit {
                attachmentUploadForm(
                    slug: record.slug, csrfToken: csrfToken, language: language, limits: .standard)
            }
        }
    }

    func actionLabel(_ target: ProjectStatus, _ language: Language) -> String {
        switch target {
        case .submitted: language.pick("Send til godkjenning", "Submit for review")
        case .published: language.pick("Publiser", "Publish")
        case .draft:
            record.status == .archived
                ? language.pick("Gjenopprett som utkast", "Restore as draft")
                : language.pick("Send tilbake til utkast", "Return to draft")
        case .needsUpdate: language.pick("Marker som trenger oppdatering", "Mark as needing update")
        case .archived: language.pick("Arkiver", "Archive")
        }
    }
}
