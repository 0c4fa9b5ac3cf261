import FornyeBarometer
import FornyeStatistics
import Foundation
import Testing

/// What the baseline wave is besides the report's numbers: labelled synthetic, deterministic,
/// fast, on the instrument's codebook, routed as the questionnaire routes, with real
/// municipalities and meaningful weights.
@Suite("Synthetic baseline wave")
struct BaselineWaveTests {
    static let seed = SyntheticBarometer.defaultSeed

    @Test("the data say they are synthetic: codebook flag and title, and every table built on them")
    func labelledSynthetic() throws {
        let wave = try SyntheticFixture.baseline(seed: Self.seed)
        #expect(wave.dataset.codebook.synthetic)
        #expect(wave.dataset.codebook.title?.contains("SYNTETISKE DATA") == true)
        #expect(wave.structureDate == .newYear(2018))
        #expect(try SyntheticFixture.estimator(seed: Self.seed).shares(of: "innovated").synthetic)
        #expect(try wave.dataset.variable(named: "weight").label.contains("syntetiske"))
    }

    @Test("the same seed gives identical data, another seed other data")
    func deterministic() throws {
        let codebook = try SyntheticFixture.codebook.get()
        let frame = try SyntheticFixture.frame2018()
        let first = try SyntheticBarometer.baseline2018(codebook: codebook, frame: frame, seed: 77)
        let second = try SyntheticBarometer.baseline2018(codebook: codebook, frame: frame, seed: 77)
        let other = try SyntheticBarometer.baseline2018(codebook: codebook, frame: frame, seed: 78)
        var differing = 0
        for variable in first.dataset.codebook.variables {
            let column = try first.dataset.column(named: variable.name)
            #expect(try column == second.dataset.column(named: variable.name), "\(variable.name)")
            if try column != other.dataset.column(named: variable.name) { differing += 1 }
        }
        #expect(differing > first.dataset.codebook.variables.count / 2, "\(differing) variables differ")
    }

    @Test("the instrument's variables unchanged, plus the derived variables and the weight")
    func codebook() throws {
        let instrument = try SyntheticFixture.codebook.get()
        let wave = try SyntheticFixture.baseline(seed: Self.seed)
        let generated = wave.dataset.codebook
        for variable in instrument.variables { #expect(generated.variable(named: variable.name) == variable) }
        #expect(generated.multipleResponseSets == instrument.multipleResponseSets)
        let added = generated.variables.map(\.name).filter { instrument.variable(named: $0) == nil }
        #expect(added == ["county", "landsdel", "centrality", "population_size", "weight"])
        #expect(wave.unfilledVariables.isEmpty, "left empty: \(wave.unfilledVariables)")
        #expect(wave.dataset.rowCount == StatedFigures.respondents)
    }

    @Test("innovated follows the instrument's calculation from the four type items")
    func innovatedCalculation() throws {
        let dataset = try SyntheticFixture.baseline(seed: Self.seed).dataset
        let innovated = try dataset.codes(of: "innovated")
        let types = try ["service", "product", "organisation", "communication"].map {
            try dataset.codes(of: "innovated_\($0)")
        }
        for row in 0..<dataset.rowCount {
            let answers = types.map { $0[row] }
            let expected: Int32 = answers.contains(1) ? 1 : answers.allSatisfy { $0 == 2 } ? 2 : 8
            #expect(innovated[row] == expected, "row \(row + 1)")
        }
    }

    @Test("routing: the newest-innovation and factor questions only for innovators, development only for the others")
    func routing() throws {
        let dataset = try SyntheticFixture.baseline(seed: Self.seed).dataset
        let innovated = try dataset.codes(of: "innovated")
        // Coded variables only: the «Annet» texts (trigger_other, …) are empty in synthetic data.
        let routed = dataset.codebook.variables.filter { $0.kind != .text }.map(\.name).filter { name in
            [
                "newest_type_", "novelty", "inspiration", "trigger_", "financing_", "results_", "partners_", "spread",
                "factor_",
            ]
            .contains { name.hasPrefix($0) }
        }
        for name in routed {
            let codes = try dataset.codes(of: name)
            let asked = (0..<dataset.rowCount).filter { codes[$0] != Column.systemMissing }
            #expect(asked.allSatisfy { innovated[$0] == 1 }, "\(name) asked of a non-innovator")
        }
        let development = try dataset.codes(of: "development_underway")
        for row in 0..<dataset.rowCount {
            #expect((development[row] != Column.systemMissing) == (innovated[row] != 1), "row \(row + 1)")
        }
    }

    @Test("the wave is what the instrument records: its routing and calculation give the same columns")
    func throughTheInstrument() throws {
        let instrument = try Instrument.innovasjonsbarometer2018
        let dataset = try SyntheticFixture.baseline(seed: Self.seed).dataset
        var responses = [AnswerSet](repeating: AnswerSet(), count: dataset.rowCount)
        for question in instrument.questions where question.calculation == nil {
            switch question.type {
            case .singleChoice, .scale:
                let codes = try dataset.codes(of: question.name)
                for row in 0..<dataset.rowCount where codes[row] != Column.systemMissing {
                    responses[row][question.name] = .code(Int(codes[row]))
                }
            case .multipleChoice:
                let set = try #require(dataset.codebook.multipleResponseSet(named: question.name))
                let items = try set.items.map { try dataset.codes(of: $0) }
                let options = set.items.map { Int($0.split(separator: "_").last!)! }
                for row in 0..<dataset.rowCount where items[0][row] != Column.systemMissing {
                    let ticked = options.indices.filter { items[$0][row] == 1 }.map { options[$0] }
                    responses[row][question.name] = .codes(Set(ticked))
                }
            case .municipality, .text:
                guard case .texts(let texts) = try dataset.column(named: question.name) else { continue }
                for row in 0..<dataset.rowCount {
                    if let text = texts[row] { responses[row][question.name] = .text(text) }
                }
            default:
                continue
            }
        }
        let recorded = try instrument.columns(responses: responses)
        #expect(Set(recorded.keys) == Set(instrument.codebook().variables.map(\.name)))
        for (name, column) in recorded {
            #expect(try dataset.column(named: name) == column, "\(name) differs from what the instrument records")
        }
    }

    @Test(
        "answers hang together: newest types were taken into use, answered sets have a tick, 'none' excludes partners")
    func consistentAnswers() throws {
        let dataset = try SyntheticFixture.baseline(seed: Self.seed).dataset
        let typeItems = ["innovated_service", "innovated_product", "innovated_organisation", "innovated_communication"]
        for (index, item) in typeItems.enumerated() {
            let newest = try dataset.codes(of: "newest_type_\(index + 1)")
            let used = try dataset.codes(of: item)
            #expect((0..<dataset.rowCount).allSatisfy { newest[$0] != 1 || used[$0] == 1 }, "\(item)")
        }
        for set in dataset.codebook.multipleResponseSets {
            let items = try set.items.map { try dataset.codes(of: $0) }
            for row in 0..<dataset.rowCount where items[0][row] != Column.systemMissing {
                #expect(items.contains { $0[row] == 1 }, "\(set.name): row \(row + 1) answered without a tick")
            }
        }
        let partners = try dataset.codebook.multipleResponseSet(named: "partners")!.items.map {
            try dataset.codes(of: $0)
        }
        let none = partners.last!
        for row in 0..<dataset.rowCount where none[row] == 1 {
            #expect(partners.dropLast().allSatisfy { $0[row] == 0 }, "row \(row + 1)")
        }
        let types = try dataset.codes(of: "newest_type_1")
        let results = try dataset.codes(of: "results_1")
        for row in 0..<dataset.rowCount where results[row] != Column.systemMissing {
            #expect(types[row] != Column.systemMissing, "results without type, row \(row + 1)")
        }
    }

    @Test("every kommunenummer is valid on 2018-01-01 and the derived variables are the register's")
    func municipalities() throws {
        let dataset = try SyntheticFixture.baseline(seed: Self.seed).dataset
        guard case .texts(let numbers) = try dataset.column(named: "kommunenummer") else {
            Issue.record("kommunenummer is not text")
            return
        }
        let register = try SyntheticFixture.register.get()
        let found = try register.municipalities(kommunenummer: numbers, on: .newYear(2018))
        let county = try dataset.codes(of: "county")
        let landsdel = try dataset.codes(of: "landsdel")
        let centrality = try dataset.codes(of: "centrality")
        let size = try dataset.codes(of: "population_size")
        for row in 0..<dataset.rowCount {
            #expect(county[row] != Column.systemMissing && landsdel[row] != Column.systemMissing)
            guard let municipality = found[row] else {
                #expect(centrality[row] == Column.systemMissing && size[row] == Column.systemMissing)
                continue
            }
            #expect(Int(county[row]) == municipality.countyCode, "row \(row + 1)")
            #expect(Int(landsdel[row]) == municipality.landsdel, "row \(row + 1)")
            #expect(Int(centrality[row]) == municipality.centrality, "row \(row + 1)")
            #expect(size[row] != Column.systemMissing && Int(size[row]) == municipality.populationSizeClass)
        }
        #expect(found.compactMap { $0 }.count == StatedFigures.populationSizeBase)
        #expect(Set(found.compactMap { $0?.number }).count > 200, "respondents spread over many municipalities")
    }

    @Test("weights: raked to the synthetic unit population by unit type and landsdel")
    func weights() throws {
        let wave = try SyntheticFixture.baseline(seed: Self.seed)
        guard case .numbers(let weights) = try wave.dataset.column(named: "weight") else {
            Issue.record("weight is not numeric")
            return
        }
        #expect(weights == wave.design.weights)
        #expect(weights.allSatisfy { $0 > 0 })
        #expect(wave.rakingReport.converged)
        for margin in wave.population.margins {
            let codes = try wave.dataset.codes(of: margin.variable)
            var totals: [Int: Double] = [:]
            for row in 0..<codes.count { totals[Int(codes[row]), default: 0] += weights[row] }
            for (code, total) in margin.totals {
                #expect(abs(totals[code, default: 0] - total) < 1e-6, "\(margin.variable) \(code)")
            }
        }
        // The weights matter: Østlandet is over-represented among respondents relative to the units.
        let weighted = Estimator(dataset: wave.dataset, design: wave.design)
        let unweighted = try SyntheticFixture.estimator(seed: Self.seed)
        #expect(
            try weighted.shares(of: "landsdel").percent(code: 1) < unweighted.shares(of: "landsdel").percent(code: 1))
    }

    @Test("plausible where the report is silent: research goes with spreading, novelty and research funding")
    func plausibleCorrelations() throws {
        let dataset = try SyntheticFixture.baseline(seed: Self.seed).dataset
        let derived = try SyntheticFixture.derived(
            dataset, breakdown: "partners_\(StatedFigures.research)", variables: ["spread", "novelty"],
            sets: ["financing"])
        let estimator = try SyntheticFixture.estimator(on: derived)
        let spread = try estimator.shares(of: "spread", by: ["type"])
        #expect(try spread.percent(code: 1, domain: [1]) > spread.percent(code: 1, domain: [2]) + 5)
        let novelty = try estimator.shares(of: "novelty", by: ["type"])
        let beyondRegion = { (domain: Int) in
            try novelty.percent(code: 3, domain: [domain]) + novelty.percent(code: 4, domain: [domain])
        }
        #expect(try beyondRegion(1) > beyondRegion(2) + 5)
        let financing = try estimator.multipleResponse("financing", kind: .shareOfRespondents, by: ["type"])
        #expect(
            try financing.percent(item: "financing_4", domain: [1]) > 2
                * financing.percent(item: "financing_4", domain: [2]))
        // A good innovation climate shows on every factor: where leadership promoted the innovation a
        // lot, so did employee participation, more often than where leadership was neutral.
        let grid = try SyntheticFixture.estimator(seed: Self.seed).shares(
            of: "factor_employee_participation", by: ["factor_leadership"])
        #expect(try grid.percent(code: 5, domain: [5]) > grid.percent(code: 5, domain: [3]) + 10)
    }
}
