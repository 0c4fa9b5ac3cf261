import FornyeBarometer
import Vapor

/// `/analyse/programmet/caser`: the interviewed units beside the register, each with its status,
/// region, sector, coded themes and quotes, and the themes counted by status group.
struct ProgrammeCasesPage {
    var request: Request
    var cases: [InterviewCase]

    func render() -> String {
        let language = Language.of(request)
        let pick = language.pick
        let cases = cases
        let counts = ThemeCountTable(cases: cases)
        let synthetic = cases.contains(where: \.synthetic)
        let title = pick("Intervjuede caser", "Interviewed cases")
        return PageLayout(title: title, request: request, synthetic: synthetic).render {
            el("p") { el("a", ["href": Paths.programme]) { pick("← Programregisteret", "← The programme register") } }
            el("h1") { title }
            el("p") {
                pick(
                    "Enhetene som ble intervjuet, med status i programmet, temaene analytikerne har kodet og korte sitater. Gruppene er små; tallene er antall enheter, ikke andeler.",
                    "The units that were interviewed, with their programme status, the themes analysts coded and short quotes. The groups are small; the numbers are counts of units, not shares."
                )
            }
            el("h2") { pick("Temaer etter statusgruppe", "Themes by status group") }
            if counts.rows.allSatisfy({ $0.total == 0 }) {
                el("p", ["class": "notice"]) {
                    pick("Ingen av casene er kodet med temaer ennå.", "None of the cases is coded with themes yet.")
                }
            } else {
                ThemeCountView(table: counts, language: language).table(
                    id: "temaer", label: pick("Temaer etter statusgruppe", "Themes by status group"),
                    caption: pick(
                        "Intervjuede enheter som nevnte temaet, etter status i programmet",
                        "Interviewed units that named the theme, by programme status"))
            }
            el("h2") { pick("Casene", "The cases") + " (\(cases.count))" }
            if cases.isEmpty {
                el("p") { pick("Ingen caser er lagret.", "No cases are stored.") }
            } else {
                scrollingTable(label: pick("Casene", "The cases")) {
                    el("table") {
                        el("caption") { pick("Intervjuede enheter", "Interviewed units") }
                        el("thead") {
                            el("tr") {
                                for header in [
                                    pick("Enhet", "Unit"), pick("Status", "Status"), pick("Region", "Region"),
                                    pick("Sektor", "Sector"), pick("Temaer", "Themes"), pick("Sitater", "Quotes"),
                                    pick("Kilde", "Source"),
                                ] {
                                    el("th", ["scope": "col"]) { header }
                                }
                            }
                        }
                        el("tbody") {
                            for record in cases { row(record, language: language) }
                        }
                    }
                }
            }
        }
    }

    private func row(_ record: InterviewCase, language: Language) -> Node {
        let sector = record.sector.flatMap { ReportClassifications.sector.entry(code: $0) }
        return el("tr") {
            el("th", ["scope": "row"]) { record.unit + (record.number.map { " (\($0))" } ?? "") }
            el("td") { ProgrammeText.status(record.status, language) }
            el("td") { record.region }
            el("td") { sector.map { language.pick($0.label, $0.labelEnglish) } ?? "–" }
            el("td") {
                if record.themes.isEmpty {
                    "–"
                } else {
                    el("ul") {
                        for theme in record.themes.sorted() { el("li") { ThemeCountView.name(theme, language) } }
                    }
                }
            }
            el("td") {
                if record.quotes.isEmpty {
                    "–"
                } else {
                    el("ul") {
                        for quote in record.quotes {
                            el("li") {
                                el("q", ["lang": "nb", "translate": "no"]) { quote.text }
                                quote.page.map { " (s. \($0))" } ?? ""
                            }
                        }
                    }
                }
            }
            el("td") { record.source }
        }
    }
}
