import FornyeTestRandom
import Testing

@testable import FornyeStatistics

@Suite("Raking residuals as one linear map")
struct RakingProjectionTests {
    /// Largest difference between the map and R's row-by-row sweeps, relative to the input's size.
    static func discrepancy(_ scores: [Double], margins: [Calibration.Margin], sweeps: Int) throws -> Double {
        let projection = try #require(RakingProjection(margins: margins, sweeps: sweeps))
        var mapped = scores
        projection.apply(&mapped)
        var swept = scores
        Calibration.sweep(&swept, margins: margins, sweeps: sweeps)
        let scale = scores.map(abs).max() ?? 1
        return zip(mapped, swept).map { abs($0 - $1) }.max()! / scale
    }

    static func scoreColumns(rows: Int, seed: UInt64) -> [[Double]] {
        var generator = SeededGenerator(seed: seed)
        let dense = (0..<rows).map { _ in Double.random(in: -3...5, using: &generator) }
        // A domain column: zero outside a third of the rows, as the report's influence columns are.
        let sparse = (0..<rows).map { row in row % 3 == 0 ? Double.random(in: 0...2, using: &generator) : 0 }
        return [dense, sparse]
    }

    @Test("a raked design: the map gives R's ten sweeps to rounding", arguments: [3, 21] as [UInt64])
    func rakedDesign(seed: UInt64) throws {
        let (design, data) = try WeightingFixtures.randomSample(rows: 300, seed: seed)
        let (raked, _) = try Weighting.rake(design, data: data, to: WeightingFixtures.populationMargins)
        guard case .raking(let margins) = raked.calibrations.last?.method else {
            Issue.record("no raking step")
            return
        }
        #expect(raked.calibrations.last?.projection != nil)
        for scores in Self.scoreColumns(rows: 300, seed: seed) {
            #expect(try Self.discrepancy(scores, margins: margins, sweeps: 10) < 1e-13)
        }
    }

    @Test("zero weights, an empty group and few sweeps are handled as R's loop handles them")
    func edgeCases() throws {
        let rows = 60
        var generator = SeededGenerator(seed: 5)
        let before = (0..<rows).map { row in row % 11 == 0 ? 0 : Double.random(in: 1...9, using: &generator) }
        let middle = before.map { $0 * Double.random(in: 0.8...1.2, using: &generator) }
        let after = middle.map { $0 * Double.random(in: 0.9...1.1, using: &generator) }
        // Margin one has four groups, the last empty; margin two is associated with margin one.
        let first = Calibration.Margin(
            groupOfRow: (0..<rows).map { Int32($0 % 3) }, groupCount: 4, weightsBefore: before, weightsAfter: middle)
        let second = Calibration.Margin(
            groupOfRow: (0..<rows).map { Int32(($0 / 2) % 2) }, groupCount: 2, weightsBefore: middle,
            weightsAfter: after)
        for sweeps in [1, 2, 10] {
            for scores in Self.scoreColumns(rows: rows, seed: UInt64(sweeps)) {
                #expect(try Self.discrepancy(scores, margins: [first, second], sweeps: sweeps) < 1e-13)
            }
        }
        // The map is of the sweeps, not of the converged projection: nine sweeps differ from ten.
        var nine = Self.scoreColumns(rows: rows, seed: 1)[0]
        var ten = nine
        Calibration.sweep(&nine, margins: [first, second], sweeps: 9)
        try #require(RakingProjection(margins: [first, second], sweeps: 10)).apply(&ten)
        #expect(zip(nine, ten).contains { abs($0 - $1) > 1e-10 })
    }

    @Test("margins with very many groups fall back to the row-by-row sweeps")
    func manyGroups() throws {
        let rows = RakingProjection.maximumGroups + 10
        let weights = [Double](repeating: 2, count: rows)
        let margin = Calibration.Margin(
            groupOfRow: (0..<rows).map { Int32($0) }, groupCount: rows, weightsBefore: weights, weightsAfter: weights)
        let calibration = Calibration(.raking([margin]))
        #expect(calibration.projection == nil)
        var scores = (0..<rows).map { Double($0) }
        calibration.residualize(&scores)
        // One row per group: every value is its group's mean, so nothing is left.
        #expect(scores.allSatisfy { abs($0) < 1e-12 })
    }
}
