import FornyeTestRandom
import Testing

@testable import FornyeStatistics

/// The audit's quick witness (`SuppressionGrid.hasWitness`) must change no result: every witness
/// is a move the linear programme accepts, and the published tables are the same with it and
/// without it, on the recovery tests' random tables and on county-sized ones like the
/// municipality profile's (tens of municipalities, many of them small).
@Suite("Disclosure: the audit's witness changes nothing")
struct DisclosureWitnessTests {
    private let rules = DisclosureRules(applyNCHSStandards: false)

    /// One county's municipalities: one breakdown, 2–3 categories, most domains small.
    static func countyTable(_ generator: inout SeededGenerator) -> EstimateTable {
        let domainCount = Int.random(in: 5...45, using: &generator)
        let categoryCount = Int.random(in: 2...3, using: &generator)
        let counts = (0..<domainCount).map { _ in
            let size = Int.random(in: 0..<10, using: &generator)
            return (0..<categoryCount).map { _ in
                size < 5
                    ? Int.random(in: 0...3, using: &generator)
                    : size < 8 ? Int.random(in: 0...12, using: &generator) : Int.random(in: 5...60, using: &generator)
            }
        }
        return DisclosureTables.shares(
            breakdowns: ["kommune"], domains: (1...domainCount).map { [$0] }, counts: counts)
    }

    @Test("the same cells are hidden with the witness and without it")
    func sameSuppression() {
        var generator = SeededGenerator(seed: 2_026_1207)
        var tables = (0..<300).map { _ in DisclosureRecoveryTests.randomTable(&generator) }
        tables += (0..<150).map { _ in Self.countyTable(&generator) }
        var hidden = 0
        for (number, table) in tables.enumerated() {
            let fast = DisclosureControl.apply(rules, to: table, witness: true)
            let slow = DisclosureControl.apply(rules, to: table, witness: false)
            hidden += fast.cells.filter(\.isSuppressed).count
            #expect(fast.cells.map(\.flags) == slow.cells.map(\.flags), "table \(number): suppression differs")
            #expect(
                fast.cells.map { [$0.cellCount, $0.baseCount] } == slow.cells.map { [$0.cellCount, $0.baseCount] },
                "table \(number): the published counts differ")
        }
        #expect(hidden > 1_000, "too few hidden cells to say anything: \(hidden)")
    }

    @Test("every witness is a move the linear programme accepts")
    func witnessesAreFeasible() {
        var generator = SeededGenerator(seed: 2_026_1208)
        var witnessed = 0
        for _ in 0..<150 {
            let table = Self.countyTable(&generator)
            var grid = SuppressionGrid(
                table: table, cellIndices: Array(table.cells.indices), dimensions: 1, rules: rules)
            grid.suppressPrimary(kind: table.kind, rules: rules)
            grid.suppressSecondary(rules: rules)
            grid.usesWitness = false
            for item in grid.items.indices where grid.items[item].hidden && grid.items[item].isSensitive {
                let found = grid.hasWitness(item, step: 1) || grid.hasWitness(item, step: -1)
                if found { witnessed += 1 }
                #expect(!found || !grid.isPinned(item), "item \(item): a witness the programme rejects")
            }
        }
        #expect(witnessed > 100, "too few witnesses to say anything: \(witnessed)")
    }
}
