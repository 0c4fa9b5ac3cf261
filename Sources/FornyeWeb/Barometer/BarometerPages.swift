import FornyeBarometer
import FornyeReport
import FornyeStatistics
import FornyeStorage

/// `/barometer`: the published waves.
struct WaveListPage {
    var language: Language
    var waves: [WaveRecord]
    var viewer: PageViewer

    func render() -> String {
        let language = language
        let layout = PageLayout(
            title: language.pick("Barometeret", "The barometer"), language: language, path: Paths.barometer,
            synthetic: waves.contains { $0.synthetic }, viewer: viewer)
        return layout.render {
            el("h1") { language.pick("Innovasjonsbarometeret", "The Innovation Barometer") }
            el("p", ["class": "lead"]) {
                language.pick(
                    "Velg en bølge for å se figurene, med usikkerhet og mulighet til å avgrense til en gruppe enheter.",
                    "Choose a wave to see its figures, with their uncertainty, for all units or a group of them.")
            }
            if waves.isEmpty {
                el("p") { language.pick("Ingen bølger er publisert ennå.", "No waves are published yet.") }
            } else {
                el("ul", ["class": "wave-list"]) {
                    for wave in waves {
                        el("li") {
                            el("a", ["href": Paths.barometerWave(slug: wave.slug)]) { language.waveTitle(wave.title) }
                            if wave.synthetic {
                                el("span", ["class": "tag"]) { " \(SyntheticLabel.marker)" }
                            }
                        }
                    }
                }
            }
            el("p") {
                language.pick(
                    "Ble kommunene som fikk FORKOMMUNE-midler, mer innovative? Se ",
                    "Did the municipalities granted FORKOMMUNE funding become more innovative? See ")
                el("a", ["href": Paths.evaluation + (language == .en ? "?lang=en" : "")]) {
                    language.pick("Effekter av programmet", "Effects of the programme")
                }
                "."
            }
        }
    }
}

/// `/barometer/:wave`: the report's figures for the wave, within the chosen domain.
struct WaveResultsPage {
    var language: Language
    var wave: PreparedWave
    var waves: [WaveRecord]
    var filters: BarometerFilters
    var document: ReportDocument
    /// True for the public (small cells hidden); false for analysts.
    var suppressed: Bool
    var viewer: PageViewer

    func render() -> String {
        let language = language
        let path = Paths.barometerWave(slug: wave.slug) + filters.query()
        let layout = PageLayout(
            title: language.waveTitle(wave.title), language: language, path: path, synthetic: wave.synthetic,
            viewer: viewer)
        return layout.render {
            el("h1") { language.waveTitle(wave.title) }
            if !suppressed {
                el("p", ["class": "notice analyst-notice", "role": "note"]) {
                    el("strong") { language.pick("Ikke til publisering. ", "Not for publication. ") }
                    language.pick(
                        "Du ser tallene uten småcelleregler fordi du er logget inn som analytiker. "
                            + "Offentlige sider og nedlastinger skjuler små celler.",
                        "You see the numbers without small-cell suppression because you are signed in as an analyst. "
                            + "Public pages and downloads hide small cells.")
                }
            }
            el("p", ["class": "lead"]) { document.subtitle }
            FilterForm(language: language, wave: wave, waves: waves, filters: filters).render()
            el("dl", ["class": "facts"]) {
                for fact in document.facts {
                    el("dt") { fact.term }
                    el("dd") { fact.value }
                }
            }
            if language == .en && document.figures.contains(where: { $0.language == .nb }) {
                el("p", ["class": "notice"]) {
                    "The figures not yet translated are in Norwegian (bokmål), as in the 2018 report."
                }
            }
            contents
            let charts = document.chartSVGs()
            for section in document.sections { render(section, charts: charts) }
        }
    }

    /// `lang="nb"` for a figure still written in bokmål on an English page (the report is built in the
    /// page's language, so none is today), so screen readers read it as Norwegian (WCAG 3.1.2).
    private func language(of figure: ReportFigure) -> String? {
        language == .en && figure.language == .nb ? "nb" : nil
    }

    private var contents: Node {
        el("nav", ["class": "toc", "aria-labelledby": "toc-heading"]) {
            el("h2", ["id": "toc-heading"]) { language.pick("Innhold", "Contents") }
            el("ol") {
                for section in document.sections {
                    el("li") {
                        el("a", ["href": "#\(section.id)"]) { section.heading }
                    }
                }
            }
        }
    }

    private func render(_ section: ReportSection, charts: [String: String]) -> Node {
        el("section", ["id": section.id, "aria-labelledby": "\(section.id)-heading"]) {
            el("h2", ["id": "\(section.id)-heading"]) { section.heading }
            for paragraph in section.paragraphs { el("p") { paragraph } }
            for figure in section.figures { render(figure, chart: charts[figure.id]) }
        }
    }

    private func render(_ figure: ReportFigure, chart: String?) -> Node {
        let language = language
        // The downloads are in the page's language, also for someone without the language cookie.
        let query = filters.query(adding: language == .en ? ["lang=en"] : [])
        return el(
            "figure",
            attributes: [
                ("id", figure.id), ("class", "result"), ("aria-labelledby", "\(figure.id)-caption"),
                ("lang", self.language(of: figure)),
            ]
        ) {
            el("figcaption", ["id": "\(figure.id)-caption"]) {
                el("h3") { "\(figure.number). \(figure.title)" }
                el("p") { figure.caption }
                el("p", ["class": "base"]) { figure.base }
            }
            el("div", ["class": "figure-body"]) {
                // The chart is SVG that FornyeReport generated from the numbers (its text escaped there).
                if let chart { Node.trusted(chart) }
                if let withheld = figure.chartWithheld {
                    el("p", ["class": "notice chart-withheld", "role": "note"]) { withheld }
                }
                ResultTable.render(figure.table, id: "\(figure.id)-table")
            }
            if !figure.notes.isEmpty || !figure.table.notes.isEmpty {
                el("ul", ["class": "notes"]) {
                    for note in figure.notes + figure.table.notes { el("li") { note } }
                }
            }
            // The links are in the page's language, also inside a bokmål figure.
            el("p", attributes: [("class", "downloads"), ("lang", self.language(of: figure) == nil ? nil : "en")]) {
                el(
                    "a",
                    [
                        "href": Paths.barometerFigure(wave: wave.slug, file: figure.id + ".csv") + query,
                        "type": "text/csv",
                    ]
                ) {
                    language.pick("Last ned tallene (CSV)", "Download the numbers (CSV)")
                }
                if figure.chart != nil {
                    " · "
                    el(
                        "a",
                        [
                            "href": Paths.barometerFigure(wave: wave.slug, file: figure.id + ".svg") + query,
                            "type": "image/svg+xml",
                        ]
                    ) {
                        language.pick("Last ned figuren (SVG)", "Download the chart (SVG)")
                    }
                }
                if wave.synthetic {
                    " "
                    el("span", ["class": "tag"]) { SyntheticLabel.marker }
                }
            }
        }
    }
}

/// A report table as an accessible HTML table: caption, scoped column and row headers.
enum ResultTable {
    static func render(_ table: DataTable, id: String) -> Node {
        scrollingTable(label: table.caption) {
            el("table", ["id": id]) {
                el("caption") { table.caption }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { table.rowHeader }
                        for column in table.columns {
                            el("th", ["scope": "col", "class": column.numeric ? "num" : nil]) { column.header }
                        }
                    }
                }
                el("tbody") {
                    for row in table.rows {
                        el("tr", ["class": row.emphasised ? "emphasised" : nil]) {
                            el("th", ["scope": "row"]) { row.header }
                            for (index, cell) in row.cells.enumerated() {
                                let numeric = table.columns.indices.contains(index) && table.columns[index].numeric
                                el("td", ["class": cellClass(cell, numeric: numeric)]) { cell }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Hidden cells read "skjult" or "for usikker" ("hidden", "too uncertain" in English; text, not only
    /// a colour) and get a class for a pattern.
    static func cellClass(_ cell: String, numeric: Bool) -> String? {
        let hidden = ["skjult", "for usikker", "hidden", "too uncertain"].contains(cell)
        switch (numeric, hidden) {
        case (true, true): return "num suppressed"
        case (true, false): return "num"
        case (false, true): return "suppressed"
        case (false, false): return nil
        }
    }
}

/// The filter form: a labelled select per background variable and the wave, a hint on what a
/// domain is, and, after a bad value, its message beside the field it belongs to.
struct FilterForm {
    var language: Language
    var wave: PreparedWave
    var waves: [WaveRecord]
    var filters: BarometerFilters
    var error: (parameter: String, message: String)?

    func render() -> Node {
        let language = language
        let codebook = wave.dataset.codebook
        return el(
            "form", ["method": "get", "action": Paths.barometerWave(slug: wave.slug), "class": "results-filters"]
        ) {
            el("fieldset") {
                el("legend") { language.pick("Avgrens til en gruppe enheter", "Limit to a group of units") }
                el("p", ["class": "hint", "id": "filter-hint"]) {
                    language.pick(
                        "Tallene blir domeneanslag: vektene er kalibrert på hele bølgen, og usikkerheten tar med at "
                            + "gruppens størrelse er tilfeldig.",
                        "The numbers become domain estimates: the weights are calibrated on the whole wave, and the "
                            + "uncertainty includes the randomness of the group's size.")
                }
                el("div", ["class": "filter-grid"]) {
                    el("p") {
                        el("label", ["for": "filter-wave"]) { language.pick("Bølge", "Wave") }
                        el("select", ["id": "filter-wave", "name": "bolge"]) {
                            for record in waves {
                                el("option", ["value": record.slug, "selected": record.slug == wave.slug ? "" : nil]) {
                                    language.waveTitle(record.title)
                                }
                            }
                        }
                    }
                    for variable in BarometerFilters.variables {
                        if let definition = codebook.variable(named: variable.name) {
                            el("p") {
                                el("label", ["for": "filter-\(variable.name)"]) {
                                    language.pick(variable.nb, variable.en)
                                }
                                if let error, error.parameter == variable.name {
                                    el("span", ["id": "filter-\(variable.name)-error", "class": "error-message"]) {
                                        error.message
                                    }
                                }
                                el(
                                    "select",
                                    attributes: [
                                        ("id", "filter-\(variable.name)"), ("name", variable.name),
                                        ("aria-describedby", describedBy(variable.name)),
                                        ("aria-invalid", error?.parameter == variable.name ? "true" : nil),
                                    ]
                                ) {
                                    el("option", ["value": ""]) { language.pick("Alle", "All") }
                                    for value in definition.valueLabels {
                                        el(
                                            "option",
                                            [
                                                "value": String(value.code),
                                                "selected": filters.codes[variable.name] == value.code ? "" : nil,
                                            ]
                                        ) { language == .en ? (value.labelEnglish ?? value.label) : value.label }
                                    }
                                }
                            }
                        }
                    }
                }
                if language == .en { el("input", ["type": "hidden", "name": "lang", "value": "en"]) }
                el("p") {
                    el("button", ["type": "submit"]) { language.pick("Vis tallene", "Show the numbers") }
                    if !filters.isEmpty {
                        " "
                        el("a", ["href": Paths.barometerWave(slug: wave.slug) + (language == .en ? "?lang=en" : "")]) {
                            language.pick("Fjern avgrensningen", "Remove the filters")
                        }
                    }
                }
            }
        }
    }

    private func describedBy(_ name: String) -> String {
        error?.parameter == name ? "filter-hint filter-\(name)-error" : "filter-hint"
    }
}

/// The results page after a bad filter value (400): the message, linked to its field, and the form.
struct FilterErrorPage {
    var language: Language
    var wave: PreparedWave
    var waves: [WaveRecord]
    var parameter: String
    var message: String
    var viewer: PageViewer

    func render() -> String {
        let language = language
        let layout = PageLayout(
            title: language.pick("Feil i avgrensningen", "Error in the filters") + " – "
                + language.waveTitle(wave.title),
            language: language, path: Paths.barometerWave(slug: wave.slug), synthetic: wave.synthetic, viewer: viewer)
        return layout.render {
            el("h1") { language.waveTitle(wave.title) }
            el("div", ["class": "error-summary", "role": "alert", "aria-labelledby": "error-summary-heading"]) {
                el("h2", ["id": "error-summary-heading"]) {
                    language.pick("Avgrensningen kan ikke brukes", "The filters cannot be used")
                }
                el("p") { el("a", ["href": "#filter-\(parameter)"]) { message } }
            }
            FilterForm(
                language: language, wave: wave, waves: waves, filters: BarometerFilters(),
                error: (parameter, message)
            ).render()
        }
    }
}
