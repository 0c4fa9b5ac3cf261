/// One cell of an evaluation: the mean of the outcome among one group's rows in one wave.
public struct PanelCell: Sendable, Codable, Hashable {
    public var wave: Int
    public var participant: Bool
    /// The weighted mean (a share for a 0/1 outcome).
    public var estimate: Double
    public var standardError: Double
    /// Rows with an outcome in the cell.
    public var rows: Int
    /// `Σ w` over those rows.
    public var weightedCount: Double
}

/// The 2K domain means of K waves × two groups in one pooled design, with their joint linearised
/// covariance: the ratio means' influence values `w (y − ȳ_d) / Σ_d w` on the rows of cell d,
/// zero elsewhere, aggregated over the pooled design's PSUs. A municipality seen in two waves is
/// one PSU, so the covariance between its cells enters. These are the coefficients of the
/// saturated `svyglm(y ~ factor(wave) * group)` in another basis, and this covariance is its
/// sandwich covariance in that basis.
struct PanelCells {
    let waves: [Int]
    /// Index `wave * 2 + (participant ? 0 : 1)`.
    let cells: [PanelCell]
    let covariance: Matrix
    /// svyglm's residual degrees of freedom: `degf(design of the rows used) + 1 − 2K`.
    let degreesOfFreedom: Int
    /// Clusters (PSUs) with rows used in more than one wave.
    let sharedClusters: Int

    static func index(wave: Int, participant: Bool) -> Int { wave * 2 + (participant ? 0 : 1) }

    init(
        outcome values: [Double], panel: EvaluationPanel, design: SurveyDesign, waves: [Int], what: String
    ) throws(StatisticsError) {
        guard design.rowCount == panel.dataset.rowCount else {
            throw .invalidDesign("the design has \(design.rowCount) rows; the panel has \(panel.dataset.rowCount)")
        }
        guard Set(waves).count == waves.count, waves.count >= 2 else {
            throw .invalidArgument("\(what) needs two or more different waves, not \(waves)")
        }
        let positionOfWave = Dictionary(uniqueKeysWithValues: waves.enumerated().map { ($0.element, $0.offset) })
        let rowCount = design.rowCount
        var cellOfRow = [Int](repeating: -1, count: rowCount)
        var used = [Bool](repeating: false, count: rowCount)
        let count = waves.count * 2
        var totals = [Double](repeating: 0, count: count)
        var weighted = [Double](repeating: 0, count: count)
        var rows = [Int](repeating: 0, count: count)
        for row in 0..<rowCount {
            guard !values[row].isNaN, let wave = panel.waveOfRow[row], let position = positionOfWave[wave],
                let participant = panel.isParticipant[row]
            else { continue }
            let cell = Self.index(wave: position, participant: participant)
            cellOfRow[row] = cell
            used[row] = true
            rows[cell] += 1
            weighted[cell] += design.weights[row]
            totals[cell] += design.weights[row] * values[row]
        }
        for cell in 0..<count where !(weighted[cell] > 0) {
            let group = cell % 2 == 0 ? "participants" : "the comparison group"
            throw .emptyBase(
                "\(what): \(group) have no row with an outcome and positive weight in wave \(waves[cell / 2])")
        }
        let means = (0..<count).map { totals[$0] / weighted[$0] }
        var influence = [[Double]](repeating: [Double](repeating: 0, count: rowCount), count: count)
        for row in 0..<rowCount where cellOfRow[row] >= 0 {
            let cell = cellOfRow[row]
            influence[cell][row] = design.weights[row] * (values[row] - means[cell]) / weighted[cell]
        }
        let covariance = try design.subsetCovariance(of: influence, rows: used)
        let degrees = design.degreesOfFreedom(of: used) + 1 - count
        guard degrees > 0 else {
            throw .invalidArgument(
                "\(what): the rows used span \(degrees + count - 1) design degrees of freedom; \(count) cell means need more (add municipalities)"
            )
        }

        var wavesOfPSU = [Set<Int>](repeating: [], count: design.psuCount)
        for row in 0..<rowCount where used[row] && design.weights[row] > 0 {
            wavesOfPSU[Int(design.psuOfRow[row])].insert(cellOfRow[row] / 2)
        }
        self.waves = waves
        cells = (0..<count).map { cell in
            PanelCell(
                wave: waves[cell / 2], participant: cell % 2 == 0, estimate: means[cell],
                standardError: max(covariance[cell, cell], 0).squareRoot(), rows: rows[cell],
                weightedCount: weighted[cell])
        }
        self.covariance = covariance
        degreesOfFreedom = degrees
        sharedClusters = wavesOfPSU.count { $0.count > 1 }
    }

    /// The estimate of a linear combination of the cells.
    func estimate(_ coefficients: [Double]) -> Double {
        coefficients.indices.reduce(0) { $0 + coefficients[$1] * cells[$1].estimate }
    }

    /// The covariance of two linear combinations of the cells, aᵀ V b.
    func covariance(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices where a[i] != 0 {
            for j in b.indices where b[j] != 0 { sum += a[i] * b[j] * covariance[i, j] }
        }
        return sum
    }

    /// (wave − reference) for participants minus the same for the comparison group.
    func didCoefficients(wave: Int, reference: Int) -> [Double] {
        var coefficients = [Double](repeating: 0, count: cells.count)
        coefficients[Self.index(wave: wave, participant: true)] += 1
        coefficients[Self.index(wave: reference, participant: true)] -= 1
        coefficients[Self.index(wave: wave, participant: false)] -= 1
        coefficients[Self.index(wave: reference, participant: false)] += 1
        return coefficients
    }
}

/// A linear combination of cell means with its t test and interval.
public struct PanelContrast: Sendable, Codable, Hashable {
    public var estimate: Double
    public var standardError: Double
    public var degreesOfFreedom: Int
    public var tStatistic: Double
    public var pValue: Double
    public var lower: Double
    public var upper: Double

    init(_ cells: PanelCells, _ coefficients: [Double], level: Double, what: String) throws(StatisticsError) {
        let estimate = cells.estimate(coefficients)
        let standardError = max(cells.covariance(coefficients, coefficients), 0).squareRoot()
        let interval = try TInterval(
            estimate: estimate, standardError: standardError, degreesOfFreedom: Double(cells.degreesOfFreedom),
            level: level, what: what)
        self.estimate = estimate
        self.standardError = standardError
        degreesOfFreedom = cells.degreesOfFreedom
        tStatistic = interval.tStatistic
        pValue = interval.pValue
        lower = interval.lower
        upper = interval.upper
    }
}
