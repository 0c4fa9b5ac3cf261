import FornyeBarometer
import FornyeReport
import FornyeStorage
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `/kommuner`, `/kommuner/:nummer`, their CSV and `/api/v1/municipalities/:nummer` on the demo waves.
@Suite struct MunicipalityPageTests {
    static func profile(_ app: Application, _ number: String, query: String = "") async throws -> MunicipalityJSON {
        let response = try await app.get(Paths.apiMunicipality(number: number) + query)
        #expect(response.status == .ok, "\(number): \(response.body.string.prefix(300))")
        return try JSONDecoder().decode(MunicipalityJSON.self, from: Data(response.body.string.utf8))
    }

    @Test func aLargeCityGetsDirectEstimatesAndASmallMunicipalityLabelledModelEstimates() async throws {
        try await withSharedTestApp { app in
            let oslo = try await Self.profile(app, "0301")
            let h1 = try #require(oslo.indicators.first { $0.id == "H1" })
            #expect(h1.points.allSatisfy { $0.municipality?.method == .direct })
            #expect(h1.points.allSatisfy { ($0.municipality?.respondents ?? 0) >= 10 })
            let page = try await app.get(Paths.municipality(number: "0301"))
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("<h1>Oslo (0301)</h1>"))
            #expect(html.contains("Direkte estimat"))
            #expect(html.contains("<svg") && html.contains("<caption id=") && html.contains("scope=\"row\""))
            #expect(html.contains("Slik er tallene laget"))
            #expect(!html.contains("style=\"") && !html.contains("<script"))

            // Røst: a handful of units at most, never a bare share.
            let rost = try await Self.profile(app, "1856")
            for indicator in rost.indicators {
                for point in indicator.points {
                    let estimate = try #require(point.municipality)
                    #expect(estimate.method != .direct, "\(indicator.id): a direct share for Røst")
                    if estimate.estimate != nil {
                        #expect(estimate.method == .fayHerriot || estimate.method == .synthetic)
                    }
                }
            }
            let small = try await app.get(Paths.municipality(number: "1856"))
            #expect(small.body.string.contains("Modellestimat"))
            let english = try await app.get(Paths.municipality(number: "1856") + "?lang=en")
            #expect(english.body.string.contains("Model estimate"))
        }
    }

    @Test func numbersOnTheProfileAreWrittenTheWayEachLanguageWritesThem() async throws {
        try await withSharedTestApp { app in
            let register = try MunicipalityRegister.bundled()
            let oslo = try register.municipality(number: "0301", on: MunicipalityWaveEstimates.structure)
            let population = try #require(oslo.population)
            #expect(population > 99_999)
            for language in ReportLanguage.allCases {
                let query = language == .en ? "?lang=en" : ""
                let html = try await app.get(Paths.municipality(number: "0301") + query).body.string
                // «717 710» with a no-break space in bokmål, "717,710" in English (issue 20 item 18).
                let count = NorwegianFormat.$language.withValue(language) { NorwegianFormat.count(population) }
                #expect(count.contains(language == .en ? "," : "\u{00A0}"))
                #expect(html.contains("<dd>\(count) ("), "\(query)")
                #expect(!html.contains("\(population)"), "\(query)")
                // Shares as «42 %» with a no-break space that never wraps in bokmål, "42%" in English.
                if language == .en {
                    #expect(html.contains(try Regex("\\d%</td>")), "no English share")
                    #expect(!html.contains("\u{00A0}%</td>"), "\(query)")
                } else {
                    #expect(html.contains("\u{00A0}%</td>"), "\(query)")
                }
                #expect(!html.contains(" %</td>"), "\(query)")
            }
        }
    }

    @Test func aMergedMunicipalityShowsItsPredecessorsMarked() async throws {
        try await withSharedTestApp { app in
            let drammen = try await Self.profile(app, "3301")
            let baseline = try #require(drammen.waves.first { $0.slug == DemoContent.baselineSlug })
            #expect(Set(baseline.predecessors.map(\.number)) == ["0602", "0625", "0711"])
            let html = try await app.get(Paths.municipality(number: "3301")).body.string
            #expect(html.contains("Kommunesammenslåing") && html.contains("Nedre Eiker (0625)") && html.contains("†"))
            // An old number leads to the municipality it is now part of.
            let old = try await app.get(Paths.municipality(number: "0625"))
            #expect(old.status == .movedPermanently)
            #expect(old.headers.first(name: .location) == Paths.municipality(number: "3301"))
        }
    }

    @Test func badNumbersAndGroupsAreLocatedErrors() async throws {
        try await withSharedTestApp { app in
            #expect(try await app.get(Paths.municipality(number: "9999")).status == .notFound)
            #expect(try await app.get(Paths.apiMunicipality(number: "12")).status == .notFound)
            let group = try await app.get(Paths.apiMunicipality(number: "0301") + "?gruppe=alle")
            #expect(group.status == .badRequest)
            #expect(group.body.string.contains("gruppe"))
            #expect(try await app.get(Paths.municipalities + "?indikator=H9").status == .badRequest)
        }
    }

    @Test func peerGroupsAndRankIntervalsFollowTheChoice() async throws {
        try await withSharedTestApp { app in
            let county = try await Self.profile(app, "4601")
            #expect(county.comparison.group == "fylke")
            #expect(!county.comparison.members.isEmpty && !county.comparison.members.contains { $0.number == "4601" })
            let nearest = try await Self.profile(
                app, "4601", query: "?gruppe=naermeste&trekk=folketall&trekk=innovasjon")
            #expect(
                nearest.comparison.group == "naermeste" && nearest.comparison.members.count == PeerGroup.nearestCount)
            for row in nearest.comparison.rows {
                if let best = row.rankBest, let worst = row.rankWorst {
                    #expect(1 <= best && best <= worst && worst <= row.ranked)
                }
            }
            let html = try await app.get(Paths.municipality(number: "4601") + "?gruppe=naermeste&trekk=folketall")
                .body.string
            #expect(html.contains("value=\"folketall\" checked"))
            #expect(html.contains(" av "))
            // Colour only where significant: every coloured cell says it is significant in words.
            let coloured = html.components(separatedBy: "class=\"sig sig-").count - 1
            let said = html.components(separatedBy: "sikker endring</strong>").count - 1
            #expect(coloured == said)
        }
    }

    @Test func everyNumberIsDownloadableWithItsMethod() async throws {
        try await withSharedTestApp { app in
            let csv = try await app.get(Paths.municipalityCSV(number: "1856"))
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(separator: "\r\n")
            #expect(
                lines.first?.hasPrefix(
                    "kommunenummer,kommune,niva,omrade,indikator,bolge,metode,skjult_fordi,n,andel,se,nedre_95,ovre_95")
                    == true)
            #expect(lines.contains { $0.contains(",synthetic,") || $0.contains(",fay-herriot,") })
            // The survey numbers are synthetic; the project bank rows after them are as their projects are.
            let survey = lines.dropFirst().filter { $0.contains(",tall,") }
            #expect(!survey.isEmpty && survey.allSatisfy { $0.contains("SYNTETISKE DATA") })
            let counties = try await app.get(Paths.municipalitiesCountiesCSV + "?indikator=H2")
            #expect(counties.status == .ok && counties.body.string.contains(",H2,"))
            let list = try await app.get(Paths.municipalities)
            #expect(list.status == .ok)
            let html = list.body.string
            #expect(html.contains("<svg") && html.contains("href=\"#fylke-46\"") && html.contains("id=\"fylke-46\""))
            #expect(html.contains("href=\"/kommuner/4601\""))
        }
    }

    /// Every chart of a profile, and the county map, is a link to a standalone SVG file: well-formed
    /// XML with a title, a description holding the numbers, and the synthetic label.
    @Test func everyChartIsDownloadableAsSVG() async throws {
        try await withSharedTestApp { app in
            let html = try await app.get(Paths.municipality(number: "3301")).body.string
            for indicator in ProfileIndicator.all {
                let path = Paths.municipalityFigure(number: "3301", indicator: indicator.id)
                #expect(html.contains("href=\"\(path)\""), "\(indicator.id): no link to its SVG")
                let response = try await app.get(path)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers.contentType?.subType == "svg+xml")
                #expect(
                    response.headers.first(name: .contentDisposition)
                        == "attachment; filename=\"kommune-3301-\(indicator.id)-SYNTETISK.svg\"")
                let svg = response.body.string
                #expect(
                    svg.hasPrefix(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
                #expect(XMLParser(data: Data(svg.utf8)).parse(), "\(path) is not well-formed XML")
                #expect(
                    svg.contains(
                        "<title id=\"ind-\(indicator.id)-chart-title\">\(indicator.indicator.name) – Drammen</title>"))
                #expect(svg.contains("<desc id=") && svg.contains("Drammen") && svg.contains("SYNTETISKE DATA"))
            }
            let english = try await app.get(Paths.municipalityFigure(number: "3301", indicator: "H1") + "?lang=en")
            #expect(english.body.string.contains("H1 Innovates – Drammen"))
            // An old number leads to the chart of the municipality it is now part of; unknown charts are 404.
            let old = try await app.get(Paths.municipalityFigure(number: "0625", indicator: "H2"))
            #expect(old.status == .movedPermanently)
            #expect(old.headers.first(name: .location) == Paths.municipalityFigure(number: "3301", indicator: "H2"))
            #expect(try await app.get(Paths.municipality(number: "3301") + "/figur/H9.svg").status == .notFound)
            #expect(try await app.get(Paths.municipality(number: "3301") + "/figur/H1.png").status == .notFound)

            let list = try await app.get(Paths.municipalities + "?indikator=H2").body.string
            #expect(list.contains("href=\"\(Paths.municipalitiesMap)?indikator=H2&amp;bolge="))
            let map = try await app.get(Paths.municipalitiesMap + "?indikator=H2")
            #expect(map.status == .ok && map.headers.contentType?.subType == "svg+xml")
            let svg = map.body.string
            #expect(XMLParser(data: Data(svg.utf8)).parse(), "the map is not well-formed XML")
            #expect(svg.contains("<title id=\"fylkeskart-tittel\">H2 Sprer etter fylke"))
            #expect(svg.contains("<desc id=\"fylkeskart-beskrivelse\">") && svg.contains("Agder: "))
            #expect(svg.contains("SYNTETISKE DATA") && !svg.contains("href="))
        }
    }

    /// A reader with every profile of a county and the county page tries to recover a hidden
    /// base: county n minus the municipalities' published n. It must never isolate one municipality.
    @Test func aSuppressedCellCannotBeRecoveredFromTheProfilesAndTheCountyPage() async throws {
        try await withSharedTestApp { app in
            let store = app.municipalityStore
            let municipalities = try store.register.municipalities(on: MunicipalityWaveEstimates.structure)
            for county in ["46", "18"] {
                let members = municipalities.filter { $0.countyNumber == county }
                var profiles: [MunicipalityJSON] = []
                for member in members { profiles.append(try await Self.profile(app, member.number)) }
                for wave in [DemoContent.baselineSlug, DemoContent.followUpSlug] {
                    for indicator in ProfileIndicator.all {
                        let csv = try await app.get(
                            Paths.municipalitiesCountiesCSV + "?indikator=\(indicator.id)&bolge=\(wave)"
                        ).body.string
                        guard
                            let line = csv.split(separator: "\r\n").first(where: { $0.contains(",fylke,\(county) ") }),
                            let n = Int(line.split(separator: ",", omittingEmptySubsequences: false)[8])
                        else { continue }
                        var hidden = 0
                        var known = 0
                        for profile in profiles {
                            let point = profile.indicators.first { $0.id == indicator.id }?.points.first {
                                $0.wave == wave
                            }
                            if let respondents = point?.municipality?.respondents {
                                known += respondents
                            } else {
                                hidden += 1
                            }
                        }
                        #expect(
                            hidden != 1,
                            "\(wave) \(indicator.id) county \(county): n \(n) − \(known) isolates one municipality")
                        #expect(known <= n)
                    }
                }
            }
        }
    }

    @Test func theProfileConformsToTheOpenAPIDocument() async throws {
        try await withSharedTestApp { app in
            for number in ["0301", "1856", "3301"] {
                _ = try await APITests.conforming(
                    app, Paths.apiMunicipality(number: number), template: "/api/v1/municipalities/{nummer}")
            }
        }
    }
}
