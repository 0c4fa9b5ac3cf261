import Foundation
import Testing

@testable import FornyeStatistics

@Suite("Post-stratification")
struct PostStratificationTests {
    typealias Fixtures = WeightingFixtures

    @Test("the weighted count of every group equals its population count")
    func reproducesPopulationCounts() throws {
        let (design, data) = try Fixtures.randomSample(rows: 200, seed: 7)
        let margin = Fixtures.populationMargins[1]
        let calibrated = try Weighting.postStratify(design, data: data, to: margin)
        let totals = Fixtures.weightedTotals(calibrated.weights, codes: try data.codes(of: "b"))
        #expect(Set(totals.keys) == Set(margin.totals.keys))
        for (code, population) in margin.totals {
            #expect(Fixtures.relativeDifference(try #require(totals[code]), population) < 1e-14)
        }
        #expect(calibrated.calibrations.count == 1)
    }

    @Test("weights are scaled by one factor per group")
    func scalesWithinGroups() throws {
        let design = try SurveyDesign(rowCount: 5, weights: [1, 3, 2, 2, 4])
        let codes: [Int32] = [1, 1, 2, 2, 2]
        let margin = PopulationMargin(variable: "g", totals: [1: 8, 2: 4])
        let calibrated = try Weighting.postStratify(design, codes: codes, to: margin)
        // Group 1 grows from 4 to 8, group 2 shrinks from 8 to 4.
        #expect(calibrated.weights == [2, 6, 1, 1, 2])
    }

    @Test("population shares equal to the sample's leave the weights unchanged")
    func matchingPopulationKeepsWeights() throws {
        let (design, data) = try Fixtures.randomSample(rows: 150, seed: 11)
        let codes = try data.codes(of: "a")
        let margin = PopulationMargin(variable: "a", totals: Fixtures.weightedTotals(design.weights, codes: codes))
        let calibrated = try Weighting.postStratify(design, data: data, to: margin)
        let worst = zip(calibrated.weights, design.weights).map(Fixtures.relativeDifference).max() ?? .nan
        #expect(worst < 1e-14)
    }

    @Test("the total of a post-stratum indicator has no variance")
    func calibratedTotalsAreExact() throws {
        let (design, data) = try Fixtures.randomSample(rows: 120, seed: 3)
        let codes = try data.codes(of: "a")
        let calibrated = try Weighting.postStratify(design, data: data, to: Fixtures.populationMargins[0])
        let scores = zip(calibrated.weights, codes).map { weight, code in code == 2 ? weight : 0 }
        let before = try Linearization.variance(
            of: zip(design.weights, codes).map { $1 == 2 ? $0 : 0 }, design: design)
        #expect(before > 1)
        #expect(try Linearization.variance(of: scores, design: calibrated) < 1e-18 * before)
    }

    @Test("a second post-stratification keeps the first calibration step")
    func stepsAccumulate() throws {
        let (design, data) = try Fixtures.randomSample(rows: 100, seed: 5)
        let once = try Weighting.postStratify(design, data: data, to: Fixtures.populationMargins[0])
        let twice = try Weighting.postStratify(once, data: data, to: Fixtures.populationMargins[2])
        #expect(twice.calibrations.count == 2)
    }

    @Test("a sample group the population lacks is refused, naming its first row")
    func sampleGroupAbsentFromPopulation() throws {
        let design = try SurveyDesign(rowCount: 4)
        let margin = PopulationMargin(variable: "g", totals: [1: 10, 2: 10])
        #expect(
            throws: StatisticsError.invalidValue(
                variable: "g", row: 3, message: "code 3 is in the sample but the population margin has no total for it")
        ) {
            try Weighting.postStratify(design, codes: [1, 2, 3, 3], to: margin)
        }
    }

    @Test("a population group the sample lacks is refused unless partial")
    func populationGroupAbsentFromSample() throws {
        let design = try SurveyDesign(rowCount: 4, weights: [1, 1, 2, 0])
        let codes: [Int32] = [1, 1, 2, 3]
        let margin = PopulationMargin(variable: "g", totals: [1: 10, 2: 10, 3: 5, 4: 5])
        #expect(throws: StatisticsError.self) {
            try Weighting.postStratify(design, codes: codes, to: margin)
        }
        let partial = try Weighting.postStratify(design, codes: codes, to: margin, partial: true)
        // Group 3 has only a zero weight and group 4 no row: both are left out.
        #expect(partial.weights == [5, 5, 10, 0])
    }

    @Test("non-positive population totals are refused", arguments: [0.0, -1.0, .nan, .infinity])
    func nonPositiveTotals(total: Double) throws {
        let design = try SurveyDesign(rowCount: 2)
        let margin = PopulationMargin(variable: "g", totals: [1: 10, 2: total])
        #expect(throws: StatisticsError.self) {
            try Weighting.postStratify(design, codes: [1, 2], to: margin)
        }
    }

    @Test("a row without a group is refused, naming the row")
    func missingGroup() throws {
        let design = try SurveyDesign(rowCount: 3)
        let margin = PopulationMargin(variable: "g", totals: [1: 10, 2: 10])
        let systemMissing = try Fixtures.dataset(["g": [1, Column.systemMissing, 2]])
        #expect(
            throws: StatisticsError.invalidValue(
                variable: "g", row: 2, message: "the value is missing; every weighted row needs a group")
        ) {
            try Weighting.postStratify(design, data: systemMissing, to: margin)
        }
        let dontKnow = try Fixtures.dataset(["g": [1, 2, 8]], missingCodes: ["g": [8: .dontKnow]])
        #expect(
            throws: StatisticsError.invalidValue(
                variable: "g", row: 3, message: "code 8 is a missing code (dontKnow); every weighted row needs a group")
        ) {
            try Weighting.postStratify(design, data: dontKnow, to: margin)
        }
    }

    @Test("the grouping variable must be coded and as long as the design")
    func wrongVariable() throws {
        let numeric = try Dataset(
            codebook: Codebook(variables: [Variable(name: "x", label: "x", kind: .numeric)]),
            columns: ["x": .numbers([1, 2])])
        let margin = PopulationMargin(variable: "x", totals: [1: 1, 2: 1])
        #expect(throws: StatisticsError.self) {
            try Weighting.postStratify(try SurveyDesign(rowCount: 2), data: numeric, to: margin)
        }
        let coded = try Fixtures.dataset(["x": [1, 2]])
        #expect(throws: StatisticsError.self) {
            try Weighting.postStratify(try SurveyDesign(rowCount: 3), data: coded, to: margin)
        }
        #expect(throws: StatisticsError.unknownVariable("y")) {
            try Weighting.postStratify(
                try SurveyDesign(rowCount: 2), data: coded, to: PopulationMargin(variable: "y", totals: [1: 1]))
        }
    }

    @Test("a margin survives a JSON round trip with codes as keys")
    func marginCoding() throws {
        let margin = PopulationMargin(variable: "region", totals: [1: 2700, 12: 0.5])
        let encoded = try JSONEncoder().encode(margin)
        #expect(String(decoding: encoded, as: UTF8.self).contains("\"12\""))
        #expect(try JSONDecoder().decode(PopulationMargin.self, from: encoded) == margin)
        #expect(margin.grandTotal == 2700.5)
    }
}
