import FornyeReport
import Testing
import VaporTesting

@testable import FornyeWeb

/// Issue 20, item 18: on an English results page the translated figures are English and not
/// marked Norwegian, so the bokmål scan reads them without exemption; the bokmål page is unchanged.
@Suite struct EnglishFiguresTests {
    /// The figures written in both languages so far (the others still carry `lang="nb"`).
    static let translated = [
        "fig-4-1", "fig-4-2", "fig-4-3", "fig-4-4", "tab-4-1", "fig-4-5", "fig-4-6", "tab-4-2", "res-sentralitet",
        "fig-4-7", "fig-4-8", "fig-4-10", "fig-5-1",
        "tab-v-0-1", "tab-v-0-2", "tab-v-0-3", "tab-v-0-4",
    ]

    /// The `<figure>` element with this id, as the page has it.
    static func figure(_ id: String, in html: String) throws -> String {
        let start = try #require(html.range(of: "<figure id=\"\(id)\""), "\(id) is missing")
        let end = try #require(html.range(of: "</figure>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func anEnglishResultsPageHasEnglishFigureTablesAndCharts() async throws {
        try await withSharedTestApp { app in
            let english = try await app.get(BarometerPageTests.wavePath + "?lang=en").body.string
            let text = try BokmalText(names: EnglishPagesTests.names(app))
            for id in Self.translated {
                let figure = try Self.figure(id, in: english)
                #expect(!figure.contains("lang=\"nb\""), "\(id) is still marked bokmål")
                let findings = text.findings(in: figure)
                #expect(findings.isEmpty, "\(id): \(findings.joined(separator: "; "))")
            }
            let first = try Self.figure("fig-4-1", in: english)
            // "95 % CI" with the report's non-breaking spaces.
            let interval = ">\(Captions.intervalName(0.95, english: true))</th>"
            for header in ["<th scope=\"col\">Answer</th>", ">Share</th>", interval, ">Answers</th>"] {
                #expect(first.contains(header), "fig-4-1 lacks \(header)")
            }
            #expect(first.contains("Share that have taken an innovation into use in the last two years</title>"))
            #expect(first.contains(">Yes</th>") && first.contains(">No</th>"))
            #expect(try Self.figure("fig-4-3", in: english).contains(">Base (N)</th>"))

            let bokmål = try await app.get(BarometerPageTests.wavePath).body.string
            let figur = try Self.figure("fig-4-1", in: bokmål)
            for header in [">Andel</th>", ">\(Captions.intervalName(0.95))</th>", ">Antall svar</th>", ">Ja</th>"] {
                #expect(figur.contains(header), "the bokmål fig-4-1 lacks \(header)")
            }
        }
    }
}
