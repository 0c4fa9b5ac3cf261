import FornyeStorage
import Vapor

/// `/prosjekter/<slug>/gjenbruk`, "reused by": the municipalities that built on one project, on
/// the map and in tables. The overall map's "and N more" links here.
struct ProjectReusePage {
    var request: Request
    var record: ProjectRecord
    var flows: [ReuseMap.Flow]

    func render() -> String {
        let language = Language.of(request)
        let record = record
        let flows = flows
        let map = ReuseMap(flows: flows, language: language, rowsPerOriginal: nil)
        let layout = PageLayout(
            title: language.pick("Gjenbrukt av", "Reused by") + ": " + record.title, request: request,
            synthetic: record.synthetic || flows.contains { $0.reuser.synthetic })
        return layout.render {
            el("p") { el("a", ["href": Paths.project(slug: record.slug)]) { "← " + record.title } }
            el("h1") { language.pick("Gjenbrukt av", "Reused by") }
            el("p") {
                language.pick("Prosjekt: ", "Project: ") + record.title + " ("
                    + (record.countyNumber.flatMap { ProjectLabels.countyNames[$0] }
                        ?? ProjectLabels.unknown(language))
                    + ")"
            }
            if flows.isEmpty {
                el("p") { language.pick("Ingen registrerte gjenbruk ennå.", "No recorded reuse yet.") }
            } else {
                el("p") {
                    map.municipalities(Set(flows.map { $0.reuser.ownerMunicipality ?? $0.reuser.ownerName }).count)
                        + language.pick(" har bygget på dette prosjektet.", " built on this project.")
                }
                el("div", ["class": "reuse-layout"]) {
                    map.render()
                    el("div", ["class": "reuse-tables"]) { map.tables() }
                }
            }
            el("p") {
                el("a", ["href": Paths.reuseMap]) {
                    language.pick("Gjenbruk i hele landet", "Reuse across the country")
                }
            }
        }
    }
}
