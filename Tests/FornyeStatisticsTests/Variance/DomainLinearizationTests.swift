import FornyeTestRandom
import Testing

@testable import FornyeStatistics

@Suite("Domain variances of a raked design from the domain's rows only")
struct DomainLinearizationTests {
    /// A raked, stratified design (optionally with a lonely stratum) and its data.
    static func rakedDesign(seed: UInt64, lonely: LonelyPSUPolicy?) throws -> (SurveyDesign, [[Int32]]) {
        let rows = 400
        let (plain, data) = try WeightingFixtures.randomSample(rows: rows, seed: seed)
        let strata = (0..<rows).map { row in lonely != nil && row == 7 ? "lonely" : "s\(row % 3)" }
        let stratified = try SurveyDesign(
            rowCount: rows, weights: plain.weights, strata: strata, lonelyPSU: lonely ?? .fail)
        let (raked, _) = try Weighting.rake(stratified, data: data, to: WeightingFixtures.populationMargins)
        let codes = try ["a", "b", "c"].map { try data.codes(of: $0) }
        return (raked, codes)
    }

    /// Influence columns on a domain: random values, a ratio's, and totals the raking fixes or nearly fixes.
    static func columns(design: SurveyDesign, codes: [[Int32]], domain: [Int], seed: UInt64) -> [[Double]] {
        var generator = SeededGenerator(seed: seed)
        let rows = design.rowCount
        func column(_ value: (Int) -> Double) -> [Double] {
            var column = [Double](repeating: 0, count: rows)
            for row in domain { column[row] = value(row) }
            return column
        }
        let weights = design.weights
        let base = domain.reduce(0) { $0 + weights[$1] }
        let share = domain.reduce(0) { $0 + (codes[1][$1] == 2 ? weights[$1] : 0) } / base
        return [
            column { _ in Double.random(in: -2...3, using: &generator) },
            column { weights[$0] * ((codes[1][$0] == 2 ? 1 : 0) - share) / base },
            // A margin group's total: fixed by the raking, so the residuals all but cancel.
            column { weights[$0] },
            // Nearly fixed: the total plus a little noise.
            column { weights[$0] * (1 + 1e-4 * Double.random(in: -1...1, using: &generator)) },
            column { codes[2][$0] == 2 ? weights[$0] : 0 },
        ]
    }

    @Test(
        "the domain path gives the full path's variances and covariances to 1e-10",
        arguments: [(3, nil), (21, .adjust), (8, .average)] as [(UInt64, LonelyPSUPolicy?)])
    func matchesFullPath(seed: UInt64, lonely: LonelyPSUPolicy?) throws {
        let (design, codes) = try Self.rakedDesign(seed: seed, lonely: lonely)
        #expect(design.residualBasis != nil)
        let domains: [[Int]] = [
            (0..<design.rowCount).filter { codes[0][$0] == 1 },
            (0..<design.rowCount).filter { codes[0][$0] == 2 && codes[1][$0] == 3 },
            (0..<design.rowCount).filter { $0 % 5 == 1 },
            (0..<design.rowCount).map { $0 },
        ]
        var fast = 0
        for (index, domain) in domains.enumerated() {
            let columns = Self.columns(design: design, codes: codes, domain: domain, seed: seed + UInt64(index))
            let full = try Linearization.variances(of: columns, design: design)
            let viaDomain = try Linearization.variances(of: columns, design: design, rows: domain)
            for (old, new) in zip(full, viaDomain) {
                #expect(abs(new - old) <= 1e-10 * abs(old), "domain \(index): \(new) against \(old)")
            }
            let fullMatrix = try Linearization.covariance(of: columns, design: design)
            let domainMatrix = try Linearization.covariance(of: columns, design: design, rows: domain)
            for a in columns.indices {
                for b in columns.indices {
                    let scale = (fullMatrix[a, a] * fullMatrix[b, b]).squareRoot()
                    #expect(abs(domainMatrix[a, b] - fullMatrix[a, b]) <= 1e-10 * scale)
                }
            }
            let pass = try Linearization.domainPass(
                columns, rows: domain, design: design, basis: try #require(design.residualBasis), diagonalOnly: true)
            fast += columns.count - pass.inaccurate.count
            // The raked margin group's total cannot be trusted from differences: it goes the full way.
            if index == 0 { #expect(pass.inaccurate.contains(2)) }
        }
        // Most columns take the domain path.
        #expect(fast >= 14)
    }

    @Test("a lonely stratum under the fail rule throws as the full path does")
    func lonelyFails() throws {
        let (design, codes) = try Self.rakedDesign(seed: 5, lonely: .average)
        var failing = design
        failing.lonelyPSU = .fail
        let domain = (0..<design.rowCount).filter { codes[0][$0] == 3 }
        let columns = Self.columns(design: design, codes: codes, domain: domain, seed: 1)
        #expect(throws: StatisticsError.self) { try Linearization.variances(of: columns, design: failing) }
        #expect(throws: StatisticsError.self) {
            try Linearization.variances(of: columns, design: failing, rows: domain)
        }
    }
}
