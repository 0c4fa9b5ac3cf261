import FornyeStorage
import Vapor

/// `/prosjekter/gjenbruk`: which municipalities built on which project across the country, as
/// the tile map and its tables.
struct ReuseMapPage {
    var request: Request
    var flows: [ReuseMap.Flow]

    func render() -> String {
        let language = Language.of(request)
        let flows = flows
        let map = ReuseMap(flows: flows, language: language)
        let layout = PageLayout(
            title: language.pick("Gjenbrukskart", "Reuse map"), request: request,
            synthetic: flows.contains { $0.original.synthetic || $0.reuser.synthetic })
        return layout.render {
            el("h1") { language.pick("Gjenbruk av prosjekter", "Reuse of projects") }
            el("p") {
                language.pick(
                    "Hvilke kommuner som har bygget på hvilke prosjekter, over hele landet.",
                    "Which municipalities built on which projects, across the country.")
            }
            if flows.isEmpty {
                el("p") { language.pick("Ingen registrerte gjenbruk ennå.", "No recorded reuse yet.") }
            } else {
                el("p") {
                    language.pick(
                        ProjectLabels.count(flows.count, "registrert gjenbruk", "registrerte gjenbruk"),
                        ProjectLabels.count(flows.count, "recorded reuse", "recorded reuses"))
                        + " · "
                        + map.municipalities(
                            Set(flows.map { $0.reuser.ownerMunicipality ?? $0.reuser.ownerName }).count)
                }
                el("div", ["class": "reuse-layout"]) {
                    map.render()
                    el("div", ["class": "reuse-tables"]) { map.tables() }
                }
            }
        }
    }
}
