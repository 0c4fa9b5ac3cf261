import Testing

@testable import FornyeStatistics

/// The streaming variance (sums of PSU totals per stratum) must equal the per-row path through
/// `Linearization`, which mirrors R's svyrecvar line by line.
@Suite("Streaming and per-row variance agree")
struct VariancePathTests {
    static let survey = try! RandomSurvey(rows: 600, seed: 42)

    static func compare(_ fast: EstimateTable, _ dense: EstimateTable) {
        #expect(fast.cells.count == dense.cells.count)
        for (a, b) in zip(fast.cells, dense.cells) {
            #expect(a.domain == b.domain && a.category == b.category)
            #expect(a.estimate == b.estimate || (a.estimate.isNaN && b.estimate.isNaN))
            #expect(a.degreesOfFreedom == b.degreesOfFreedom)
            let tolerance = 1e-10 * max(abs(b.standardError), 1e-300)
            #expect(
                abs(a.standardError - b.standardError) <= tolerance, "\(a.domain) \(String(describing: a.category))")
        }
    }

    @Test(
        "every estimator, by zero, one and two breakdowns, clustered or not, under each lonely-PSU rule",
        arguments: [true, false], [LonelyPSUPolicy.fail, .adjust, .average, .remove])
    func pathsAgree(clustered: Bool, lonelyPSU: LonelyPSUPolicy) throws {
        let design = try Self.survey.design(clustered: clustered, lonelyPSU: lonelyPSU)
        // Shares through the general streaming pass; `ShareSumsTests` checks `ShareSums` against it.
        var fast = Estimator(dataset: Self.survey.dataset, design: design)
        fast.forceGeneralSharePass = true
        var dense = fast
        dense.forceDenseVariance = true
        for breakdowns in [[], ["region"], ["region", "sector"]] {
            Self.compare(try fast.shares(of: "answer", by: breakdowns), try dense.shares(of: "answer", by: breakdowns))
            Self.compare(try fast.means(of: "amount", by: breakdowns), try dense.means(of: "amount", by: breakdowns))
            Self.compare(try fast.totals(of: "amount", by: breakdowns), try dense.totals(of: "amount", by: breakdowns))
            for kind in [EstimateKind.shareOfRespondents, .shareOfResponses] {
                Self.compare(
                    try fast.multipleResponse("options", kind: kind, by: breakdowns),
                    try dense.multipleResponse("options", kind: kind, by: breakdowns))
            }
        }
    }
}
