import Testing

@testable import FornyeStatistics

@Suite("Linearisation variance")
struct LinearizationTests {
    @Test("simple random sample: n/(n-1) times the sum of squared deviations")
    func simpleRandomSample() throws {
        let design = try SurveyDesign(rowCount: 4)
        let variance = try Linearization.variance(of: [1, -1, 2, -2], design: design)
        #expect(abs(variance - 40.0 / 3.0) < 1e-12)
    }

    @Test("clusters are summed before deviations are taken")
    func clustersAggregate() throws {
        let design = try SurveyDesign(rowCount: 4, clusters: ["a", "a", "b", "b"])
        // PSU totals 0 and 0: no variance between clusters.
        #expect(try Linearization.variance(of: [1, -1, 2, -2], design: design) == 0)
    }

    @Test("finite population correction scales by 1 - n/N")
    func finitePopulationCorrection() throws {
        let design = try SurveyDesign(rowCount: 4, fpc: [8, 8, 8, 8])
        let variance = try Linearization.variance(of: [1, -1, 2, -2], design: design)
        #expect(abs(variance - 0.5 * 40.0 / 3.0) < 1e-12)
    }

    @Test("a stratum with one PSU fails by default and follows the chosen rule otherwise")
    func lonelyPSU() throws {
        let strata = ["a", "a", "b"]
        let scores = [1.0, -1.0, 3.0]
        let failing = try SurveyDesign(rowCount: 3, strata: strata)
        #expect(throws: StatisticsError.lonelyPSU(stratum: "b")) {
            try Linearization.variance(of: scores, design: failing)
        }
        let stratumA = 2.0 * (1.0 + 1.0)
        let removed = try SurveyDesign(rowCount: 3, strata: strata, lonelyPSU: .remove)
        #expect(try Linearization.variance(of: scores, design: removed) == stratumA)
        let averaged = try SurveyDesign(rowCount: 3, strata: strata, lonelyPSU: .average)
        #expect(try Linearization.variance(of: scores, design: averaged) == stratumA * 2)
        let adjusted = try SurveyDesign(rowCount: 3, strata: strata, lonelyPSU: .adjust)
        #expect(try Linearization.variance(of: scores, design: adjusted) == stratumA + 9)
    }
}
