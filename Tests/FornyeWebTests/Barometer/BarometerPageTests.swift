import FornyeStatistics
import FornyeStorage
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

@Suite struct BarometerPageTests {
    static let wavePath = "/barometer/\(DemoContent.baselineSlug)"

    /// The county code with the most (or fewest) respondents in the demo baseline.
    static func county(_ dataset: Dataset, largest: Bool) throws -> Int {
        let codes = try dataset.codes(of: "county").filter { $0 != Column.systemMissing }
        let counts = Dictionary(codes.map { (Int($0), 1) }, uniquingKeysWith: +)
        let sorted = counts.sorted { $0.value == $1.value ? $0.key < $1.key : $0.value < $1.value }
        return largest ? sorted.last!.key : sorted.first!.key
    }

    /// Issue 20: a domain whose every share is withheld draws no empty charts (a plot with a 0–10 %
    /// axis and no bars read like zeros); each figure says why in the chart's place.
    @Test func aPageWhoseEveryNumberIsWithheldDrawsNoEmptyCharts() async throws {
        try await withSharedTestApp { app in
            // Trøndelag, health and care, health centres: 15 answers in the synthetic baseline.
            let html = try await app.get(Self.wavePath + "?county=50&sector=1&unit_type=3").body.string
            #expect(html.contains("(15 svar)"))
            #expect(!html.contains("<svg"), "an empty chart is drawn")
            let notices = html.components(separatedBy: "Figuren er ikke tegnet: alle tallene i den er skjult").count - 1
            #expect(notices >= 15, "only \(notices) notices")
            #expect(!html.contains("fig-4-1.svg"), "a link to a chart that is not drawn")
            let english = try await app.get(Self.wavePath + "?county=50&sector=1&unit_type=3&lang=en").body.string
            #expect(english.contains("The chart is not drawn: every number in it is withheld"))
        }
    }

    @Test func waveListAndResultsPageRenderAccessiblyWithoutInlineStyles() async throws {
        try await withSharedTestApp { app in
            let list = try await app.get("/barometer")
            #expect(list.status == .ok)
            #expect(list.body.string.contains("href=\"\(Self.wavePath)\""))
            #expect(list.body.string.contains("SYNTETISKE DATA"))

            let page = try await app.get(Self.wavePath)
            #expect(page.status == .ok)
            #expect(page.headers.contentType == .html)
            let html = page.body.string
            #expect(html.contains("<html lang=\"nb\">"))
            // The warning is the first thing in the main landmark (axe `region`).
            #expect(html.contains("<main id=\"innhold\" tabindex=\"-1\"><p class=\"synthetic-banner\""))
            for id in ["fig-4-1", "fig-4-3", "fig-4-6", "fig-5-1"] {
                #expect(html.contains("<figure id=\"\(id)\""), "\(id)")
                #expect(html.contains("href=\"\(Self.wavePath)/figurer/\(id).csv\""), "\(id)")
            }
            #expect(html.contains("<svg"))
            #expect(html.contains("<caption>"))
            #expect(html.contains("scope=\"col\"") && html.contains("scope=\"row\""))
            // The Content-Security-Policy forbids inline styles and scripts.
            #expect(!html.contains("style=\""))
            #expect(!html.contains("<style"))
            #expect(!html.contains("<script"))
            // Every select has its label.
            for name in BarometerFilters.variables.map(\.name) {
                #expect(html.contains("<label for=\"filter-\(name)\">"))
                #expect(html.contains("<select id=\"filter-\(name)\" name=\"\(name)\""))
            }
            #expect(!html.contains("Ikke til publisering"))

            let english = try await app.get(Self.wavePath + "?lang=en")
            #expect(english.body.string.contains("<html lang=\"en\">"))
            #expect(english.body.string.contains("Limit to a group of units"))
        }
    }

    @Test func filteredPageShowsTheEnginesDomainEstimate() async throws {
        try await withSharedTestApp { app in
            let wave = try await app.preparedDemoWave()
            let county = try Self.county(wave.dataset, largest: true)
            let page = try await app.get(Self.wavePath + "?county=\(county)&sector=")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("<option value=\"\(county)\" selected>"))
            #expect(html.contains("Avgrensning"))
            #expect(html.contains("href=\"\(Self.wavePath)/figurer/fig-4-1.csv?county=\(county)\""))

            let download = try await app.get(Self.wavePath + "/figurer/fig-4-1.csv?county=\(county)")
            #expect(download.status == .ok)
            let csv = parseCSV(download.body.string)
            let column = { (name: String) in csv.header.firstIndex(of: name)! }
            let yes = try #require(csv.rows.first { $0[column("kategori_kode")] == "1" })
            #expect(yes[column("datakilde")] == "SYNTETISKE DATA")

            // The same domain through the statistics engine: a breakdown by county on the full design.
            let estimator = Estimator(
                dataset: wave.dataset, design: wave.design,
                options: EstimationOptions(missing: MissingPolicy(includeDontKnow: true, includeNotApplicable: true)))
            let table = try estimator.shares(of: "innovated", by: ["county"])
            let cell = try #require(table.cells.first { $0.domain.first?.code == county && $0.category?.code == 1 })
            let estimate = try #require(Double(yes[column("estimat")]))
            let standardError = try #require(Double(yes[column("standardfeil")]))
            #expect(abs(estimate - cell.estimate) < 1e-9)
            #expect(abs(standardError - cell.standardError) < 1e-9)
            #expect(abs(try #require(Double(yes[column("ki_nedre")])) - cell.lower) < 1e-9)
            #expect(Int(yes[column("frihetsgrader")]) == cell.degreesOfFreedom)
            #expect(Int(yes[column("n_grunnlag")]) == cell.baseCount)
            // A domain, not a subset: the domain is smaller than the wave, its estimate differs from the whole's.
            let whole = try estimator.shares(of: "innovated").cells.first { $0.category?.code == 1 }!
            #expect(cell.baseCount < whole.baseCount)
        }
    }

    @Test func downloadsSaySyntheticAndCarryNoInlineStyles() async throws {
        try await withSharedTestApp { app in
            let csv = try await app.get(Self.wavePath + "/figurer/fig-4-3.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.subType == "csv")
            let disposition = csv.headers.first(name: .contentDisposition) ?? ""
            #expect(disposition.contains("SYNTETISK"))
            let parsed = parseCSV(csv.body.string)
            #expect(parsed.header.last == "datakilde")
            #expect(!parsed.rows.isEmpty && parsed.rows.allSatisfy { $0.last == "SYNTETISKE DATA" })

            let svg = try await app.get(Self.wavePath + "/figurer/fig-4-3.svg")
            #expect(svg.status == .ok)
            #expect(svg.headers.contentType?.subType == "svg+xml")
            #expect(svg.body.string.hasPrefix("<svg"))
            #expect(svg.body.string.contains("SYNTETISKE DATA"))
            #expect(!svg.body.string.contains("style="))
            #expect(!svg.body.string.contains("<style"))

            // Tables without a chart have no SVG; unknown figures and endings are not found.
            for path in ["/figurer/fig-9-9.csv", "/figurer/fig-4-3.pdf", "/figurer/ny-tab-vekter.svg"] {
                let response = try await app.get(Self.wavePath + path)
                #expect(response.status == .notFound, "\(path)")
            }
        }
    }

    @Test func badInputOnPages() async throws {
        try await withSharedTestApp { app in
            let unknown = try await app.get("/barometer/1999")
            #expect(unknown.status == .notFound)
            #expect(unknown.headers.contentType == .html)
            #expect(unknown.body.string.contains("«1999»"))
            #expect(unknown.body.string.contains("<h1>Fant ikke siden</h1>"))

            let wrongType = try await app.get(Self.wavePath + "?county=Vestland")
            #expect(wrongType.status == .badRequest)
            #expect(wrongType.body.string.contains("«county»"))
            #expect(wrongType.body.string.contains("«Vestland»"))
            // The form comes back with the message tied to the field.
            #expect(wrongType.body.string.contains("aria-describedby=\"filter-hint filter-county-error\""))
            #expect(wrongType.body.string.contains("aria-invalid=\"true\""))
            #expect(wrongType.body.string.contains("<span id=\"filter-county-error\" class=\"error-message\">"))
            #expect(wrongType.body.string.contains("href=\"#filter-county\""))

            let unknownCode = try await app.get(Self.wavePath + "?sector=77&lang=en")
            #expect(unknownCode.status == .badRequest)
            #expect(unknownCode.body.string.contains("<html lang=\"en\">"))
            #expect(unknownCode.body.string.contains("77 is not a code of sector"))

            let filteredDownload = try await app.get(Self.wavePath + "/figurer/fig-4-1.csv?centrality=x")
            #expect(filteredDownload.status == .badRequest)

            // The form's wave choice moves to that wave, keeping the filters.
            let moved = try await app.get(Self.wavePath + "?bolge=\(DemoContent.followUpSlug)&sector=1&county=")
            #expect(moved.status == .seeOther)
            #expect(moved.headers.first(name: .location) == "/barometer/\(DemoContent.followUpSlug)?sector=1")

            // Pages take no bodies: a POST is refused before anything runs.
            try await app.testing().test(.POST, Self.wavePath) { response in
                #expect(response.status.code >= 400 && response.status.code < 500)
            }
        }
    }

    @Test func analystsSeeUnsuppressedNumbersMarkedNotForPublication() async throws {
        try await withTestApp { app in
            let wave = try await app.preparedDemoWave()
            let county = try Self.county(wave.dataset, largest: false)
            let filters = BarometerFilters(codes: ["county": county])
            let store = app.barometerStore
            let suppressed = try await store.document(for: wave, filters: filters, suppressed: true)
            let open = try await store.document(for: wave, filters: filters, suppressed: false)
            let hiddenPublic = suppressed.figures.flatMap { $0.table.rows.flatMap { $0.cells } }.filter {
                $0 == "skjult"
            }
            let hiddenOpen = open.figures.flatMap { $0.table.rows.flatMap { $0.cells } }.filter { $0 == "skjult" }
            #expect(!hiddenPublic.isEmpty)
            #expect(hiddenOpen.isEmpty)
            #expect(store.cachedDocumentCount == 2)
            #expect(
                try await store.document(for: wave, filters: filters, suppressed: true).figures.count
                    == suppressed.figures.count)
            #expect(store.cachedDocumentCount == 2)

            // The public page for the same domain hides the small cells, marked in text.
            let publicPage = try await app.get(Self.wavePath + "?county=\(county)")
            #expect(publicPage.body.string.contains("class=\"num suppressed\">skjult</td>"))
            #expect(!publicPage.body.string.contains("Ikke til publisering"))

            // A signed-in analyst sees every cell, with a note that the page is not for publication.
            let analyst = try await signIn(app, as: .analyst)
            let analystPage = try await app.get(Self.wavePath + "?county=\(county)", headers: analyst)
            #expect(analystPage.status == .ok)
            #expect(analystPage.body.string.contains("Ikke til publisering"))
            #expect(!analystPage.body.string.contains(">skjult</td>"))
            let analystAPI = try await app.get(
                "/api/v1/waves/\(wave.slug)/figures/fig-4-3?county=\(county)", headers: analyst)
            #expect(analystAPI.body.string.contains("\"suppressed\":false"))

            // Other signed-in roles see what the public sees.
            let editor = try await signIn(app, as: .municipalityEditor)
            let editorPage = try await app.get(Self.wavePath + "?county=\(county)", headers: editor)
            #expect(editorPage.body.string.contains(">skjult</td>"))
            #expect(!editorPage.body.string.contains("Ikke til publisering"))

            // Concurrent requests for a new key share one computation.
            let before = store.buildCount
            let other = BarometerFilters(codes: ["county": county, "sector": 1])
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await store.document(for: wave, filters: other, suppressed: true).figures.count
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(Set(counts).count == 1)
            #expect(store.buildCount == before + 1)

            // Changing a wave's data drops what was computed from it.
            store.invalidate(wave.slug)
            #expect(store.cachedDocumentCount == 0)
        }
    }

    @Test func methodologyPageInBothLanguages() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let nb = try await app.get("/metode")
            #expect(nb.status == .ok)
            for text in ["Vekting (raking)", "Korn–Graubard", "frihetsgrader", "Sekundær skjuling", "1–4 svar"] {
                #expect(nb.body.string.contains(text), "\(text)")
            }
            let en = try await app.get("/metode?lang=en")
            #expect(en.body.string.contains("Secondary suppression"))
            #expect(en.body.string.contains("degrees of freedom"))
            #expect(!en.body.string.contains("style=\""))
        }
    }
}
