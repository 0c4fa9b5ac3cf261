import FornyeBarometer

/// The interviews' coded themes counted by status group, as the evaluation page and the
/// register's cases page show them: one row per theme some case is coded with, one column per
/// status with the group's size in its header.
struct ThemeCountView {
    var table: ThemeCountTable
    var language: Language

    /// The theme lists' names, for a theme's row header.
    static let listNames: [String: (nb: String, en: String)] = [
        InterviewThemes.barrier.id: ("Barrierer", "Barriers"),
        InterviewThemes.successFactor.id: ("Suksessfaktorer", "Success factors"),
        InterviewThemes.diffusionChannel.id: ("Spredningskanaler", "Diffusion channels"),
        InterviewThemes.motivation.id: ("Motivasjon", "Motivation"),
    ]

    /// "Barrierer: Mangel på tid", or the bare code when no list knows it.
    static func name(_ theme: ThemeCode, _ language: Language) -> String {
        let list = listNames[theme.list].map { language.pick($0.nb, $0.en) } ?? theme.list
        guard let entry = theme.entry else { return "\(list) \(theme.code)" }
        return "\(list): \(language.pick(entry.label, entry.labelEnglish))"
    }

    /// The table in a scrolling region; themes no case is coded with are left out.
    func table(id: String, label: String, caption: String) -> Node {
        let language = language
        let table = table
        let statuses = ProgrammeStatus.allCases
        return scrollingTable(label: label) {
            el("table", ["id": id]) {
                el("caption") { caption }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { language.pick("Tema", "Theme") }
                        for status in statuses {
                            el("th", ["scope": "col", "class": "num"]) {
                                "\(language.pick(status.label, status.labelEnglish)) (n = \(table.groupSizes[status] ?? 0))"
                            }
                        }
                    }
                }
                el("tbody") {
                    for row in table.rows where row.total > 0 {
                        el("tr") {
                            el("th", ["scope": "row"]) { Self.name(row.theme, language) }
                            for status in statuses {
                                el("td", ["class": "num"]) { String(row.counts[status] ?? 0) }
                            }
                        }
                    }
                }
            }
        }
    }
}
