import FornyeBarometer
import FornyeFormats
import FornyeReport
import FornyeStatistics
import FornyeStorage
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

@Suite struct EvaluationPageTests {
    static let waves = [DemoContent.baselineSlug, DemoContent.followUpSlug]
    static func query(_ comparison: ProgrammeComparison) -> String {
        "?bolge=\(waves[0])&bolge=\(waves[1])&sammenligning=\(comparison.rawValue)"
    }

    /// Writes `lines` as a register file, reads it back as `fornye programme import` does and
    /// replaces the stored register with it.
    static func importRegister(_ lines: [ProgrammeApplication], into app: Application) async throws {
        let register = try MunicipalityRegister.bundled()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("register-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(ProgrammeTable.csv(lines, register: register).utf8).write(to: url)
        let parsed = try ProgrammeTable.applications(try SourceReader.read(url), register: register)
        #expect(parsed.count == lines.count)
        _ = try await ProgrammeRepository(database: app.db, register: register).importApplications(
            parsed, replace: true, actor: nil, source: "test file")
    }

    /// The evaluation of the loaded demo waves against register lines in memory.
    static func expected(
        _ lines: [ProgrammeApplication], comparison: ProgrammeComparison, app: Application,
        rules: DisclosureRules = DisclosureRules()
    ) async throws -> ProgrammeEvaluation {
        var stored: [StoredWave] = []
        for slug in waves { stored.append(try await WaveRepository(database: app.db).load(slug: slug)) }
        return try ProgrammeEvaluation.evaluate(
            waves: stored, applications: lines, comparison: comparison, register: try MunicipalityRegister.bundled(),
            rules: rules)
    }

    @Test func aWholeEvaluationFromARegisterFileToThePageAndTheAPI() async throws {
        try await withTestApp { app in
            let demo = try await ProgrammeRepository(database: app.db, register: try MunicipalityRegister.bundled())
                .list().map(\.application)
            // Every third rejected applicant is dropped, so the file's numbers are not the demo's.
            var rejectedSeen = 0
            let lines = demo.filter { line in
                guard line.status == .rejected else { return true }
                rejectedSeen += 1
                return rejectedSeen % 3 != 0
            }
            try await Self.importRegister(lines, into: app)
            // One interviewed case coded with a barrier: the theme count shows beside the numbers.
            let repository = ProgrammeRepository(database: app.db, register: try MunicipalityRegister.bundled())
            let stored = try #require(try await repository.cases().first { $0.record.status == .granted })
            var coded = stored.record
            coded.themes = [ThemeCode(list: InterviewThemes.barrier.id, code: 1)]
            try await repository.updateCase(id: stored.id, with: coded, actor: nil)
            let evaluation = try await Self.expected(lines, comparison: .rejected, app: app)
            let before = try await Self.expected(demo, comparison: .rejected, app: app)
            let h1 = try #require(evaluation.results.first?.difference?.effect)
            #expect(h1.estimate != before.results.first?.difference?.effect.estimate)

            let page = try await app.get("/evaluering" + Self.query(.rejected))
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("<h1>Effekter av programmet</h1>"))
            #expect(html.contains("SYNTETISKE DATA"))
            for result in evaluation.results {
                let effect = try #require(result.difference?.effect, "\(result.withheld ?? "")")
                let row = try #require(Self.tableRow(html, table: "did-table", header: result.indicator.name))
                #expect(row.contains(NorwegianFormat.points(effect.estimate, decimals: 1)), "\(row)")
                #expect(row.contains(NorwegianFormat.number(effect.standardError * 100, decimals: 1)))
                #expect(
                    row.contains(
                        NorwegianFormat.points(effect.lower, decimals: 1) + " til "
                            + NorwegianFormat.points(effect.upper, decimals: 1)))
                #expect(row.contains(NorwegianFormat.pValueNumber(effect.pValue)))
                for cell in result.cells {
                    #expect(row.contains("(n = \(NorwegianFormat.count(cell.responses)))"))
                    #expect(row.contains(NorwegianFormat.percent(try #require(cell.share), decimals: 1)))
                }
                let balanced = try #require(result.balanced)
                #expect(row.contains(NorwegianFormat.points(balanced.estimate, decimals: 1)))
            }
            // The chart's text alternative carries the same effects; the balance table the covariates.
            #expect(html.contains("<svg") && html.contains("id=\"did-chart\""))
            #expect(html.contains("id=\"balance-table\"") && html.contains("Sentralitet (SSBs klasse 1–6)"))
            #expect(html.contains("parallelle trender"))
            let theme = try #require(Self.tableRow(html, table: "themes-table", header: "Barrierer: Driftsfokus"))
            #expect(theme.contains("<td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">0</td>"))
            #expect(!html.contains("style=\"") && !html.contains("<script"))

            let json = try await APITests.conforming(
                app, "/api/v1/evaluations" + Self.query(.rejected), template: "/api/v1/evaluations")
            let indicators = try #require(json["indicators"]?.array)
            #expect(indicators.count == evaluation.results.count)
            for (indicator, result) in zip(indicators, evaluation.results) {
                let effect = try #require(result.difference?.effect)
                #expect(abs((indicator["didPercentagePoints"]?.number ?? .nan) - effect.estimate * 100) < 1e-9)
                #expect(abs((indicator["pValue"]?.number ?? .nan) - effect.pValue) < 1e-12)
            }
            #expect(json["synthetic"] == .bool(true))

            let download = try await app.get("/evaluering/evaluering.csv" + Self.query(.rejected))
            #expect(download.status == .ok)
            let csv = parseCSV(download.body.string)
            let column = try #require(csv.header.firstIndex(of: "did_pp"))
            #expect(
                csv.rows.map { $0[column] }
                    == evaluation.results.map { String(format: "%.2f", $0.difference!.effect.estimate * 100) })
            #expect(csv.rows.allSatisfy { $0.last == SyntheticLabel.marker })
        }
    }

    @Test func everyCaptionNamesTheComparisonGroup() async throws {
        try await withSharedTestApp { app in
            for comparison in ProgrammeComparison.allCases {
                for language in ["nb", "en"] {
                    let page = try await app.get("/evaluering" + Self.query(comparison) + "&lang=\(language)")
                    #expect(page.status == .ok)
                    let html = page.body.string
                    let name = language == "nb" ? comparison.name : comparison.nameEnglish
                    // Every caption but the interviews' (which are not split by the comparison).
                    let captions = (Self.elements(html, tag: "caption") + Self.elements(html, tag: "figcaption"))
                        .filter { !$0.contains("Intervjuede") && !$0.contains("Interviewed") }
                    #expect(captions.count >= 3, "\(comparison) \(language)")
                    for caption in captions { #expect(caption.contains(name), "\(comparison) \(language): \(caption)") }
                    // The chart's own title names it too.
                    #expect(
                        Self.elements(html, tag: "title").contains {
                            $0.contains("did-chart-title") && $0.contains(name)
                        })
                    #expect(html.contains("<option value=\"\(comparison.rawValue)\" selected>"))
                }
            }
        }
    }

    @Test func aSmallComparisonGroupIsHiddenOnThePageTheAPIAndTheCSV() async throws {
        try await withTestApp { app in
            let demo = try await ProgrammeRepository(database: app.db, register: try MunicipalityRegister.bundled())
                .list().map(\.application)
            // Keep one rejected applicant: the one with the fewest baseline responses.
            let baseline = try await WaveRepository(database: app.db).load(slug: Self.waves[0])
            guard case .texts(let numbers) = try baseline.dataset.column(named: "kommunenummer") else {
                Issue.record("no kommunenummer")
                return
            }
            let counts = Dictionary(numbers.compactMap { $0 }.map { ($0, 1) }, uniquingKeysWith: +)
            let rejected = demo.filter { $0.status == .rejected }
            let smallest = try #require(
                rejected.min { counts[$0.municipalityNumber ?? ""] ?? 0 < counts[$1.municipalityNumber ?? ""] ?? 0 })
            let lines = demo.filter { $0.status != .rejected } + [smallest]
            try await Self.importRegister(lines, into: app)
            let evaluation = try await Self.expected(lines, comparison: .rejected, app: app)
            try #require(
                evaluation.results.allSatisfy { $0.difference == nil && $0.withheld?.contains("fewer than") == true })
            let unsuppressed = try await Self.expected(
                lines, comparison: .rejected, app: app, rules: DisclosureRules(minimumCellCount: 1, minimumBaseCount: 1)
            )

            let html = try await app.get("/evaluering" + Self.query(.rejected)).body.string
            for (result, open) in zip(evaluation.results, unsuppressed.results) {
                let row = try #require(Self.tableRow(html, table: "did-table", header: result.indicator.name))
                #expect(row.contains("skjult") && row.contains("num suppressed"))
                if let effect = open.difference?.effect {
                    #expect(!row.contains(NorwegianFormat.points(effect.estimate, decimals: 1) + "<"), "\(row)")
                }
                for cell in open.cells where cell.share != nil {
                    #expect(!row.contains(NorwegianFormat.percent(cell.share!, decimals: 1)))
                }
            }
            #expect(html.contains("Skjult: kommuner som fikk avslag i"))
            #expect(html.contains("Ingen balansetabell"))

            let json = try await APITests.conforming(
                app, "/api/v1/evaluations" + Self.query(.rejected), template: "/api/v1/evaluations")
            for indicator in try #require(json["indicators"]?.array) {
                #expect(indicator["didPercentagePoints"] == nil && indicator["withheld"]?.string != nil)
                #expect(indicator["cells"]?.array?.allSatisfy { $0["sharePercent"] == nil } == true)
            }
            let csv = parseCSV(try await app.get("/evaluering/evaluering.csv" + Self.query(.rejected)).body.string)
            let column = try #require(csv.header.firstIndex(of: "did_pp"))
            #expect(csv.rows.allSatisfy { $0[column].isEmpty })
        }
    }

    @Test func threeWavesShowTheEffectWaveByWaveWithThePreTrendTest() async throws {
        try await withTestApp { app in
            // A second pre-programme wave: the baseline's answers under other weights (synthetic).
            let baseline = try await WaveRepository(database: app.db).load(slug: Self.waves[0])
            let weights = baseline.weights.enumerated().map { $1 * (1 + 0.5 * sin(Double($0))) }
            let second = StoredWave(
                slug: "2018-z-syntetisk", title: "Andre grunnlagsbølge (\(SyntheticLabel.marker))", shortTitle: "2018b",
                structureDate: baseline.structureDate, dataset: baseline.dataset, weights: weights)
            _ = try await WaveRepository(database: app.db).insert(second, status: .published)
            let html = try await app.get(
                "/evaluering?bolge=\(Self.waves[0])&bolge=\(Self.waves[1])&bolge=2018-z-syntetisk&sammenligning=others"
            ).body.string
            for id in ["h1", "h2", "h3"] { #expect(html.contains("<figure id=\"event-\(id)\""), "\(id)") }
            #expect(html.contains("effekt per bølge mot 2018-z-syntetisk, deltakere mot alle andre kommuner"))
            #expect(html.contains("Forhåndstrendtest (alle effekter før 2018-z-syntetisk er null): F = "))
            #expect(html.contains("href=\"#hendelsesstudie\""))
        }
    }

    @Test func aBadChoiceIsAFourHundredAtItsField() async throws {
        try await withSharedTestApp { app in
            let unknown = try await app.get("/evaluering?bolge=finnes-ikke&bolge=\(Self.waves[0])")
            #expect(unknown.status == .badRequest)
            #expect(unknown.body.string.contains("href=\"#field-bolge\""))
            #expect(unknown.body.string.contains("finnes-ikke"))
            let one = try await app.get("/evaluering?bolge=\(Self.waves[0])")
            #expect(one.status == .badRequest && one.body.string.contains("minst to bølger"))
            let group = try await app.get("/evaluering?sammenligning=alle")
            #expect(group.status == .badRequest && group.body.string.contains("aria-invalid=\"true\""))
            let api = try await app.get("/api/v1/evaluations?sammenligning=alle")
            #expect(api.status == .badRequest && api.headers.contentType?.subType == "problem+json")
            // The default is every visible wave and the rejected applicants; the menu links the page.
            let page = try await app.get("/evaluering")
            #expect(page.status == .ok && page.body.string.contains("aria-current=\"page\""))
            #expect(try await app.get("/barometer").body.string.contains("href=\"/evaluering\""))
        }
    }

    /// The text of every `<tag …>…</tag>` in `html`.
    static func elements(_ html: String, tag: String) -> [String] {
        html.components(separatedBy: "<\(tag)").dropFirst().compactMap { part in
            guard let end = part.range(of: "</\(tag)>") else { return nil }
            return String(part[..<end.lowerBound])
        }
    }

    /// The row of `table` whose row header is `header`.
    static func tableRow(_ html: String, table: String, header: String) -> String? {
        guard let start = html.range(of: "<table id=\"\(table)\"") else { return nil }
        let rest = html[start.upperBound...]
        let body = rest[..<(rest.range(of: "</table>")?.lowerBound ?? rest.endIndex)]
        return elements(String(body), tag: "tr").first {
            $0.contains("<th scope=\"row\">\(Markup.escape(header))</th>")
        }
    }
}
