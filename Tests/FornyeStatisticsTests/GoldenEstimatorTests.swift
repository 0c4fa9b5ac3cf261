import FornyeStatistics
import Testing

/// Every estimate of the golden files (`scripts/r/make-golden.R`), recomputed with `Estimator`:
/// point estimates, standard errors, design effects, degrees of freedom, counts and every
/// interval method, at 1e-8 relative.
@Suite("Estimates against R's survey package")
struct GoldenEstimatorTests {
    static let designs = ["srs", "weighted", "stratclust", "poststrat", "raked"]

    @Test("shares, multiple response, means and totals agree with R", arguments: designs)
    func estimates(_ name: String) throws {
        let golden = try GoldenFile.load(name)
        let fixture = try GoldenFixture.shared()
        let design = try fixture.design(for: golden)
        for (key, cells) in golden.tables {
            try GoldenComparison(design: name, table: key, golden: cells).run(dataset: fixture.dataset, design: design)
        }
    }

    @Test(
        "shares agree with R under each lonely-PSU rule",
        arguments: [LonelyPSUPolicy.remove, .adjust, .average, .certainty])
    func lonely(_ rule: LonelyPSUPolicy) throws {
        let golden = try GoldenFile.load("lonely")
        let fixture = try GoldenFixture.shared()
        let design = try fixture.design(for: golden, lonelyPSU: rule)
        let tables = golden.tables.filter { $0.key.lonelyPSU == rule }
        #expect(tables.count == 2)
        for (key, cells) in tables {
            try GoldenComparison(design: "lonely", table: key, golden: cells).run(
                dataset: fixture.dataset, design: design)
        }
    }
}

/// One golden table against the estimator call that makes it.
struct GoldenComparison {
    let design: String
    let table: GoldenTableKey
    let golden: [GoldenEstimate]

    func run(dataset: Dataset, design surveyDesign: SurveyDesign) throws {
        let policy = golden[0].missingPolicy
        let isShare = table.kind != .mean && table.kind != .total
        // Means and totals have one interval whatever the method; shares are run once per method.
        // asin and likelihood have their own golden file (DesignEffectAndIntervalTests).
        let methods: [IntervalMethod] =
            isShare ? IntervalMethod.allCases.filter { $0 != .asin && $0 != .likelihood } : [.wald]
        for method in methods {
            // These goldens hold R's deff = "replace" for every design, the fpc design's too.
            let options = EstimationOptions(missing: policy, intervalMethod: method, designEffectReference: .replace)
            let estimator = Estimator(dataset: dataset, design: surveyDesign, options: options)
            let result = try estimate(with: estimator)
            let keys = result.cells.map(Self.key)
            #expect(keys == golden.map(\.cellKey), "\(design) \(table): cells or their order differ from R")
            let byKey = Dictionary(zip(keys, result.cells), uniquingKeysWith: { first, _ in first })
            for expected in golden {
                guard let cell = byKey[expected.cellKey] else { continue }
                if method == methods[0] { comparePoint(cell, expected) }
                compareInterval(cell, expected, method: method)
            }
        }
    }

    private func estimate(with estimator: Estimator) throws -> EstimateTable {
        switch table.kind {
        case .share: try estimator.shares(of: table.variable, by: table.breakdowns)
        case .shareOfRespondents, .shareOfResponses:
            try estimator.multipleResponse(table.variable, kind: table.kind, by: table.breakdowns)
        case .mean: try estimator.means(of: table.variable, by: table.breakdowns)
        case .total: try estimator.totals(of: table.variable, by: table.breakdowns)
        }
    }

    private func label(_ expected: GoldenEstimate, _ field: String) -> String {
        "\(design) \(table) [\(expected.cellKey)] \(field)"
    }

    private func comparePoint(_ cell: EstimateCell, _ expected: GoldenEstimate) {
        expectClose(cell.estimate, expected.estimate, label(expected, "estimate"))
        expectClose(cell.standardError, expected.se, label(expected, "SE"))
        if let deff = cell.designEffect {
            expectClose(deff, expected.deff, label(expected, "deff"))
        } else if table.kind != .shareOfResponses {
            // The estimator documents no design effect for shares of responses; R's svyratio has one.
            Issue.record("\(label(expected, "deff")): expected \(expected.deff), actual nil")
        }
        #expect(cell.degreesOfFreedom == expected.df, "\(label(expected, "df"))")
        #expect(cell.baseCount == expected.nBase, "\(label(expected, "base count"))")
        #expect(cell.cellCount == expected.nCell, "\(label(expected, "cell count"))")
        expectClose(cell.weightedBase, expected.weightedBase, label(expected, "weighted base"))
    }

    private func compareInterval(_ cell: EstimateCell, _ expected: GoldenEstimate, method: IntervalMethod) {
        guard let interval = expected.interval(method) else { return }
        expectClose(cell.lower, interval.low, label(expected, "\(method.rawValue) lower"))
        expectClose(cell.upper, interval.high, label(expected, "\(method.rawValue) upper"))
    }

    static func key(_ cell: EstimateCell) -> String {
        let codes = cell.domain.map { "\($0.variable)=\($0.code)" }
        let what = cell.category?.item.map { "item=\($0)" } ?? cell.category?.code.map { "category=\($0)" } ?? "-"
        return (codes + [what]).joined(separator: " ")
    }
}

/// Properties that hold whatever R says, checked on the golden fixture.
@Suite("Estimator properties on the golden fixture")
struct GoldenEstimatorPropertyTests {
    @Test("equal weights give the unweighted result; totals scale with the weight")
    func equalWeights() throws {
        let fixture = try GoldenFixture.shared()
        let weight = 7.25
        let constant = try SurveyDesign(
            rowCount: fixture.rowCount, weights: Array(repeating: weight, count: fixture.rowCount))
        for method in IntervalMethod.allCases {
            let options = EstimationOptions(intervalMethod: method)
            let plain = Estimator(dataset: fixture.dataset, design: try fixture.design(named: "srs"), options: options)
            let weighted = Estimator(dataset: fixture.dataset, design: constant, options: options)
            let pairs = [
                (
                    try plain.shares(of: "likert", by: ["region"]), try weighted.shares(of: "likert", by: ["region"]),
                    1.0
                ),
                (try plain.means(of: "score", by: ["sector"]), try weighted.means(of: "score", by: ["sector"]), 1.0),
                (
                    try plain.totals(of: "score", by: ["sector"]), try weighted.totals(of: "score", by: ["sector"]),
                    weight
                ),
            ]
            for (unweighted, equal, scale) in pairs {
                #expect(unweighted.cells.count == equal.cells.count)
                for (a, b) in zip(unweighted.cells, equal.cells) {
                    let name = "\(unweighted.kind.rawValue) \(GoldenComparison.key(a)) \(method.rawValue)"
                    expectClose(b.estimate, a.estimate * scale, relative: 1e-12, "\(name): estimate")
                    expectClose(b.standardError, a.standardError * scale, relative: 1e-12, "\(name): SE")
                    expectClose(b.lower, a.lower * scale, relative: 1e-12, "\(name): lower")
                    expectClose(b.upper, a.upper * scale, relative: 1e-12, "\(name): upper")
                    expectClose(b.designEffect ?? .nan, a.designEffect ?? .nan, relative: 1e-12, "\(name): deff")
                    expectClose(b.weightedBase, a.weightedBase * weight, relative: 1e-12, "\(name): weighted base")
                    #expect(b.degreesOfFreedom == a.degreesOfFreedom)
                }
            }
        }
    }

    @Test(
        "the two shares of a two-category variable have complementary intervals",
        arguments: [IntervalMethod.logit, .xlogit, .kornGraubard, .wilson, .wald])
    func complementaryIntervals(_ method: IntervalMethod) throws {
        let fixture = try GoldenFixture.shared()
        let estimator = Estimator(
            dataset: fixture.dataset, design: try fixture.design(named: "stratclust"),
            options: EstimationOptions(intervalMethod: method))
        for breakdowns in [[], ["region"], ["region", "sector"]] {
            let cells = try estimator.shares(of: "innov", by: breakdowns).cells
            #expect(cells.count.isMultiple(of: 2))
            for pair in stride(from: 0, to: cells.count - 1, by: 2) {
                let yes = cells[pair]
                let no = cells[pair + 1]
                let name = "innov \(GoldenComparison.key(yes)) \(method.rawValue)"
                #expect(yes.domain == no.domain && yes.category?.code == 1 && no.category?.code == 2)
                expectClose(yes.estimate, 1 - no.estimate, relative: 1e-12, "\(name): estimate")
                expectClose(yes.lower, 1 - no.upper, relative: 1e-10, "\(name): lower against 1 − upper")
                expectClose(yes.upper, 1 - no.lower, relative: 1e-10, "\(name): upper against 1 − lower")
            }
        }
    }

    @Test("shares of responses add up to 100 % in every domain", arguments: ["stratclust", "raked"])
    func responsesAddUp(_ name: String) throws {
        let fixture = try GoldenFixture.shared()
        let design = try fixture.design(for: try GoldenFile.load(name))
        let estimator = Estimator(dataset: fixture.dataset, design: design)
        for breakdowns in [[], ["sector"], ["region", "sector"]] {
            let table = try estimator.multipleResponse("mr", kind: .shareOfResponses, by: breakdowns)
            let domains = Dictionary(grouping: table.cells, by: \.domain)
            #expect(domains.count == (breakdowns.isEmpty ? 1 : breakdowns.count == 1 ? 2 : 8))
            for (domain, cells) in domains {
                #expect(cells.count == 5)
                let sum = cells.map(\.estimate).reduce(0, +)
                expectClose(sum, 1, relative: 1e-12, "\(name) \(domain.map { "\($0.variable)=\($0.code)" }): Σ shares")
            }
        }
    }

    /// A domain keeps the full design; a subset drops the PSUs that have no row in it. The point
    /// estimate is the same, and so is the SE when the domain touches every PSU of the strata it
    /// meets; when it misses PSUs the SE differs, since those PSUs still count (with zero totals).
    @Test("a domain estimate equals the subset estimate; the SE only where the domain meets every PSU")
    func domainAgainstSubset() throws {
        let fixture = try GoldenFixture.shared()
        let full = try fixture.design(named: "stratclust")
        let domainShares = Estimator(dataset: fixture.dataset, design: full)
        var outcomes = Set<Bool>()
        for breakdown in ["size", "sector"] {
            let codes = try fixture.dataset.codes(of: breakdown)
            let table = try domainShares.shares(of: "innov", by: [breakdown])
            for code in Set(codes).subtracting([Column.systemMissing]).sorted() {
                let subset = try GoldenFixture.load(keepingRows: { codes[$0] == code })
                let subsetDesign = try subset.design(named: "stratclust")
                let subsetCells = try Estimator(dataset: subset.dataset, design: subsetDesign).shares(of: "innov").cells
                let domainCells = table.cells.filter { $0.domain.first?.code == Int(code) }
                let missesPSUs = subsetDesign.stratumLabels.enumerated().contains { stratum, label in
                    let fullStratum = full.stratumLabels.firstIndex(of: label)!
                    return subsetDesign.psuCountOfStratum[stratum] < full.psuCountOfStratum[fullStratum]
                }
                outcomes.insert(missesPSUs)
                #expect(domainCells.count == 2 && subsetCells.count == 2)
                for (domain, whole) in zip(domainCells, subsetCells) {
                    let name = "innov \(GoldenComparison.key(domain))"
                    expectClose(whole.estimate, domain.estimate, relative: 1e-12, "\(name): estimate")
                    #expect(whole.degreesOfFreedom == domain.degreesOfFreedom, "\(name): df")
                    if missesPSUs {
                        #expect(
                            abs(whole.standardError - domain.standardError) > 1e-6 * domain.standardError,
                            "\(name): the domain SE should differ from the subset SE")
                    } else {
                        expectClose(whole.standardError, domain.standardError, relative: 1e-12, "\(name): SE")
                    }
                }
            }
        }
        #expect(outcomes == [true, false], "both kinds of domain should occur in the fixture")
    }
}
