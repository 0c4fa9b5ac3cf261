import FornyeBarometer
import FornyeProjectBank
import FornyeReport
import FornyeStorage
import Foundation

/// Labels the project pages share.
enum ProjectLabels {
    static let countyNames: [String: String] = {
        let municipalities = (try? MunicipalityRegister.bundled().municipalities(on: ProjectValidation.today)) ?? []
        return Dictionary(municipalities.map { ($0.countyNumber, $0.countyName) }, uniquingKeysWith: { a, _ in a })
    }()

    static func facetTitle(_ name: String, _ language: Language) -> String {
        switch name {
        case "type": language.pick("Innovasjonstype", "Innovation type")
        case "stage": language.pick("Fase", "Stage")
        case "sector": language.pick("Sektor", "Sector")
        case "county": language.pick("Fylke", "County")
        case "centrality": language.pick("Sentralitet", "Centrality")
        case "research": language.pick("Forskningsinvolvering (høyeste nivå)", "Research involvement (highest level)")
        case "evaluated": language.pick("Evaluert", "Evaluated")
        case "discontinued": language.pick("Avsluttet uten videreføring", "Discontinued")
        case "theme": language.pick("Tema (Los)", "Theme (Los)")
        default: name
        }
    }

    static func facetValue(_ facet: String, _ value: String, _ language: Language) -> String {
        func code(_ list: CodeList) -> String {
            Int(value).flatMap { list.entry(code: $0) }.map { language.pick($0.label, $0.labelEnglish) } ?? value
        }
        switch facet {
        case "type": return code(ReportClassifications.innovationType)
        case "stage": return ProjectStage(rawValue: value)?.label(language) ?? value
        case "sector": return code(ReportClassifications.sector)
        case "county": return countyNames[value].map { "\($0) (\(value))" } ?? value
        case "centrality": return code(ReportClassifications.centrality)
        case "research": return researchLevel(Int(value), language)
        case "evaluated", "discontinued": return answer(value == "true", language)
        case "theme": return LosThemes.theme(slug: value).map { language.pick($0.label, $0.labelEnglish) } ?? value
        default: return value
        }
    }

    static func researchLevel(_ level: Int?, _ language: Language) -> String {
        switch level {
        case 0: language.pick("0 – ingen", "0 – none")
        case 1: language.pick("1 – lav", "1 – low")
        case 2: language.pick("2 – middels", "2 – medium")
        case 3: language.pick("3 – høy", "3 – high")
        default: language.pick("Ukjent", "Unknown")
        }
    }

    static func unknown(_ language: Language) -> String { language.pick("Ukjent", "Unknown") }

    /// A known yes or no («Ja»/«Nei»); unknown is ``unknown(_:)``.
    static func answer(_ value: Bool, _ language: Language) -> String {
        value ? language.pick("Ja", "Yes") : language.pick("Nei", "No")
    }

    /// "1 prosjekt", "2 prosjekter": the number with the singular or plural noun (both bokmål
    /// and English use the singular for exactly one).
    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        NorwegianFormat.count(number) + " " + (number == 1 ? singular : plural)
    }

    /// "12 prosjekter" / "1 project", for counts of projects.
    static func projects(_ number: Int, _ language: Language) -> String {
        language.pick(count(number, "prosjekt", "prosjekter"), count(number, "project", "projects"))
    }
}

/// A short card for lists: title link, owner, stage, and the labels a reader must not miss.
func projectCard(_ record: ProjectRecord, language: Language) -> Node {
    el("li", ["class": "project-card"]) {
        el("h3") { el("a", ["href": Paths.project(slug: record.slug)]) { record.title } }
        el("p", ["class": "project-meta"]) {
            [
                record.ownerName.isEmpty ? ProjectLabels.unknown(language) : record.ownerName,
                record.stage.label(language),
            ]
            .joined(separator: " · ")
            if record.status != .published { " · " + record.status.label(language) }
            if record.synthetic { el("strong", ["class": "tag"]) { "SYNTETISK" } }
            if let source = record.sourceName {
                el("span", ["class": "project-source"]) { language.pick("Kilde: ", "Source: ") + source }
            }
        }
        el("p") { String(record.summary.prefix(300)) + (record.summary.count > 300 ? "…" : "") }
    }
}

/// The search page: a GET form (works without JavaScript), facets as checkboxes, results, pages.
struct ProjectSearchPage {
    var language: Language
    var result: ProjectSearchResult
    var parameters: ProjectQueryParameters
    var layout: PageLayout
    var own: [ProjectRecord]
    var toReview: [ProjectRecord]
    var canCreate: Bool

    func render() -> String {
        let language = language
        let query = result.query
        var layout = layout
        layout.synthetic = result.projects.contains { $0.synthetic }
        return layout.render {
            el("h1") { language.pick("Prosjektbanken", "The project bank") }
            el("p", ["class": "lead"]) {
                language.pick(
                    "Finn innovasjonsprosjekter fra kommuner – hva de gjorde, hva det ga, hva som var vanskelig – og gjenbruk dem.",
                    "Find municipal innovation projects – what they did, what came of it, what was hard – and reuse them."
                )
            }
            el("p") {
                el("a", ["href": Paths.reuseMap]) { language.pick("Gjenbrukskart", "Reuse map") }
                " · "
                el("a", ["href": Paths.researchPartners]) { language.pick("Forskningspartnere", "Research partners") }
                " · "
                el("a", ["href": Paths.projectsCSV]) { "CSV" }
                " · "
                el("a", ["href": Paths.projectsExcelCSV]) { language.pick("CSV for Excel", "CSV for Excel") }
                " · "
                el("a", ["href": Paths.projectsJSON]) { "JSON" }
                if canCreate {
                    " · "
                    el("a", ["class": "button", "href": Paths.newProject]) {
                        language.pick("Nytt prosjekt", "New project")
                    }
                }
            }
            if !toReview.isEmpty {
                el("h2") { language.pick("Til godkjenning", "Awaiting review") }
                el("ul", ["class": "project-list"]) {
                    for record in toReview { projectCard(record, language: language) }
                }
            }
            if !own.isEmpty {
                el("h2") { language.pick("Kommunens prosjekter", "Your municipality's projects") }
                el("ul", ["class": "project-list"]) { for record in own { projectCard(record, language: language) } }
            }
            el("form", ["method": "get", "action": Paths.projects, "class": "project-search", "role": "search"]) {
                el("label", ["for": "q"]) { language.pick("Søk i prosjekter", "Search projects") }
                el("input", ["type": "search", "id": "q", "name": "q", "value": query.text, "maxlength": "500"])
                if language == .en { el("input", ["type": "hidden", "name": "lang", "value": "en"]) }
                el("label", ["for": "sort"]) { language.pick("Sorter etter", "Sort by") }
                el("select", ["id": "sort", "name": "sort"]) {
                    for sort in ProjectQuery.Sort.allCases {
                        el(
                            "option",
                            attributes: [("value", sort.rawValue), ("selected", sort == query.sort ? "" : nil)]
                        ) {
                            switch sort {
                            case .relevance: language.pick("Relevans", "Relevance")
                            case .newest: language.pick("Sist oppdatert", "Last updated")
                            case .title: language.pick("Tittel", "Title")
                            }
                        }
                    }
                }
                el("button", ["type": "submit"]) { language.pick("Søk", "Search") }
                el("div", ["class": "checkbox"]) {
                    el(
                        "input",
                        attributes: [
                            ("type", "checkbox"), ("id", "utvid"), ("name", "utvid"), ("value", "nei"),
                            ("checked", query.expand ? nil : ""),
                        ])
                    el("label", ["for": "utvid"]) {
                        language.pick(
                            "Bare ordene slik de står (uten oversettelser og synonymer)",
                            "Only the words as written (no translations or synonyms)")
                    }
                }
                el("div", ["class": "search-layout"]) {
                    // Folded on a narrow screen so the results are not below a long column of
                    // filters; wide screens show it open as a side column (the stylesheet).
                    // Open when filters are chosen, so what narrows the results stays in view.
                    let chosen = result.facets.reduce(0) { $0 + parameters.all(facetParameter($1.name)).count }
                    el("details", attributes: [("class", "facets"), ("open", chosen > 0 ? "" : nil)]) {
                        let title =
                            chosen == 0
                            ? language.pick("Avgrens", "Filter")
                            : language.pick("Avgrens (\(chosen) valgt)", "Filter (\(chosen) chosen)")
                        el("summary") { el("h2") { title } }
                        // The heading wide screens show instead of the summary.
                        el("h2", ["class": "facets-heading"]) { title }
                        // A chosen value stays (with 0) even when nothing matches, so it can be unticked.
                        // Themes first: the broadest way into the bank.
                        let themesFirst =
                            result.facets.filter { $0.name == "theme" } + result.facets.filter { $0.name != "theme" }
                        for facet in themesFirst
                        where !facet.counts.isEmpty || !parameters.all(facetParameter(facet.name)).isEmpty {
                            facetNode(facet)
                        }
                        el("button", ["type": "submit"]) { language.pick("Bruk filter", "Apply filters") }
                    }
                    el("div", ["class": "results"]) {
                        el("h2", ["id": "treff"]) {
                            ProjectLabels.projects(result.total, language)
                        }
                        if !result.expansions.isEmpty {
                            el("p", ["class": "search-expansions"]) {
                                language.pick("Søket tok også med: ", "The search also included: ")
                                result.expansions.map { "\($0.word) → \($0.with.joined(separator: ", "))" }
                                    .joined(separator: "; ")
                                language.pick(
                                    " (kryss av for «Bare ordene slik de står» for å slå det av).",
                                    " (tick “Only the words as written” to switch this off).")
                            }
                        }
                        if let suggestion = result.suggestion {
                            el("p", ["class": "search-suggestion"]) {
                                language.pick("Mente du ", "Did you mean ")
                                el("a", ["href": Paths.projects + "?" + parameters.with("q", suggestion)]) {
                                    el("q") { suggestion }
                                }
                                "?"
                            }
                        }
                        if result.projects.isEmpty {
                            el("p") { language.pick("Ingen prosjekter passer søket.", "No projects match the search.") }
                        }
                        el("ul", ["class": "project-list", "aria-labelledby": "treff"]) {
                            for record in result.projects { projectCard(record, language: language) }
                        }
                        pagination
                    }
                }
            }
        }
    }

    func facetNode(_ facet: ProjectFacet) -> Node {
        let selected = Set(parameters.all(facetParameter(facet.name)))
        return el("fieldset") {
            el("legend") { ProjectLabels.facetTitle(facet.name, language) }
            let missing = selected.subtracting(facet.counts.map(\.value)).sorted().map { (value: $0, count: 0) }
            for (value, count) in facet.counts + missing {
                let id = "f-\(facet.name)-\(value)"
                el("div", ["class": "checkbox"]) {
                    el(
                        "input",
                        attributes: [
                            ("type", "checkbox"), ("id", id), ("name", facetParameter(facet.name)), ("value", value),
                            ("checked", selected.contains(value) ? "" : nil),
                        ])
                    // The count is set apart from the label (some labels end in a code in brackets,
                    // e.g. "Mellomsentrale kommuner (1)"), and said in words for screen readers.
                    el("label", ["for": id]) {
                        ProjectLabels.facetValue(facet.name, value, language)
                        el("span", ["class": "facet-count", "aria-hidden": "true"]) { NorwegianFormat.count(count) }
                        el("span", ["class": "visually-hidden"]) { ", " + ProjectLabels.projects(count, language) }
                    }
                }
            }
        }
    }

    func facetParameter(_ name: String) -> String { name }

    var pagination: Node {
        let query = result.query
        guard result.pageCount > 1 else { return .empty }
        return el("nav", ["aria-label": language.pick("Sider", "Pages"), "class": "pagination"]) {
            if query.page > 1 {
                el("a", ["href": Paths.projects + "?" + parameters.with("page", "\(query.page - 1)"), "rel": "prev"]) {
                    language.pick("Forrige", "Previous")
                }
            }
            el("span") {
                language.pick(
                    "Side \(NorwegianFormat.count(query.page)) av \(NorwegianFormat.count(result.pageCount))",
                    "Page \(NorwegianFormat.count(query.page)) of \(NorwegianFormat.count(result.pageCount))")
            }
            if query.page < result.pageCount {
                el("a", ["href": Paths.projects + "?" + parameters.with("page", "\(query.page + 1)"), "rel": "next"]) {
                    language.pick("Neste", "Next")
                }
            }
        }
    }
}
