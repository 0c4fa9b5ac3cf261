import FornyeProjectBank
import FornyeStorage

/// `/prosjekter/<slug>/historikk`: who changed what, one row per saved version.
struct ProjectHistoryPage {
    var layout: PageLayout
    var language: Language
    var record: ProjectRecord
    var versions: [ProjectVersionRecord]

    func render() -> String {
        let language = language
        let record = record
        let versions = versions
        return layout.render {
            el("p") { el("a", ["href": Paths.project(slug: record.slug)]) { "← " + record.title } }
            el("h1") { language.pick("Versjonshistorikk", "Version history") }
            el("table") {
                el("caption") { language.pick("Hvem endret hva: ", "Who changed what: ") + record.title }
                el("thead") {
                    el("tr") {
                        for (nb, en) in [
                            ("Versjon", "Version"), ("Tidspunkt (UTC)", "Time (UTC)"), ("Av", "By"),
                            ("Handling", "Action"),
                            ("Endrede felt", "Changed fields"), ("Status", "Status"),
                        ] {
                            el("th", ["scope": "col"]) { language.pick(nb, en) }
                        }
                    }
                }
                el("tbody") {
                    for version in versions {
                        el("tr") {
                            el("th", ["scope": "row", "class": "num"]) { "\(version.version)" }
                            el("td") { TimeText.node(version.createdAt, language) }
                            el("td") { version.author }
                            el("td") {
                                // A code no version of Fornye writes is shown as it is stored.
                                ProjectVersionAction(code: version.action).map {
                                    language.pick($0.labels.nb, $0.labels.en)
                                }
                                    ?? version.action
                            }
                            el("td") { ProjectFormFields.changedFieldsText(version.changedFields, language) }
                            el("td") { version.status.label(language) }
                        }
                    }
                }
            }
        }
    }
}
