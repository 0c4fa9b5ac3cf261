import Testing

@testable import FornyeBarometer

@Suite("Synthetic generator's counting tools")
struct ApportionmentTests {
    @Test("largest remainders add up and stay within one of the quota")
    func largestRemainder() {
        let weights = [0.46, 0.27, 0.16, 0.11, 0]
        let counts = Apportionment.largestRemainder(1786, weights: weights)
        #expect(counts.reduce(0, +) == 1786)
        #expect(counts.last == 0)
        for (count, weight) in zip(counts, weights) { #expect(abs(Double(count) - 1786 * weight) < 1) }
    }

    @Test("controlled rounding meets both margins, rounds each cell to floor or ceiling and respects bounds")
    func controlledRounding() throws {
        let table = [[2.4, 3.6, 0], [1.5, 1.5, 4.0], [0.1, 2.9, 2.0]]
        let rows = [6, 7, 5]
        let columns = [4, 8, 6]
        let upper = [[10, 10, 0], [10, 10, 10], [10, 10, 10]]
        let result = try #require(
            Apportionment.controlledRounding(table, rowTotals: rows, columnTotals: columns, upper: upper))
        #expect(result.map { $0.reduce(0, +) } == rows)
        #expect((0..<3).map { c in result.reduce(0) { $0 + $1[c] } } == columns)
        for r in 0..<3 {
            for c in 0..<3 {
                #expect(abs(Double(result[r][c]) - table[r][c]) < 1 && result[r][c] <= upper[r][c])
            }
        }
        #expect(
            Apportionment.controlledRounding(table, rowTotals: [6, 7, 6], columnTotals: columns, upper: upper) == nil)
    }

    @Test("two-way logistic fit meets row and column targets")
    func logisticFit() {
        let sizes: [[Double]] = [[50, 30, 20], [10, 60, 30]]
        let p = TwoWayFit.logistic(
            sizes: sizes, rowTargets: [70, 75], columnTargets: [40, 70, nil], rowStart: [0.7, 0.75])
        let rowExpected = sizes.indices.map { r in sizes[r].indices.reduce(0) { $0 + sizes[r][$1] * p[r][$1] } }
        #expect(abs(rowExpected[0] - 70) < 1e-6 && abs(rowExpected[1] - 75) < 1e-6)
        #expect(abs(sizes[0][0] * p[0][0] + sizes[1][0] * p[1][0] - 40) < 1e-6)
    }

    @Test("ordering sorts positions by value, ties by position")
    func ordering() {
        var random = SeededRandom(seed: 3)
        let values = (0..<500).map { _ in random.normal() } + [0.5, 0.5]
        let order = Ordering.ascending(values)
        #expect(order.map { values[$0] } == values.sorted())
        #expect(Set(order).count == values.count)
        #expect(order.firstIndex(of: 500)! < order.firstIndex(of: 501)!)
    }

    @Test("weighted sampling draws the asked number, distinct, in candidate order, favouring weight")
    func sampling() {
        var random = SeededRandom(seed: 9)
        let candidates = Array(0..<1000)
        let chosen = random.sample(300, of: candidates) { $0 < 500 ? 4 : 1 }
        #expect(chosen.count == 300 && Set(chosen).count == 300 && chosen == chosen.sorted())
        #expect(chosen.filter { $0 < 500 }.count > 200)
    }
}
