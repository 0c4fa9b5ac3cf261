import FornyeBarometer

/// Renders a `ReportDocument` as one self-contained HTML page: inline CSS, inline SVG, no scripts
/// and no external resources. The markup is XHTML-compatible (it parses as XML), uses semantic
/// elements (sections with headings, `figure`/`figcaption`, tables with `caption` and scoped
/// headers) and says "SYNTETISKE DATA" at the top of every section when the data are synthetic.
public enum HTMLRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var writer = MarkupWriter(capacity: 1 << 18)
        writer.raw("<!DOCTYPE html>\n")
        let language = document.language
        writer.open(
            "html", ["xmlns": "http://www.w3.org/1999/xhtml", "lang": language.rawValue, "xml:lang": language.rawValue])
        writer.line()
        writer.open("head")
        writer.empty("meta", ["charset": "utf-8"])
        writer.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        writer.element(
            "title", text: document.synthetic ? "\(SyntheticLabel.marker): \(document.title)" : document.title)
        writer.open("style")
        writer.raw(ReportStyle.css)
        writer.close("style")
        writer.close("head")
        writer.line()
        writer.open("body")
        if document.synthetic {
            writer.element("p", ["class": "banner-print", "aria-hidden": "true"], text: SyntheticLabel.marker)
        }
        header(document, into: &writer)
        tableOfContents(document, into: &writer)
        writer.open("main")
        let charts = document.chartSVGs()
        for section in document.sections {
            render(section, synthetic: document.synthetic, charts: charts, language: language, into: &writer)
        }
        writer.close("main")
        writer.open("footer")
        writer.element(
            "p",
            text: language.pick(
                "Laget med Fornye. Tallene i hver figur ligger også som CSV-fil ved siden av denne rapporten.",
                "Made with Fornye. The numbers of every figure are also in a CSV file beside this report."))
        writer.close("footer")
        writer.close("body")
        writer.close("html")
        writer.line()
        return writer.output
    }

    private static func header(_ document: ReportDocument, into writer: inout MarkupWriter) {
        writer.open("header", ["class": "report-header"])
        if document.synthetic { banner(document.language, into: &writer) }
        writer.element("h1", text: document.title)
        writer.element("p", ["class": "subtitle"], text: document.subtitle)
        if !document.facts.isEmpty {
            writer.open("dl", ["class": "facts"])
            for fact in document.facts {
                writer.element("dt", text: fact.term)
                writer.element("dd", text: fact.value)
            }
            writer.close("dl")
        }
        writer.close("header")
        writer.line()
    }

    static func banner(_ language: ReportLanguage = .nb, into writer: inout MarkupWriter) {
        writer.element(
            "p", ["class": "banner", "role": "note"],
            text: SyntheticLabel.marker
                + language.pick(
                    " – tallene er generert og beskriver ingen virkelige enheter.",
                    " – the numbers are generated and describe no real units."))
    }

    private static func tableOfContents(_ document: ReportDocument, into writer: inout MarkupWriter) {
        writer.open("nav", ["class": "toc", "aria-labelledby": "toc-heading"])
        writer.element("h2", ["id": "toc-heading"], text: document.language.pick("Innhold", "Contents"))
        writer.open("ol")
        for section in document.sections {
            writer.open("li")
            writer.element("a", ["href": "#\(section.id)"], text: section.heading)
            writer.close("li")
        }
        writer.close("ol")
        writer.close("nav")
        writer.line()
    }

    private static func render(
        _ section: ReportSection, synthetic: Bool, charts: [String: String], language: ReportLanguage,
        into writer: inout MarkupWriter
    ) {
        writer.open("section", ["id": section.id, "aria-labelledby": "\(section.id)-heading"])
        if synthetic { banner(language, into: &writer) }
        writer.element("h2", ["id": "\(section.id)-heading"], text: section.heading)
        for paragraph in section.paragraphs {
            writer.element("p", ["class": "lead"], text: paragraph)
        }
        for figure in section.figures {
            render(figure, chart: charts[figure.id], language: language, into: &writer)
        }
        writer.close("section")
        writer.line()
    }

    private static func render(
        _ figure: ReportFigure, chart: String?, language: ReportLanguage, into writer: inout MarkupWriter
    ) {
        writer.open("figure", ["id": figure.id, "aria-labelledby": "\(figure.id)-caption"])
        writer.open("figcaption", ["id": "\(figure.id)-caption"])
        writer.element("span", ["class": "number"], text: figure.number + ". ")
        writer.element("span", ["class": "title"], text: figure.title)
        writer.element("span", ["class": "caption"], text: figure.caption)
        writer.element("span", ["class": "base"], text: figure.base)
        writer.close("figcaption")
        writer.open("div", ["class": fitsBeside(figure) ? "figure-body" : "figure-body stacked"])
        if let chart { writer.raw(chart) }
        if let withheld = figure.chartWithheld { writer.element("p", ["class": "notice"], text: withheld) }
        render(figure.table, id: "\(figure.id)-table", into: &writer)
        writer.close("div")
        if !figure.notes.isEmpty || !figure.table.notes.isEmpty {
            writer.open("ul", ["class": "notes"])
            for note in figure.notes + figure.table.notes { writer.element("li", text: note) }
            writer.close("ul")
        }
        writer.open("p", ["class": "download"])
        writer.element(
            "a", ["href": figure.csvFileName, "download": figure.csvFileName, "type": "text/csv"],
            text: language.pick("Last ned tallene i ", "Download the numbers of ")
                + "\(Captions.midSentence(figure.number)) (CSV)")
        writer.close("p")
        writer.close("figure")
        writer.line()
    }

    /// Whether the table fits beside the chart on a wide screen, judged by the characters in its
    /// widest cells; otherwise it goes below the chart, where it has the full width.
    static func fitsBeside(_ figure: ReportFigure) -> Bool {
        guard figure.chart != nil else { return false }
        let table = figure.table
        let rowHeader = ([table.rowHeader] + table.rows.map(\.header)).map(\.count).max() ?? 0
        let columns = table.columns.indices.map { index in
            ([table.columns[index].header] + table.rows.map { index < $0.cells.count ? $0.cells[index] : "" })
                .map(\.count).max() ?? 0
        }
        let characters = min(rowHeader, 34) + columns.map { min($0, 24) }.reduce(0, +)
        return characters * 8 + (table.columns.count + 1) * 20 <= 440
    }

    static func render(_ table: DataTable, id: String, into writer: inout MarkupWriter) {
        writer.open("div", ["class": "table-wrap"])
        writer.open("table", ["id": id])
        writer.element("caption", text: table.caption)
        writer.open("thead")
        writer.open("tr")
        writer.element("th", ["scope": "col"], text: table.rowHeader)
        for column in table.columns {
            writer.element("th", ["scope": "col", "class": column.numeric ? "num" : nil], text: column.header)
        }
        writer.close("tr")
        writer.close("thead")
        writer.open("tbody")
        for row in table.rows {
            writer.open("tr", ["class": row.emphasised ? "emphasised" : nil])
            writer.element("th", ["scope": "row"], text: row.header)
            for (index, cell) in row.cells.enumerated() {
                let numeric = table.columns.indices.contains(index) && table.columns[index].numeric
                writer.element("td", ["class": numeric ? "num" : nil], text: cell)
            }
            writer.close("tr")
        }
        writer.close("tbody")
        writer.close("table")
        writer.close("div")
    }
}
