import FornyeStatistics
import Foundation
import Testing

@testable import FornyeReport

@Suite("Barometer report")
struct ReportTests {
    static let fixture = Result { try BarometerFixture() }

    /// Built once: every test reads the same report.
    static let built = Result { try BarometerReport.build(try fixture.get().wave()) }

    static func document() throws -> ReportDocument {
        try built.get()
    }

    @Test("the page is well-formed XHTML in bokmål without scripts or external resources")
    func wellFormed() throws {
        let html = HTMLRenderer.render(try Self.document())
        let root = try XMLNode.parse(html)
        #expect(root.name == "html")
        #expect(root.attributes["lang"] == "nb")
        #expect(root.descendants(named: "script").isEmpty)
        for element in root.descendants(named: "link") + root.descendants(named: "img") {
            Issue.record("external resource element <\(element.name)>")
        }
        for node in [root] + root.descendants(named: "a") {
            let target = node.attributes["href"] ?? ""
            #expect(!target.hasPrefix("http") && !target.hasPrefix("//"), "\(target)")
        }
        #expect(!html.contains("src="))
        #expect(!html.contains("url(http"))
    }

    @Test("every chart has a title, a description and a data table beside it")
    func chartsHaveTextAlternatives() throws {
        let root = try XMLNode.parse(HTMLRenderer.render(try Self.document()))
        let svgs = root.descendants(named: "svg")
        #expect(svgs.count >= 15)
        for svg in svgs {
            let id = svg.attributes["id"] ?? "?"
            let title = svg.children.first { $0.name == "title" }
            let desc = svg.children.first { $0.name == "desc" }
            #expect(title.map { !$0.text.isEmpty } == true, "\(id) has no title")
            #expect(desc.map { !$0.text.isEmpty } == true, "\(id) has no description")
            #expect(
                svg.attributes["aria-labelledby"] == "\(title?.attributes["id"] ?? "") \(desc?.attributes["id"] ?? "")")
            #expect(svg.attributes["role"] == "img")
        }
        for figure in root.descendants(named: "figure") {
            let tables = figure.descendants(named: "table")
            #expect(tables.count == 1, "\(figure.attributes["id"] ?? "") has \(tables.count) tables")
            #expect(figure.children.first?.name == "figcaption")
            for table in tables {
                #expect(table.children.first?.name == "caption")
                let headers = table.descendants(named: "th")
                #expect(headers.allSatisfy { $0.attributes["scope"] == "col" || $0.attributes["scope"] == "row" })
            }
        }
        // Element ids are unique on the page, so every aria reference finds one element.
        var ids: [String: Int] = [:]
        func collect(_ node: XMLNode) {
            if let id = node.attributes["id"] { ids[id, default: 0] += 1 }
            node.children.forEach(collect)
        }
        collect(root)
        #expect(ids.filter { $0.value > 1 }.isEmpty)
    }

    @Test("every figure and table of the 2018 report that comes from the barometer is there, and the new ones")
    func everyFigure() throws {
        let numbers = Set(try Self.document().figures.map(\.number))
        let expected = [
            "Figur 4-1", "Figur 4-2", "Figur 4-3", "Figur 4-4", "Tabell 4-1", "Figur 4-5", "Figur 4-6", "Tabell 4-2",
            "Figur 4-7", "Figur 4-8", "Figur 4-10", "Figur 5-1", "Tabell V-0-1", "Tabell V-0-2", "Tabell V-0-3",
            "Tabell V-0-4", "Ny tabell 1", "Ny tabell 2", "Ny tabell 3", "Ny tabell 4", "Ny figur 1",
        ]
        for number in expected { #expect(numbers.contains(number), "\(number) missing") }
        let method = try #require(try Self.document().sections.last)
        #expect(!method.paragraphs.contains { $0.contains("mangler") || $0.contains("kunne ikke") })
    }

    @Test("synthetic data are announced in every section, in every chart and in every CSV line")
    func syntheticEverywhere() throws {
        let document = try Self.document()
        #expect(document.synthetic)
        let root = try XMLNode.parse(HTMLRenderer.render(document))
        for section in root.descendants(named: "section") {
            let banner = section.children.first { $0.attributes["class"] == "banner" }
            #expect(banner?.text.hasPrefix("SYNTETISKE DATA") == true, "\(section.attributes["id"] ?? "")")
        }
        for svg in root.descendants(named: "svg") {
            #expect(svg.descendants(named: "text").contains { $0.allText == "SYNTETISKE DATA" })
        }
        for figure in document.figures {
            #expect(figure.csv.header.last == "datakilde")
            #expect(figure.csv.rows.allSatisfy { $0.last == "SYNTETISKE DATA" && $0.count == figure.csv.header.count })
        }
    }

    @Test("Fig 4-1's caption states the weighted share, its interval and N from the data")
    func captionFromNumbers() throws {
        let fixture = try Self.fixture.get()
        let document = try BarometerReport.build(try fixture.wave())
        let figure = try #require(document.figures.first { $0.number == "Figur 4-1" })
        // The weighted share of "Ja" among everyone who answered, computed here from the raw columns.
        let codes = try fixture.dataset.codes(of: "innovated")
        var yes = 0.0
        var all = 0.0
        var answered = 0
        for (row, code) in codes.enumerated() where code != Column.systemMissing {
            all += fixture.weights[row]
            answered += 1
            if code == 1 { yes += fixture.weights[row] }
        }
        let expected = NorwegianFormat.percent(yes / all)
        #expect(figure.caption.hasPrefix("\(expected) (95\u{00A0}%\u{00A0}KI "))
        #expect(
            figure.caption.hasSuffix(
                "av enhetene har tatt i bruk minst én innovasjon de siste to årene (N\u{00A0}=\u{00A0}\(NorwegianFormat.count(answered)))."
            ))
        let table = try Estimator(
            dataset: fixture.dataset, design: try fixture.wave().design,
            options: EstimationOptions(missing: MissingPolicy(includeDontKnow: true))
        ).shares(of: "innovated")
        let cell = try #require(table.cells.first { $0.category?.code == 1 })
        #expect(figure.caption.contains(NorwegianFormat.range(cell.lower, cell.upper)))
    }

    @Test("the report writes one HTML page and one CSV per figure")
    func writesFiles() throws {
        let document = try Self.document()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-report-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = try ReportWriter.write(document, to: directory)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(files.filter { $0.hasSuffix(".csv") }.count == document.figures.count)
        #expect(Set(document.figures.map(\.csvFileName)).count == document.figures.count)
        let html = try String(contentsOf: page, encoding: .utf8)
        for figure in document.figures { #expect(html.contains("href=\"\(figure.csvFileName)\"")) }
    }

    /// Set FORNYE_REPORT_PREVIEW to a directory to keep the rendered page there (for screenshots).
    @Test("the same wave renders to the same page, byte for byte")
    func deterministic() throws {
        let first = HTMLRenderer.render(try Self.document())
        let second = HTMLRenderer.render(try BarometerReport.build(try Self.fixture.get().wave()))
        #expect(first == second)
        if let preview = ProcessInfo.processInfo.environment["FORNYE_REPORT_PREVIEW"] {
            try ReportWriter.write(try Self.document(), to: URL(fileURLWithPath: preview))
        }
    }

    @Test("labels from the data cannot inject markup anywhere in the page")
    func hostileLabels() throws {
        let hostile = [
            (3, "</svg><script>alert(1)</script>"), (5, "\"><img src=x onerror=alert(1)>"), (10, "A & B 'C'"),
            (12, "]]></title><desc>"), (19, "Troms"), (50, "Trøndelag"),
        ]
        let fixture = try BarometerFixture(rows: 300, seed: 3, countyLabels: hostile)
        let html = HTMLRenderer.render(try BarometerReport.build(try fixture.wave()))
        let root = try XMLNode.parse(html)
        #expect(root.descendants(named: "script").isEmpty)
        #expect(root.descendants(named: "img").isEmpty)
        #expect(root.allText.contains("</svg><script>alert(1)</script>"))
        #expect(root.allText.contains("A & B 'C'"))
    }

    @Test("options of multiple-response questions are labelled without the question before them")
    func optionLabels() throws {
        let document = try Self.document()
        let figure = try #require(document.figures.first { $0.number == "Figur 4-2" })
        #expect(figure.table.rows.map(\.header) == ["Tjeneste", "Produkt", "Organisering/prosess", "Kommunikasjon"])
    }

    @Test("raking to population margins: the weighted distribution meets them and the weights are documented")
    func raking() throws {
        let fixture = try Self.fixture.get()
        let design = try fixture.wave().design
        let sector = PopulationMargin(variable: "sector", totals: [1: 3000, 2: 5000])
        let landsdel = PopulationMargin(variable: "landsdel", totals: [1: 3600, 2: 2400, 3: 1000, 4: 1000])
        let wave = Wave(
            title: "Testbølge", dataset: fixture.dataset,
            weighting: try CalibratedDesign(raking: design, data: fixture.dataset, to: [sector, landsdel]))
        let document = try BarometerReport.build(wave)
        let weights = try #require(document.figures.first { $0.number == "Ny tabell 3" })
        #expect(weights.table.columns.map(\.header) == ["Før raking", "Etter raking"])
        let kish = try #require(weights.table.rows.first { $0.header.hasPrefix("Kish") })
        let raked = try Weighting.rake(design, data: fixture.dataset, to: [sector, landsdel]).design
        #expect(
            kish.cells
                == [design.kishDesignEffect, raked.kishDesignEffect].map {
                    NorwegianFormat.number($0, decimals: 3)
                })
        let margins = try #require(document.figures.first { $0.number == "Ny tabell 4" })
        let health = try #require(margins.csv.rows.first { $0[0] == "sector" && $0[1] == "1" })
        let weighted = try #require(Double(health[5]))
        let population = try #require(Double(health[6]))
        #expect(abs(weighted - 0.375) < 1e-8 && abs(population - 0.375) < 1e-12)
    }

    @Test("small groups are hidden in tables, charts and CSV files, and shown when the rules are off")
    func smallCells() throws {
        // Trøndelag (code 50) gets a handful of respondents.
        let fixture = try BarometerFixture(rows: 500, seed: 9, countyWeights: [10, 6, 5, 9, 4, 0.06])
        let counties = try fixture.dataset.codes(of: "county")
        let small = counties.count { $0 == 50 }
        try #require(small > 0 && small < DisclosureRules().minimumBaseCount)
        let published = try BarometerReport.build(try fixture.wave())
        let figure = try #require(published.figures.first { $0.number == "Figur 4-3" })
        let row = try #require(figure.table.rows.first { $0.header == "Trøndelag" })
        #expect(row.cells == ["skjult", "–", "skjult"])
        #expect(figure.table.notes.contains { $0.hasPrefix("«skjult»") })
        // The caption says the share is not shown, and gives no number for it.
        #expect(figure.caption.contains("Trøndelag vises ikke andelen"))
        #expect(!figure.caption.contains("Trøndelag ("))
        guard case .bar(let chart) = figure.chart else { throw StatisticsError.invalidArgument("no bar chart") }
        #expect(chart.bars.first { $0.label == "Trøndelag" }?.value.estimate == nil)
        for record in figure.csv.rows where record[4] == "50" {
            #expect(record[7].isEmpty && record[8].isEmpty && record[10].isEmpty && record[12].isEmpty)
        }
        let method = try #require(published.sections.last)
        #expect(method.paragraphs.contains { $0.hasPrefix("Småcelleregler: en andel som bygger på 1–4 svar") })

        let open = try BarometerReport.build(try fixture.wave(), options: ReportOptions(disclosure: nil))
        let shown = try #require(
            open.figures.first { $0.number == "Figur 4-3" }?.table.rows.first { $0.header == "Trøndelag" })
        #expect(shown.cells[2] == String(small))
        #expect(try #require(open.sections.last).paragraphs.contains { $0.contains("ikke til publisering") })
    }

    @Test("a wave without some questions leaves those figures out and says so")
    func missingVariables() throws {
        let fixture = try BarometerFixture(rows: 300, seed: 5)
        var codebook = fixture.dataset.codebook
        codebook.variables.removeAll { $0.name == "spread" }
        var columns: [String: Column] = [:]
        for variable in codebook.variables { columns[variable.name] = try fixture.dataset.column(named: variable.name) }
        let dataset = try Dataset(codebook: codebook, columns: columns)
        let wave = Wave(
            title: "Uten spredning", dataset: dataset,
            design: try SurveyDesign(rowCount: dataset.rowCount, weights: fixture.weights))
        let document = try BarometerReport.build(wave)
        #expect(!document.figures.contains { $0.number == "Figur 4-10" })
        let method = try #require(document.sections.last)
        #expect(method.paragraphs.contains { $0.hasPrefix("Figur 4-10 mangler") })
        _ = try XMLNode.parse(HTMLRenderer.render(document))
    }
}
