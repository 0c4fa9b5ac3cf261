import Testing

@testable import FornyeStatistics

/// `CalibratedDesign` is the one place a wave is raked: it rakes exactly as `Weighting.rake`
/// does, keeps what the report documents, and leaves a design without margins alone.
@Suite("Calibrated design")
struct CalibratedDesignTests {
    typealias Fixtures = WeightingFixtures

    @Test("with margins it rakes as Weighting.rake does and keeps the design before")
    func rakes() throws {
        let (design, data) = try Fixtures.randomSample(rows: 240, seed: 4)
        let weighting = try CalibratedDesign(raking: design, data: data, to: Fixtures.populationMargins)
        let (raked, report) = try Weighting.rake(design, data: data, to: Fixtures.populationMargins)
        #expect(weighting.design.weights == raked.weights)
        #expect(weighting.design.calibrations.count == 1)
        #expect(weighting.raking == report)
        #expect(weighting.margins.map(\.variable) == ["a", "b", "c"])
        #expect(weighting.beforeRaking?.weights == design.weights)
        #expect(weighting.design.weights != design.weights)
    }

    @Test("without margins the design is kept as it is, with nothing to report")
    func noMargins() throws {
        let (design, data) = try Fixtures.randomSample(rows: 120, seed: 4)
        for weighting in [try CalibratedDesign(raking: design, data: data, to: []), CalibratedDesign(asGiven: design)] {
            #expect(weighting.design.weights == design.weights)
            #expect(weighting.design.calibrations.isEmpty)
            #expect(weighting.raking == nil)
            #expect(weighting.beforeRaking == nil)
            #expect(weighting.margins.isEmpty)
        }
    }

    @Test("a design raked elsewhere keeps its report; the weights before are unknown")
    func rakedElsewhere() throws {
        let (design, data) = try Fixtures.randomSample(rows: 120, seed: 9)
        let (raked, report) = try Weighting.rake(design, data: data, to: Fixtures.populationMargins)
        let weighting = CalibratedDesign(raked: raked, margins: Fixtures.populationMargins, report: report)
        #expect(weighting.design.weights == raked.weights)
        #expect(weighting.raking == report)
        #expect(weighting.beforeRaking == nil)
    }

    @Test("a margin the data do not fit is refused as Weighting.rake refuses it")
    func refusal() throws {
        let (design, data) = try Fixtures.randomSample(rows: 120, seed: 4)
        var margins = Fixtures.populationMargins
        margins[1] = PopulationMargin(variable: "b", totals: [1: 2000, 2: 3000])
        // Rows with code 3 of b have no population group.
        let expected = try #require(
            #expect(throws: StatisticsError.self) { try Weighting.rake(design, data: data, to: margins) })
        guard case .invalidValue(variable: "b", _, _) = expected else {
            Issue.record("unexpected error \(expected)")
            return
        }
        #expect(throws: expected) { try CalibratedDesign(raking: design, data: data, to: margins) }
    }
}
