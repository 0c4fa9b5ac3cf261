public import FornyeStatistics

/// A generated survey for benchmarks and demonstrations. Every codebook it makes is marked
/// synthetic and titled so, and nothing in it describes real municipalities or people.
///
/// Rows fall into strata of unequal size with weights that differ by stratum (disproportionate
/// allocation); categorical answers depend on the stratum and on a latent trait, so breakdowns
/// and tests have real differences to find.
public struct SyntheticSurvey: Sendable {
    public struct Shape: Sendable {
        public var rows: Int
        public var categoricalVariables: Int
        public var categories: Int
        public var breakdowns: Int
        public var strata: Int
        public var seed: UInt64

        public init(rows: Int, categoricalVariables: Int, categories: Int, breakdowns: Int, strata: Int, seed: UInt64) {
            self.rows = rows
            self.categoricalVariables = categoricalVariables
            self.categories = categories
            self.breakdowns = breakdowns
            self.strata = strata
            self.seed = seed
        }
    }

    public static let title = "\(SyntheticLabel.marker) – generert for demonstrasjon og ytelsestest / SYNTHETIC DATA"

    public let dataset: Dataset
    public let strata: [String]
    public let weights: [Double]

    public var breakdownNames: [String] { (1...breakdownCount).map { "b\($0)" } }
    public var variableNames: [String] { (1...variableCount).map { "q\($0)" } }
    private let breakdownCount: Int
    private let variableCount: Int

    public init(shape: Shape) throws {
        var random = SeededRandom(seed: shape.seed)
        let rows = shape.rows
        var strata = [String](repeating: "", count: rows)
        var stratumOfRow = [Int](repeating: 0, count: rows)
        var weights = [Double](repeating: 0, count: rows)
        var latent = [Double](repeating: 0, count: rows)
        let stratumWeights = (0..<shape.strata).map { 1 + Double($0 % 7) * 3.5 }
        for row in 0..<rows {
            // Zipf-like stratum sizes.
            let stratum = min(Int(Double(shape.strata) * pow2(random.halfOpenUnit())), shape.strata - 1)
            stratumOfRow[row] = stratum
            strata[row] = "S\(stratum)"
            weights[row] = stratumWeights[stratum] * (0.8 + 0.4 * random.halfOpenUnit())
            latent[row] = random.halfOpenUnit() + Double(stratum % 5) * 0.05
        }
        var variables: [Variable] = []
        var columns: [String: Column] = [:]
        for index in 1...shape.breakdowns {
            let levels = 2 + (index * 3) % 9
            let name = "b\(index)"
            variables.append(
                Variable(
                    name: name, label: "Bakgrunn \(index)", kind: .singleChoice,
                    valueLabels: (1...levels).map { ValueLabel(code: $0, label: "Gruppe \($0)") }))
            columns[name] = .codes(
                (0..<rows).map { row in Int32(1 + (stratumOfRow[row] * (index + 1) + Int(latent[row] * 3)) % levels) })
        }
        for index in 1...shape.categoricalVariables {
            let name = "q\(index)"
            variables.append(
                Variable(
                    name: name, label: "Spørsmål \(index)", kind: index % 3 == 0 ? .ordinal : .singleChoice,
                    valueLabels: (1...shape.categories).map { ValueLabel(code: $0, label: "Svar \($0)") },
                    missingCodes: [98: .dontKnow, 99: .notApplicable]))
            var codes = [Int32](repeating: 0, count: rows)
            for row in 0..<rows {
                let draw = random.halfOpenUnit()
                if draw < 0.03 {
                    codes[row] = Column.systemMissing
                } else if draw < 0.05 {
                    codes[row] = 98
                } else {
                    let shifted = (random.halfOpenUnit() + latent[row] * Double(index % 4) * 0.3)
                    codes[row] = Int32(1 + min(Int(shifted * Double(shape.categories)), shape.categories - 1))
                }
            }
            columns[name] = .codes(codes)
        }
        let codebook = Codebook(title: Self.title, synthetic: true, variables: variables)
        dataset = try Dataset(codebook: codebook, columns: columns)
        self.strata = strata
        self.weights = weights
        breakdownCount = shape.breakdowns
        variableCount = shape.categoricalVariables
    }

    public func design() throws -> SurveyDesign {
        try SurveyDesign(rowCount: dataset.rowCount, weights: weights, strata: strata)
    }
}

private func pow2(_ x: Double) -> Double { x * x }
