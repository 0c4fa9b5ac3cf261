import FornyeStatistics
import Testing

@testable import FornyeReport

@Suite("Captions around withheld shares")
struct WithheldCaptionTests {
    /// Four responses: every overall share rests on fewer answers than the small-cell rule allows.
    static let tiny = Result { try BarometerReport.build(try BarometerFixture(rows: 4, seed: 3).wave()) }

    @Test("a withheld share is never put where a number belongs in a sentence")
    func noHiddenSymbolInSentences() throws {
        let document = try Self.tiny.get()
        let captions = document.figures.map(\.caption)
        let paragraphs = document.sections.flatMap(\.paragraphs)
        for text in captions + paragraphs {
            for symbol in [CellText.suppressed, CellText.tooUncertain] {
                for follower in [" av ", " gjorde ", " samarbeidet ", " finansierte ", " svarte "] {
                    #expect(!text.contains(symbol + follower), "\(text)")
                }
            }
        }
    }

    @Test("Fig 4-1 and the hypotheses say the share is withheld and why")
    func saysWhy() throws {
        let document = try Self.tiny.get()
        let figure = try #require(document.figures.first { $0.number == "Figur 4-1" })
        #expect(
            figure.caption.hasPrefix(
                "Andelen av enhetene som har tatt i bruk minst én innovasjon de siste to årene, vises ikke (for få svar"
            ))
        // One bracket with the reason, not a second one with a hidden N.
        #expect(figure.caption.hasSuffix("publiseres)."), "\(figure.caption)")
        let summary = try #require(document.sections.flatMap(\.paragraphs).first { $0.contains("I denne bølgen: ") })
        #expect(summary.contains("H1: andelen av enhetene som har tatt i bruk minst én innovasjon"))
        let hypotheses = try #require(document.figures.first { $0.caption.hasPrefix("H1: ") })
        #expect(hypotheses.caption.hasPrefix("H1: vises ikke (for få svar til å publiseres)"))
    }

    @Test("a chart whose every value is withheld is left out, with a notice in its place (issue 20)")
    func emptyChartsAreWithheld() throws {
        let document = try Self.tiny.get()
        let withheld = document.figures.filter { $0.chartWithheld != nil }
        #expect(withheld.count >= 5, "only \(withheld.map(\.number))")
        for figure in document.figures {
            if let chart = figure.chart { #expect(chart.hasValue, "\(figure.number) draws an empty chart") }
        }
        for figure in withheld {
            #expect(figure.chart == nil)
            #expect(figure.chartWithheld?.hasPrefix("Figuren er ikke tegnet: alle tallene i den er skjult") == true)
        }
        #expect(!document.chartSVGs().keys.contains { id in withheld.contains { $0.id == id } })
        #expect(HTMLRenderer.render(document).contains("<p class=\"notice\">Figuren er ikke tegnet"))

        let english = try BarometerReport.build(
            try BarometerFixture(rows: 4, seed: 3).wave(), options: ReportOptions(language: .en))
        let notices = english.figures.compactMap(\.chartWithheld)
        #expect(notices.count == withheld.count && notices.allSatisfy { $0.hasPrefix("The chart is not drawn") })

        // Where there are numbers, the charts stay.
        let full = try BarometerReport.build(try BarometerFixture(rows: 300, seed: 5).wave())
        #expect(full.figures.allSatisfy { $0.chartWithheld == nil })
        #expect(full.figures.filter { $0.chart != nil }.count >= 10)
    }

    @Test("a shown share still reads as a number with its interval")
    func shownShare() throws {
        let cell = EstimateCell(
            domain: [], category: nil, baseCount: 500, cellCount: 350, weightedBase: 500, estimate: 0.7,
            standardError: 0.02, lower: 0.66, upper: 0.74, designEffect: nil, degreesOfFreedom: 499)
        #expect(
            CellText.sentence(cell, level: 0.95, of: "enhetene", "har tatt i bruk")
                == "70\u{00A0}% (95\u{00A0}%\u{00A0}KI 66–74) av enhetene har tatt i bruk")
    }

    @Test("the domain line names the background variable, not its question")
    func domainUsesShortNames() throws {
        let fixture = try BarometerFixture(rows: 300, seed: 5)
        let domain = try DomainFilter([.init(variable: "sector", codes: [1])], in: fixture.dataset)
        let document = try BarometerReport.build(try fixture.wave(), options: ReportOptions(domain: domain))
        let line = try #require(document.facts.first { $0.term == "Avgrensning" })
        #expect(line.value.hasPrefix("Sektor: "), "\(line.value)")
    }
}
