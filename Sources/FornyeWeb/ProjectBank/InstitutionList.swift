import FornyeProjectBank
import FornyeStorage
import Vapor

/// The list of research and education institutions, as admins manage it and as editors look
/// for a partner in it: one heading, one table, the kind in the page's language.
struct InstitutionList {
    var request: Request
    var institutions: [ResearchInstitutionRecord]

    static func kindLabel(_ kind: String, _ language: Language) -> String {
        ResearchInstitutionInput.kinds.first { $0.nb == kind }.map { language.pick($0.nb, $0.en) } ?? kind
    }

    /// `/admin/institusjoner`: every institution with its contact, each linked to its form.
    func adminPage() -> HTMLPage {
        let language = Language.of(request)
        return page(
            title: language.pick("Forskningsinstitusjoner", "Research institutions"),
            intro: el("a", ["class": "button", "href": Paths.newInstitution]) {
                language.pick("Ny institusjon", "New institution")
            },
            caption: language.pick(
                ProjectLabels.count(institutions.count, "institusjon", "institusjoner"),
                ProjectLabels.count(institutions.count, "institution", "institutions")),
            nameHeader: language.pick("Navn", "Name"),
            name: { institution in el("a", ["href": Paths.institution(slug: institution.slug)]) { institution.name } },
            showContact: true)
    }

    /// `/forskningspartnere`: the list editors look for a research partner in.
    func partnersPage() -> HTMLPage {
        let language = Language.of(request)
        return page(
            title: language.pick("Forskningspartnere", "Research partners"),
            intro: .text(
                language.pick(
                    "Prosjekter som søker forskningspartner får forslag fra denne listen etter kompetanseområde.",
                    "Projects seeking a research partner get suggestions from this list by competence area.")),
            caption: language.pick("Institusjoner og kompetanseområder", "Institutions and competence areas"),
            nameHeader: language.pick("Institusjon", "Institution"), name: { .text($0.name) }, showContact: false)
    }

    private func page(
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
