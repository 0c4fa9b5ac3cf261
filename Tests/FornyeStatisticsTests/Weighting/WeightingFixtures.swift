import FornyeTestRandom

@testable import FornyeStatistics

enum WeightingFixtures {
    /// A dataset of coded single-choice variables whose labels are the codes that occur,
    /// with optional missing codes per variable.
    static func dataset(
        _ columns: [String: [Int32]],
        missingCodes: [String: [Int: MissingKind]] = [:]
    ) throws -> Dataset {
        let variables = columns.keys.sorted().map { name in
            let missing = missingCodes[name] ?? [:]
            let codes = Set(columns[name]!.filter { $0 != Column.systemMissing }.map(Int.init))
                .subtracting(missing.keys).sorted()
            return Variable(
                name: name, label: name, kind: .singleChoice,
                valueLabels: codes.map { ValueLabel(code: $0, label: "\($0)") }, missingCodes: missing)
        }
        return try Dataset(codebook: Codebook(variables: variables), columns: columns.mapValues { .codes($0) })
    }

    /// A random sample with unequal weights and three associated margin variables
    /// (a: 1–4, b: 1–3, c: 1–2), which makes raking need several sweeps.
    static func randomSample(rows: Int, seed: UInt64) throws -> (design: SurveyDesign, data: Dataset) {
        var generator = SeededGenerator(seed: seed)
        var a: [Int32] = []
        var b: [Int32] = []
        var c: [Int32] = []
        var weights: [Double] = []
        for row in 0..<rows {
            // Every code occurs at least once; b leans on a and c on b, without empty cells.
            let first = row < 4 ? Int32(row + 1) : Int32.random(in: 1...4, using: &generator)
            let leaning = Double.random(in: 0..<1, using: &generator) < 0.6
            let second =
                row < 3
                ? Int32(row + 1)
                : leaning ? (first + 1) / 2 + (first == 4 ? 1 : 0) : Int32.random(in: 1...3, using: &generator)
            let third: Int32 =
                row < 2 ? Int32(row + 1) : Double.random(in: 0..<1, using: &generator) < 0.25 * Double(second) ? 2 : 1
            a.append(first)
            b.append(second)
            c.append(third)
            weights.append(Double.random(in: 5...40, using: &generator))
        }
        let design = try SurveyDesign(rowCount: rows, weights: weights)
        return (design, try dataset(["a": a, "b": b, "c": c]))
    }

    /// Population margins for `randomSample`, deliberately unlike the sample's weighted shares.
    static let populationMargins = [
        PopulationMargin(variable: "a", totals: [1: 3000, 2: 2500, 3: 2500, 4: 2000]),
        PopulationMargin(variable: "b", totals: [1: 2000, 2: 3000, 3: 5000]),
        PopulationMargin(variable: "c", totals: [1: 4000, 2: 6000]),
    ]

    /// The weighted total of every code of a coded variable.
    static func weightedTotals(_ weights: [Double], codes: [Int32]) -> [Int: Double] {
        var totals: [Int: Double] = [:]
        for (weight, code) in zip(weights, codes) { totals[Int(code), default: 0] += weight }
        return totals
    }

    static func relativeDifference(_ actual: Double, _ expected: Double) -> Double {
        abs(actual - expected) / max(abs(expected), 1e-300)
    }
}
