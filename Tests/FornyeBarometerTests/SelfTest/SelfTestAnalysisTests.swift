import FornyeStatistics
import Testing

@testable import FornyeBarometer

/// The self-test's comparison on the synthetic 2018 wave: peer groups and widening, percentiles
/// against the engine's quantiles, and disclosure control.
@Suite struct SelfTestAnalysisTests {
    static let wave = Result { try SyntheticBarometer.baseline2018() }

    static func analysis(rules: DisclosureRules = .init()) throws -> SelfTestAnalysis {
        let wave = try Self.wave.get()
        return try SelfTestAnalysis(
            instrument: try Instrument.innovasjonsbarometer2018, dataset: wave.dataset, design: wave.design,
            rules: rules)
    }

    static func oslo() throws -> Municipality {
        try MunicipalityRegister.bundled().municipality(number: "0301", on: try wave.get().structureDate)
    }

    static let innovator: AnswerSet = [
        "innovated_service": .code(1), "innovated_product": .code(2), "innovated_organisation": .code(2),
        "innovated_communication": .code(2), "newest_type": .codes([1, 3]), "trigger": .codes([2, 11]),
        "financing": .codes([1]),
        "results": .codes([1, 2]), "partners": .codes([6]), "spread": .code(1),
        "factor_leadership": .code(5), "factor_time": .code(1), "factor_competence": .code(3),
    ]

    @Test func peerGroupHoldsTheProfilesCodes() throws {
        let analysis = try Self.analysis()
        let profile = SelfTestProfile(sector: 2, unitType: 5, municipality: try Self.oslo())
        let group = try analysis.peerGroup(profile, scope: .unitType)
        let sector = try analysis.dataset.codes(of: "sector")
        let unitType = try analysis.dataset.codes(of: "unit_type")
        let expected = (0..<analysis.dataset.rowCount).map { sector[$0] == 2 && unitType[$0] == 5 }
        #expect(group.scope == .unitType && !group.widened)
        #expect(group.rows == expected)
        #expect(group.count == expected.count(where: { $0 }))
        #expect(group.count >= 10)
    }

    @Test func smallGroupsWidenAndSayWhy() throws {
        let analysis = try Self.analysis()
        // Oslo's centrality and size class for a kindergarten: find the similar group's size, and
        // ask for a minimum above it so the group must widen.
        let profile = SelfTestProfile(sector: 2, unitType: 4, municipality: try Self.oslo())
        let similar = try analysis.peerGroup(profile, scope: .similar)
        let widened = try PeerGroup.select(
            .similar, profile: profile, in: analysis.dataset, minimumCount: similar.count + 1)
        #expect(widened.scope == .unitType)
        #expect(widened.passedOver.map(\.scope) == [.similar])
        #expect(widened.passedOver.first?.count == similar.count)
        #expect(widened.count > similar.count)
        // Without a municipality "similar" cannot be formed at all.
        let unplaced = try analysis.peerGroup(SelfTestProfile(sector: 2, unitType: 4), scope: .similar)
        #expect(unplaced.scope == .unitType)
        #expect(unplaced.passedOver.first?.count == nil)
    }

    @Test func percentileAgreesWithTheQuantiles() throws {
        let analysis = try Self.analysis()
        let profile = SelfTestProfile(sector: 1, unitType: 1, municipality: try Self.oslo())
        let result = try analysis.result(
            Self.innovator, profile: profile, scope: .unitType, waveTitle: "t", synthetic: true)
        let group = try analysis.peerGroup(profile, scope: .unitType)
        #expect(result.factors.map(\.question) == ["factor_leadership", "factor_competence", "factor_time"])
        for factor in result.factors {
            let values = try analysis.dataset.measurements(of: factor.question).map { value in
                !value.isNaN && (1...5).contains(Int(value)) ? value : .nan
            }
            let answered = (0..<values.count).map { group.rows[$0] && !values[$0].isNaN }
            let quartiles = try Quantiles.estimate(
                [0.25, 0.5, 0.75], of: values, in: answered, design: analysis.design)
            #expect(factor.quartiles == quartiles)
            let rank = try #require(factor.percentileRank)
            let distribution = try QuantileDistribution(
                values: values, weights: analysis.design.weights, rows: answered)
            // The rank maps back to the answer through the same quantile rule (when peers gave it).
            if distribution.sortedValues.contains(Double(factor.answer)) {
                #expect(distribution.quantile(rank) == Double(factor.answer))
            }
            #expect(
                (rank < 0.5) == (Double(factor.answer) < quartiles[1].estimate)
                    || Double(factor.answer) == quartiles[1].estimate)
        }
        // The lowest answer sits below the median, the highest above it.
        let leadership = try #require(result.factors.first { $0.question == "factor_leadership" })
        let time = try #require(result.factors.first { $0.question == "factor_time" })
        #expect(try #require(leadership.percentileRank) > 0.5)
        #expect(try #require(time.percentileRank) < 0.5)
    }

    @Test func optionsCarryPeerAndNationalSharesFromTheEngine() throws {
        let analysis = try Self.analysis()
        let profile = SelfTestProfile(sector: 1, unitType: 1)
        let result = try analysis.result(
            Self.innovator, profile: profile, scope: .unitType, waveTitle: "t", synthetic: true)
        let group = try analysis.peerGroup(profile, scope: .unitType)
        let peers = try Estimator(dataset: analysis.dataset.restricted(to: group.rows), design: analysis.design)
            .shares(of: "innovated")
        let row = try #require(result.options.first { $0.question == "innovated" })
        #expect(row.chosen && row.code == 1)
        let cell = try #require(peers.cells.first { $0.category?.code == 1 })
        #expect(row.peers?.estimate == cell.estimate)
        #expect(row.national != nil)
        // A multiple choice lists every option, chosen or not.
        #expect(result.options.filter { $0.question == "trigger" }.count == 14)
        #expect(result.options.filter { $0.question == "trigger" && $0.chosen }.map(\.code) == [2, 11])
    }

    @Test func suppressedCellsAndSmallFactorBasesAreWithheld() throws {
        // Rules that withhold every cell under 100 000 respondents: nothing may show.
        let analysis = try Self.analysis(rules: DisclosureRules(minimumCellCount: 100_000, minimumBaseCount: 100_000))
        let profile = SelfTestProfile(sector: 1, unitType: 1, municipality: try Self.oslo())
        let result = try analysis.result(
            Self.innovator, profile: profile, scope: .similar, waveTitle: "t", synthetic: true)
        #expect(result.scope == .national)
        #expect(result.options.allSatisfy { $0.peers == nil && $0.national == nil })
        #expect(result.factors.allSatisfy { $0.percentileRank == nil && $0.quartiles.isEmpty })
    }

    @Test func noInnovationComparesOnlyTheAnswersGiven() throws {
        let analysis = try Self.analysis()
        let answers: AnswerSet = [
            "innovated_service": .code(2), "innovated_product": .code(2), "innovated_organisation": .code(2),
            "innovated_communication": .code(2), "development_underway": .code(1),
            // Routed past for a unit without innovation: never compared.
            "factor_time": .code(1), "trigger": .codes([1]),
        ]
        let result = try analysis.result(
            answers, profile: SelfTestProfile(sector: 2, unitType: 4), scope: .unitType, waveTitle: "t", synthetic: true
        )
        #expect(
            Set(result.options.map(\.question)) == [
                "innovated_service", "innovated_product", "innovated_organisation", "innovated_communication",
                "innovated", "development_underway",
            ])
        #expect(result.options.first { $0.question == "innovated" }?.code == 2)
        #expect(result.factors.isEmpty)
    }
}
