import FornyeBarometer
import FornyeStatistics
import Testing

/// The made-up 2020 wave: the 2020 municipal structure, labelled synthetic, comparable with the
/// baseline, with plausible changes in some indicators.
@Suite("Synthetic follow-up wave 2020")
struct FollowUpWaveTests {
    static func estimators() throws -> (baseline: Estimator, followUp: Estimator) {
        let followUp = try SyntheticFixture.followUp.get().dataset
        return (
            try SyntheticFixture.estimator(seed: SyntheticBarometer.defaultSeed),
            Estimator(dataset: followUp, design: try SurveyDesign(rowCount: followUp.rowCount))
        )
    }

    @Test("dated 2020, labelled synthetic, on the baseline's variables")
    func labelled() throws {
        let wave = try SyntheticFixture.followUp.get()
        let baseline = try SyntheticFixture.baseline(seed: SyntheticBarometer.defaultSeed)
        #expect(wave.structureDate == .newYear(2020))
        #expect(wave.dataset.codebook.synthetic)
        #expect(wave.dataset.codebook.title?.contains("SYNTETISKE DATA") == true)
        #expect(wave.dataset.codebook.title?.contains("2020") == true)
        #expect(wave.dataset.codebook.variables.map(\.name) == baseline.dataset.codebook.variables.map(\.name))
        #expect(wave.unfilledVariables.isEmpty)
        #expect(wave.rakingReport.converged)
    }

    @Test("every kommunenummer is valid on 2020-01-01 with the register's county, centrality and size")
    func municipalities() throws {
        let dataset = try SyntheticFixture.followUp.get().dataset
        guard case .texts(let numbers) = try dataset.column(named: "kommunenummer") else {
            Issue.record("kommunenummer is not text")
            return
        }
        let found = try SyntheticFixture.register.get().municipalities(kommunenummer: numbers, on: .newYear(2020))
        let county = try dataset.codes(of: "county")
        let centrality = try dataset.codes(of: "centrality")
        let size = try dataset.codes(of: "population_size")
        for row in 0..<dataset.rowCount {
            guard let municipality = found[row] else { continue }
            #expect(Int(county[row]) == municipality.countyCode, "row \(row + 1)")
            #expect(Int(centrality[row]) == municipality.centrality, "row \(row + 1)")
            #expect(Int(size[row]) == municipality.populationSizeClass, "row \(row + 1)")
        }
        #expect(Set(county.map { Int($0) }).count == 11, "the eleven counties of 2020")
    }

    @Test("the baseline's municipalities map into the 2020 structure the follow-up uses")
    func comparableStructures() throws {
        let register = try SyntheticFixture.register.get()
        let baseline = try SyntheticFixture.baseline(seed: SyntheticBarometer.defaultSeed).dataset
        guard case .texts(let numbers) = try baseline.column(named: "kommunenummer") else {
            Issue.record("kommunenummer is not text")
            return
        }
        let valid2020 = Set(try register.municipalities(on: .newYear(2020)).map(\.number))
        for number in Set(numbers.compactMap { $0 }) {
            let mapped = try register.mapToStructure(number: number, from: .newYear(2018), to: .newYear(2020))
            #expect(valid2020.contains(mapped), "\(number) → \(mapped)")
        }
    }

    @Test("plausible changes: more innovation, research collaboration and spreading; money hinders more")
    func changes() throws {
        let (baseline, followUp) = try Self.estimators()
        func percent(_ estimator: Estimator, _ variable: String, code: Int) throws -> Double {
            try estimator.shares(of: variable).percent(code: code)
        }
        func partner(_ estimator: Estimator, _ code: Int) throws -> Double {
            try estimator.multipleResponse("partners", kind: .shareOfRespondents).percent(item: "partners_\(code)")
        }
        #expect(try percent(followUp, "innovated", code: 1) > percent(baseline, "innovated", code: 1) + 2)
        #expect(try partner(followUp, StatedFigures.research) > partner(baseline, StatedFigures.research) + 2)
        #expect(try percent(followUp, "spread", code: 1) > percent(baseline, "spread", code: 1) + 2)
        let hinders = { (estimator: Estimator) throws -> Double in
            let table = try estimator.shares(of: "factor_financial_resources")
            return try table.percent(code: 1) + table.percent(code: 2)
        }
        #expect(try hinders(followUp) > hinders(baseline))
        // Unchanged relations: quality still follows research collaboration.
        let dataset = try SyntheticFixture.followUp.get().dataset
        let derived = try SyntheticFixture.derived(
            dataset, breakdown: "partners_\(StatedFigures.research)", sets: ["results"])
        let results = try SyntheticFixture.estimator(on: derived).multipleResponse(
            "results", kind: .shareOfRespondents, by: ["type"])
        #expect(
            try results.percent(item: "results_1", domain: [1]) > results.percent(item: "results_1", domain: [2]) + 10)
    }
}
