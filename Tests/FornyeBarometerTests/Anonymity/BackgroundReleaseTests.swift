import FornyeStatistics
import Testing

@testable import FornyeBarometer

@Suite struct BackgroundReleaseTests {
    let register: MunicipalityRegister
    let day = CalendarDay("2026-03-01")!

    init() throws { register = try MunicipalityRegister.bundled() }

    func unit(_ number: String?, _ sector: Int, _ unitType: Int) throws -> FrameBackground {
        try FrameBackground(kommunenummer: number, sector: sector, unitType: unitType, register: register, on: day)
    }

    @Test func aFrameOfIdenticalUnitsKeepsEverything() throws {
        let frame = try (0..<5).map { _ in try unit("0301", 1, 1) }
        let release = try #require(BackgroundRelease.choose(for: frame, minimumGroup: 5))
        #expect(release.geography == .countyAndClasses && release.unit == .sectorAndUnitType)
        #expect(release.variableNames == BackgroundRelease.allVariables)
        #expect(
            release.values(of: frame[0]) == [
                "county": 3, "landsdel": frame[0].municipality!.landsdel,
                "centrality": frame[0].municipality!.centrality,
                "population_size": frame[0].municipality!.populationSizeClass!,
                "sector": 1, "unit_type": 1,
            ])
    }

    @Test func fewerUnitsThanTheThresholdCannotBeAnonymous() throws {
        let frame = try (0..<4).map { _ in try unit("0301", 1, 1) }
        #expect(BackgroundRelease.choose(for: frame, minimumGroup: 5) == nil)
        #expect(BackgroundRelease.choose(for: [], minimumGroup: 1) == nil)
    }

    /// Seven units, as in the wave where every response matched one unit: no level that keeps a
    /// combination of fewer than five survives, and the one chosen keeps every group at five or more.
    @Test func aSmallMixedFrameIsCoarsenedUntilEveryGroupHasFive() throws {
        let frame = try [
            unit("0301", 1, 1), unit("0301", 2, 5), unit("4601", 2, 5), unit("4601", 2, 4), unit("5001", 2, 5),
            unit("1103", 2, 5), unit(nil, 2, 6),
        ]
        let release = try #require(BackgroundRelease.choose(for: frame, minimumGroup: 5))
        #expect(release.smallestGroup(in: frame) >= 5)
        // Every more informative level in the preference order has a group below five.
        for (geography, detail) in BackgroundRelease.preference {
            let candidate = BackgroundRelease(geography: geography, unit: detail, minimumGroup: 5)
            if candidate == release { break }
            #expect(candidate.smallestGroup(in: frame) < 5, "\(candidate) would have been chosen")
        }
        #expect(release.variableNames.count <= 1)
    }

    @Test func sectorAloneSurvivesWhenItsGroupsAreLarge() throws {
        let frame =
            try (0..<5).map { try unit(["0301", "4601", "5001", "1103", "1806"][$0], 2, 5) }
            + (0..<5).map { try unit(["0301", "4601", "5001", "1103", "1806"][$0], 1, 1) }
        let release = try #require(BackgroundRelease.choose(for: frame, minimumGroup: 5))
        #expect(release.variableNames == ["sector", "unit_type"])
    }

    @Test func closingOnlyCoarsens() throws {
        let frame = try (0..<6).map { _ in try unit("0301", 1, 1) }
        let open = try #require(BackgroundRelease.choose(for: frame, minimumGroup: 5))
        let within = BackgroundRelease(geography: .landsdel, unit: .sector, minimumGroup: 5)
        let closed = try #require(BackgroundRelease.choose(for: frame, minimumGroup: 5, within: within))
        #expect(closed.isCoarser(orEqualTo: within))
        #expect(closed.variableNames == ["landsdel", "sector"])
        #expect(open.isCoarser(orEqualTo: open))
        #expect(!open.isCoarser(orEqualTo: within))
    }

    @Test func theCodebookReplacesTheFramesQuestionsWithTheRelease() throws {
        let instrument = try Instrument.innovasjonsbarometer2018
        let release = BackgroundRelease(geography: .county, unit: .sector, minimumGroup: 5)
        let codebook = release.codebook(
            from: instrument.codebook(), counties: try BackgroundRelease.counties(in: register, on: day))
        let names = codebook.variables.map(\.name)
        #expect(!names.contains("kommunenummer") && !names.contains("unit_type"))
        #expect(names.contains("county") && names.contains("landsdel") && names.contains("sector"))
        #expect(!names.contains("centrality"))
        #expect(codebook.variable(named: "county")?.valueLabels.contains { $0.code == 3 && $0.label == "Oslo" } == true)
        // Released geography stands where the kommunenummer stood.
        let original = instrument.codebook().variables.map(\.name)
        #expect(names.firstIndex(of: "county") == original.firstIndex(of: "kommunenummer"))
    }

    @Test func theFrameAnswersOnlyQuestionsTheInstrumentHas() throws {
        let instrument = try Instrument.innovasjonsbarometer2018
        let answers = SampleFrameQuestions.answers(kommunenummer: "0301", sector: 2, unitType: 5, in: instrument)
        #expect(answers == ["kommunenummer": .text("0301"), "sector": .code(2), "unit_type": .code(5)])
        let county = SampleFrameQuestions.answers(kommunenummer: nil, sector: 2, unitType: 6, in: instrument)
        #expect(county["kommunenummer"] == nil)
    }
}
