import FornyeBarometer
import FornyeStatistics
import Testing

/// Every figure and table of the 2018 report that comes from the barometer, reproduced by the
/// synthetic baseline (expected numbers in `StatedFigures`, computed with the `Estimator`).
@Suite("Synthetic baseline reproduces the 2018 report")
struct BaselineFiguresTests {
    typealias F = StatedFigures

    @Test("Tab V-0-1: respondents by sector", arguments: SyntheticFixture.seeds)
    func sector(seed: UInt64) throws {
        let table = try SyntheticFixture.estimator(seed: seed).shares(of: "sector")
        for (code, count) in F.sector {
            let cell = try table.cell(code: code)
            #expect(cell.cellCount == count && cell.baseCount == F.respondents, "sector \(code)")
        }
    }

    @Test("Tab V-0-2: respondents by landsdel", arguments: SyntheticFixture.seeds)
    func landsdel(seed: UInt64) throws {
        let table = try SyntheticFixture.estimator(seed: seed).shares(of: "landsdel")
        for (code, count) in F.landsdel {
            let cell = try table.cell(code: code)
            #expect(cell.cellCount == count && cell.baseCount == F.respondents, "landsdel \(code)")
        }
    }

    @Test("Tab V-0-3: respondents by unit type", arguments: SyntheticFixture.seeds)
    func unitType(seed: UInt64) throws {
        let table = try SyntheticFixture.estimator(seed: seed).shares(of: "unit_type")
        for (code, count) in F.unitType {
            let cell = try table.cell(code: code)
            #expect(cell.cellCount == count && cell.baseCount == F.respondents, "unit type \(code)")
        }
    }

    @Test(
        "Tab V-0-4: respondents by municipal population, 1667 with a known municipality",
        arguments: SyntheticFixture.seeds)
    func populationSize(seed: UInt64) throws {
        let table = try SyntheticFixture.estimator(seed: seed).shares(of: "population_size")
        for (code, count) in F.populationSize {
            let cell = try table.cell(code: code)
            #expect(cell.cellCount == count && cell.baseCount == F.populationSizeBase, "size class \(code)")
        }
    }

    @Test("Fig 4-1: 74 % took an innovation into use, N = 1786", arguments: SyntheticFixture.seeds)
    func innovated(seed: UInt64) throws {
        let cell = try SyntheticFixture.estimator(seed: seed).shares(of: "innovated").cell(code: 1)
        #expect(cell.baseCount == F.respondents)
        expectStated(cell.estimate * 100, F.innovatedYes, "innovated")
    }

    @Test("Fig 4-2: type of the newest innovation, N = 1313", arguments: SyntheticFixture.seeds)
    func newestType(seed: UInt64) throws {
        let table = try SyntheticFixture.estimator(seed: seed).multipleResponse(
            "newest_type", kind: .shareOfRespondents)
        for (code, stated) in F.newestType {
            let cell = try table.cell(item: "newest_type_\(code)")
            #expect(cell.baseCount == F.newestTypeBase)
            expectStated(cell.estimate * 100, stated, "newest type \(code)")
        }
    }

    @Test(
        "Fig 4-3: innovation by county, Hordaland lowest, Vest-Agder and Oppland highest",
        arguments: SyntheticFixture.seeds)
    func counties(seed: UInt64) throws {
        let table = try SyntheticFixture.estimator(seed: seed).shares(of: "innovated", by: ["county"])
        let yes = Dictionary(
            uniqueKeysWithValues: table.cells.filter { $0.category?.code == 1 }.map {
                ($0.domain[0].code, $0.estimate * 100)
            })
        for (county, stated) in F.countyShares { expectStated(yes[county] ?? .nan, stated, "county \(county)") }
        for county in F.countiesAbove80 { #expect(yes[county] ?? 0 > 80, "county \(county) above 80 %") }
        let ranked = yes.sorted { $0.value > $1.value }.map(\.key)
        #expect(Set(ranked.prefix(2)) == Set(F.countiesAbove80), "the two highest: \(ranked.prefix(2))")
        #expect(Array(ranked[2...3]) == [F.hedmark, F.sognOgFjordane], "Hedmark and Sogn og Fjordane follow")
        #expect(ranked.last == F.hordaland, "Hordaland lowest")
    }

    @Test("Fig 4-4: innovation by centrality, a peak in small city regions", arguments: SyntheticFixture.seeds)
    func centrality(seed: UInt64) throws {
        let table = try SyntheticFixture.estimator(seed: seed).shares(of: "innovated", by: ["centrality"])
        for (level, stated) in F.centralityShares {
            expectStated(try table.percent(code: 1, domain: [level]), stated, "centrality \(level)")
        }
        let peak = try table.percent(code: 1, domain: [F.centralityPeak])
        for level in 1...6 where level != F.centralityPeak {
            #expect(try table.percent(code: 1, domain: [level]) < peak, "centrality \(level) below the peak")
        }
        let after = try F.centralityAfterPeak.map { try table.percent(code: 1, domain: [$0]) }
        #expect(after == after.sorted(by: >), "lower again after the peak: \(after)")
    }

    @Test("Tab 4-1: the five most frequent triggers with their counts", arguments: SyntheticFixture.seeds)
    func triggers(seed: UInt64) throws {
        let table = try SyntheticFixture.estimator(seed: seed).multipleResponse("trigger", kind: .shareOfRespondents)
        for (code, count) in F.triggerCounts {
            let cell = try table.cell(item: "trigger_\(code)")
            #expect(cell.cellCount == count, "trigger \(code)")
            expectStated(cell.estimate * 100, F.triggerShares[code]!, "trigger \(code)")
        }
        let topFive = table.cells.sorted { $0.cellCount > $1.cellCount }.prefix(5).compactMap(\.category?.item)
        #expect(Set(topFive) == Set(F.triggerCounts.keys.map { "trigger_\($0)" }))
    }

    @Test(
        "Fig 4-5: financing, N = 1315, shares of answers; over 60 % own budget only", arguments: SyntheticFixture.seeds)
    func financing(seed: UInt64) throws {
        let estimator = try SyntheticFixture.estimator(seed: seed)
        let answers = try estimator.multipleResponse("financing", kind: .shareOfResponses)
        #expect(try answers.cell(item: "financing_1").baseCount == F.financingBase)
        for (code, stated) in F.financingShareOfAnswers {
            expectStated(try answers.percent(item: "financing_\(code)"), stated, "financing \(code)")
        }
        #expect(try answers.percent(item: "financing_1") > F.ownBudgetOnlyAbove, "own budget above 60 % of answers")
        let ownOnly = try ownBudgetOnly(try SyntheticFixture.baseline(seed: seed).dataset)
        let cell = try SyntheticFixture.estimator(on: ownOnly).shares(of: "own_only").cell(code: 1)
        #expect(cell.baseCount == F.financingBase)
        #expect(cell.estimate * 100 > F.ownBudgetOnlyAbove, "own budget only: \(cell.estimate)")
    }

    /// "Own budget only" as a variable: 1 when own budget is the only source ticked.
    private func ownBudgetOnly(_ dataset: Dataset) throws -> Dataset {
        let set = try #require(dataset.codebook.multipleResponseSet(named: "financing"))
        let items = try set.items.map { try dataset.codes(of: $0) }
        let codes = (0..<dataset.rowCount).map { row -> Int32 in
            guard items[0][row] != Column.systemMissing else { return Column.systemMissing }
            return items[0][row] == 1 && items.dropFirst().allSatisfy { $0[row] == 0 } ? 1 : 2
        }
        let variable = Variable(
            name: "own_only", label: "Kun egne budsjetter", kind: .singleChoice,
            valueLabels: [ValueLabel(code: 1, label: "Ja"), ValueLabel(code: 2, label: "Nei")])
        return try Dataset(codebook: Codebook(variables: [variable]), columns: ["own_only": .codes(codes)])
    }

    @Test("Fig 4-6: results, N = 1264; quality 35 points above efficiency", arguments: SyntheticFixture.seeds)
    func results(seed: UInt64) throws {
        let table = try SyntheticFixture.estimator(seed: seed).multipleResponse("results", kind: .shareOfRespondents)
        for (code, stated) in F.results {
            let cell = try table.cell(item: "results_\(code)")
            #expect(cell.baseCount == F.resultsBase)
            expectStated(cell.estimate * 100, stated, "result \(code)")
        }
        let gap = try table.percent(item: "results_1") - table.percent(item: "results_2")
        expectStated(gap, F.qualityMinusEfficiency, "quality minus efficiency")
    }

    @Test("Tab 4-2: results by type, shares of answers", arguments: SyntheticFixture.seeds)
    func resultsByType(seed: UInt64) throws {
        let dataset = try SyntheticFixture.baseline(seed: seed).dataset
        for type in [F.product, F.communication] {
            let derived = try SyntheticFixture.derived(dataset, breakdown: "newest_type_\(type)", sets: ["results"])
            let table = try SyntheticFixture.estimator(on: derived).multipleResponse(
                "results", kind: .shareOfResponses, by: ["type"])
            expectStated(
                try table.percent(item: "results_4", domain: [1]), F.insightByType[type]!, "insight, type \(type)")
            expectStated(
                try table.percent(item: "results_1", domain: [1]), F.qualityByType[type]!, "quality, type \(type)")
        }
        let overall = try SyntheticFixture.estimator(seed: seed).multipleResponse("results", kind: .shareOfResponses)
        #expect(try overall.cell(item: "results_1").baseCount == F.resultsBase)
    }

    @Test("Results by centrality: efficiency and satisfaction as shares of answers", arguments: SyntheticFixture.seeds)
    func resultsByCentrality(seed: UInt64) throws {
        let table = try SyntheticFixture.estimator(seed: seed).multipleResponse(
            "results", kind: .shareOfResponses, by: ["centrality"])
        for (level, stated) in F.efficiencyByCentrality {
            expectStated(
                try table.percent(item: "results_2", domain: [level]), stated, "efficiency, centrality \(level)")
        }
        for (level, stated) in F.satisfactionByCentrality {
            expectStated(
                try table.percent(item: "results_3", domain: [level]), stated, "satisfaction, centrality \(level)")
        }
    }

    @Test("Fig 4-7: collaboration partners, N = 1273", arguments: SyntheticFixture.seeds)
    func partners(seed: UInt64) throws {
        let table = try SyntheticFixture.estimator(seed: seed).multipleResponse("partners", kind: .shareOfRespondents)
        #expect(try table.cell(item: "partners_1").baseCount == F.partnersBase)
        #expect(try table.percent(item: "partners_\(F.ownUnitsMajority)") > 50, "other units in own municipality")
        for (code, stated) in F.partners {
            expectStated(try table.percent(item: "partners_\(code)"), stated, "partner \(code)")
        }
    }

    @Test("Fig 4-8: results by research collaboration", arguments: SyntheticFixture.seeds)
    func resultsByResearch(seed: UInt64) throws {
        let dataset = try SyntheticFixture.baseline(seed: seed).dataset
        let derived = try SyntheticFixture.derived(dataset, breakdown: "partners_\(F.research)", sets: ["results"])
        let table = try SyntheticFixture.estimator(on: derived).multipleResponse(
            "results", kind: .shareOfRespondents, by: ["type"])
        let with = try table.percent(item: "results_1", domain: [1])
        let without = try table.percent(item: "results_1", domain: [2])
        expectStated(with, F.qualityWithResearch, "quality with research")
        expectStated(without, F.qualityWithoutResearch, "quality without research")
        expectStated(with - without, F.researchQualityGap, "research quality gap")
        #expect(try table.percent(item: "results_3", domain: [1]) > table.percent(item: "results_3", domain: [2]))
        #expect(try table.percent(item: "results_2", domain: [1]) < table.percent(item: "results_2", domain: [2]))
    }

    @Test("Fig 4-10: 44 % spread actively, N = 1247, many 'ikke relevant'", arguments: SyntheticFixture.seeds)
    func spread(seed: UInt64) throws {
        let table = try SyntheticFixture.estimator(seed: seed).shares(of: "spread")
        let yes = try table.cell(code: 1)
        #expect(yes.baseCount == F.spreadBase)
        expectStated(yes.estimate * 100, F.spreadYes, "spread yes")
        #expect(try table.percent(code: 3) > 2 * F.denmarkNotRelevant, "'ikke relevant' far above Denmark's 7 %")
    }

    @Test("Fig 5-1: promoting and hindering factors, N = 1312", arguments: SyntheticFixture.seeds)
    func factors(seed: UInt64) throws {
        let estimator = try SyntheticFixture.estimator(seed: seed)
        let wave = try SyntheticFixture.baseline(seed: seed)
        let names = wave.dataset.codebook.variables.map(\.name).filter { $0.hasPrefix("factor_") }
        // Shares of everyone who answered the grid, "vet ikke" and "ikke relevant" included.
        let all = Estimator(
            dataset: wave.dataset, design: try SurveyDesign(rowCount: wave.dataset.rowCount),
            options: EstimationOptions(missing: MissingPolicy(includeDontKnow: true, includeNotApplicable: true)))
        var promoting: [String: Double] = [:]
        var hindering: [String: Double] = [:]
        for name in names {
            let table = try all.shares(of: name)
            #expect(try table.cell(code: 1).baseCount == F.factorsBase, "\(name)")
            promoting[name] = try table.percent(code: 4) + table.percent(code: 5)
            hindering[name] = try table.percent(code: 1) + table.percent(code: 2)
        }
        let large = try estimator.shares(of: "factor_employee_participation").cell(code: 5)
        #expect(large.cellCount == F.employeeParticipationLarge && large.baseCount == F.employeeParticipationBase)
        let topTwo = promoting.sorted { $0.value > $1.value }.prefix(2).map(\.key)
        #expect(topTwo == F.mostPromoting, "most promoting: \(topTwo)")
        #expect(hindering.max { $0.value < $1.value }?.key == F.mostHindering)
        expectStated(hindering[F.mostHindering]!, F.financialHindering, "financial resources hindering")
        for name in F.justUnderTen {
            #expect((9.0..<10.0).contains(hindering[name]!), "\(name) just under 10 %: \(hindering[name]!)")
        }
        expectStated(hindering[F.handlingMistakes]!, F.handlingMistakesHindering, "handling of mistakes hindering")
    }
}
