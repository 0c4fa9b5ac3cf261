import Testing

@testable import FornyeStatistics

/// Share tables summed by `ShareSums` (per stratum × domain × category, in chunks on all cores)
/// must give what the general pass through `RatioProblem` gives: the same counts, degrees of
/// freedom and flags, and every number equal to 1e-12 relative.
@Suite("Share sums agree with the general pass")
struct ShareSumsTests {
    static let survey = try! RandomSurvey(rows: 600, seed: 7)
    static let breakdownSets = [[], ["region"], ["sector"], ["region", "sector"]]

    static func expectSame(_ fast: [EstimateTable], _ general: [EstimateTable]) {
        #expect(fast.count == general.count)
        for (fastTable, generalTable) in zip(fast, general) {
            #expect(fastTable.breakdowns == generalTable.breakdowns)
            #expect(fastTable.cells.count == generalTable.cells.count)
            for (a, b) in zip(fastTable.cells, generalTable.cells) {
                let place = "\(a.domain) \(String(describing: a.category))"
                #expect(a.domain == b.domain && a.category == b.category)
                #expect(a.baseCount == b.baseCount && a.cellCount == b.cellCount, "\(place)")
                #expect(a.degreesOfFreedom == b.degreesOfFreedom && a.flags == b.flags, "\(place)")
                let pairs: [(Double, Double)] = [
                    (a.estimate, b.estimate), (a.standardError, b.standardError), (a.lower, b.lower),
                    (a.upper, b.upper), (a.weightedBase, b.weightedBase),
                    (a.designEffect ?? .nan, b.designEffect ?? .nan),
                ]
                for (x, y) in pairs where !(x.isNaN && y.isNaN) {
                    #expect(abs(x - y) <= 1e-12 * max(abs(x), abs(y)), "\(place): \(x) against \(y)")
                }
            }
        }
    }

    /// Every 11th row weighs nothing (in the base, no influence) unless `zeroWeights` is false.
    static func design(lonelyPSU: LonelyPSUPolicy, zeroWeights: Bool) throws -> SurveyDesign {
        let plain = try survey.design(clustered: false, lonelyPSU: lonelyPSU)
        var weights = survey.weights
        if zeroWeights { for row in stride(from: 0, to: weights.count, by: 11) { weights[row] = 0 } }
        return try SurveyDesign(
            rowCount: plain.rowCount, weights: weights,
            strata: plain.stratumOfRow.map { plain.stratumLabels[Int($0)] }, lonelyPSU: lonelyPSU)
    }

    @Test(
        "by no, one and two breakdowns at once, in one chunk or many, under each lonely-PSU rule",
        arguments: [LonelyPSUPolicy.fail, .adjust, .average, .remove], [true, false])
    func sharesAgree(lonelyPSU: LonelyPSUPolicy, zeroWeights: Bool) throws {
        let design = try Self.design(lonelyPSU: lonelyPSU, zeroWeights: zeroWeights)
        for missing in [MissingPolicy.substantiveOnly, MissingPolicy(includeDontKnow: true)] {
            for reference in [DesignEffectReference.replace, .srswor] {
                let options = EstimationOptions(missing: missing, designEffectReference: reference)
                var general = Estimator(dataset: Self.survey.dataset, design: design, options: options)
                general.forceGeneralSharePass = true
                let expected = try general.sharesTables(of: "answer", byEach: Self.breakdownSets)
                for chunkRows in [7, 64, ShareSums.defaultChunkRows] {
                    var fast = Estimator(dataset: Self.survey.dataset, design: design, options: options)
                    fast.shareChunkRows = chunkRows
                    Self.expectSame(try fast.sharesTables(of: "answer", byEach: Self.breakdownSets), expected)
                }
            }
        }
    }

    @Test("a domain's base is the rows with a substantive answer and a breakdown value")
    func baseRows() throws {
        let design = try Self.design(lonelyPSU: .fail, zeroWeights: false)
        let codes = try Self.survey.dataset.codes(of: "answer")
        let index = try DomainIndex(dataset: Self.survey.dataset, breakdowns: ["region"])
        let sums = try #require(
            ShareSums(codes: codes, lookup: CodeLookup(codes: [1, 2, 3, 4]), estimates: 4, indexes: [index]))
        #expect(sums.domainCount == 3)
        let stratumSums = sums.stratumSums(design: design)
        // Rows with a substantive answer and a region, counted by hand.
        let region = try Self.survey.dataset.codes(of: "region")
        let expected = (0..<codes.count).count { (1...4).contains(codes[$0]) && region[$0] != Column.systemMissing }
        #expect(stratumSums.baseCount.reduce(0, +) == expected)
    }
}
