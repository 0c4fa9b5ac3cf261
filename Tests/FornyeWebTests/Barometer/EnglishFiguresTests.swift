import FornyeBarometer
import FornyeReport
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

/// Issue 20, item 18: on an English results page the whole report is English (title facts,
/// headings, summary, method, every figure and table) and nothing is marked Norwegian, so the
/// bokmål scan reads it without exemption; numbers take a decimal point; downloads keep the
/// language; the bokmål page is unchanged.
@Suite struct EnglishFiguresTests {
    /// Every figure and table of the baseline report.
    static let translated = [
        "ny-fig-hypoteser", "fig-4-1", "fig-4-2", "fig-4-3", "fig-4-4", "tab-4-1", "fig-4-5", "fig-4-6", "tab-4-2",
        "res-sentralitet", "fig-4-7", "fig-4-8", "ny-tab-forskningseffekt", "fig-4-10", "fig-5-1",
        "ny-tab-signifikans", "ny-tab-vekter", "ny-tab-marginer", "tab-v-0-1", "tab-v-0-2", "tab-v-0-3", "tab-v-0-4",
    ]

    /// The page between the filter form and the footer: the report itself.
    static func report(in html: String) throws -> String {
        let start = try #require(html.range(of: "<dl class=\"facts\">"), "the facts are missing")
        let end = try #require(html.range(of: "</main>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.lowerBound])
    }

    /// Visible text of a piece of HTML, tags dropped and entities decoded.
    static func text(of html: String) -> String {
        BokmalText(names: []).texts(of: html).joined(separator: "\n")
    }

    @Test func theWholeEnglishReportIsEnglishWithEnglishNumbers() async throws {
        try await withSharedTestApp { app in
            let english = try await app.get(BarometerPageTests.wavePath + "?lang=en").body.string
            let report = try Self.report(in: english)
            #expect(!report.contains("lang=\"nb\""), "the English report still marks bokmål")
            let findings = try BokmalText(names: EnglishPagesTests.names(app)).findings(in: english)
            #expect(findings.isEmpty, "bokmål on the English results page:\n\(findings.joined(separator: "\n"))")
            for heading in ["Summary", "About the data and the method", "Are the differences real?", "Weighting"] {
                #expect(report.contains(">\(heading)</h2>"), "no heading \(heading)")
            }
            for term in ["Questionnaire", "Design", "Uncertainty"] { #expect(report.contains("<dt>\(term)</dt>")) }
            // The demo wave's stored title has Fornye's English; its bokmål page keeps the stored one.
            let title = "The Innovation Barometer 2018 – synthetic baseline wave (\(SyntheticLabel.marker))"
            #expect(english.contains("<h1>\(title)</h1>"))

            // Decimal points, comma grouping, no non-breaking space between digits or before "%".
            let text = Self.text(of: report)
            let decimalComma = try Regex(#"\d,\d{1,2}(?!\d)|(?:^|[^\d])0,\d"#)
            #expect(text.firstMatch(of: decimalComma) == nil, "a decimal comma on the English page")
            #expect(!text.contains(try Regex("\\d\u{00A0}\\d")), "a space between thousands on the English page")
            #expect(!text.contains(try Regex("\\d\u{00A0}%")), "a space before % on the English page")
            #expect(text.contains(try Regex(#"Kish's design effect \d\.\d\d"#)), "no decimal point in the facts")
            #expect(text.contains(try Regex(#"\d,\d{3} answers"#)), "no English thousands in the facts")

            let bokmål = Self.text(of: try Self.report(in: try await app.get(BarometerPageTests.wavePath).body.string))
            #expect(bokmål.contains(try Regex(#"Kish' designeffekt \d,\d\d"#)), "the bokmål facts lost the comma")
            #expect(bokmål.contains(try Regex("\\d\u{00A0}\\d{3} svar")), "the bokmål facts lost the space")
            #expect(bokmål.contains("Sammendrag") && bokmål.contains("Om dataene og metoden"))
            let bokmålPage = try await app.get(BarometerPageTests.wavePath).body.string
            #expect(bokmålPage.contains("<h1>\(SyntheticBarometer.baselineTitle) (\(SyntheticLabel.marker))</h1>"))
        }
    }

    @Test func englishDownloadsKeepTheLanguageAndNameTheirColumnsInEnglish() async throws {
        try await withSharedTestApp { app in
            let english = try await app.get(BarometerPageTests.wavePath + "?lang=en").body.string
            let links = english.matches(of: try Regex(#"href="(/barometer/[^"]*/figurer/[^"]*)""#)).map {
                String($0.output[1].substring ?? "")
            }
            #expect(links.count >= 2 * Self.translated.count - 8, "only \(links.count) download links")
            for link in links { #expect(link.contains("lang=en"), "\(link) loses the language") }

            // No cookie: the link alone makes the download English.
            let csv = try await app.get(BarometerPageTests.wavePath + "/figurer/fig-4-1.csv?lang=en").body.string
            let header = try #require(csv.split(separator: "\r\n").first)
            #expect(header.hasPrefix("table,measure,variable,domain,domain_code,category,category_code,n_base"))
            #expect(header.hasSuffix(",data_source"))
            #expect(csv.contains(",Yes,1,"), "the categories are not English")
            // A derived variable's categories too (the report's own yes/no of innovated).
            let county = try await app.get(BarometerPageTests.wavePath + "/figurer/fig-4-3.csv?lang=en").body.string
            #expect(county.contains(",Yes,1,") && county.contains(",No or don't know,2,") && !county.contains(",Ja,"))
            let weights = try await app.get(BarometerPageTests.wavePath + "/figurer/ny-tab-vekter.csv?lang=en")
            #expect(weights.body.string.hasPrefix("measure,"), "the weights' columns are not English")
            #expect(weights.body.string.contains("Kish's design effect (deff)"))

            let bokmål = try await app.get(BarometerPageTests.wavePath + "/figurer/fig-4-1.csv").body.string
            #expect(bokmål.hasPrefix("tabell,maal,variabel,domene,domene_kode,kategori,kategori_kode,n_grunnlag"))
            #expect(bokmål.contains(",Ja,1,") && bokmål.split(separator: "\r\n")[0].hasSuffix(",datakilde"))
        }
    }

    @Test func numbersFollowTheBoundLanguage() {
        #expect(NorwegianFormat.count(1786) == "1\u{00A0}786")
        #expect(NorwegianFormat.number(1.256, decimals: 2) == "1,26")
        #expect(NorwegianFormat.percent(0.7412) == "74\u{00A0}%")
        #expect(NorwegianFormat.pValue(0.0001) == "p < 0,001")
        NorwegianFormat.$language.withValue(.en) {
            #expect(NorwegianFormat.count(1786) == "1,786")
            #expect(NorwegianFormat.number(-1234.5, decimals: 1) == "−1,234.5")
            #expect(NorwegianFormat.percent(0.7412) == "74%")
            #expect(NorwegianFormat.pValue(0.0001) == "p < 0.001")
            #expect(NorwegianFormat.pValueNumber(0.034) == "0.034")
            #expect(NorwegianFormat.quantity(12.5) == "12.5")
            #expect(NorwegianFormat.points(0.0004, decimals: 1) == "0.0")
            #expect(NorwegianFormat.kroner(250_000) == "NOK\u{00A0}250,000")
            #expect(Captions.intervalName(0.95, english: true) == "95%\u{00A0}CI")
        }
    }

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
            // "95% CI" with the report's non-breaking space.
            let interval =
                ">\(NorwegianFormat.$language.withValue(.en) { Captions.intervalName(0.95, english: true) })</th>"
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
