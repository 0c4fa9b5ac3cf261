/// A sampling design for Taylor-linearised variance estimation: sampling weights, strata,
/// first-stage clusters (PSUs) and the finite population correction, as in R's
/// `svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~N, nest = TRUE)`.
///
/// PSU identifiers are read within strata (R's `nest = TRUE`): PSU "1" in stratum A and
/// PSU "1" in stratum B are different PSUs. Without clusters every row is its own PSU.
///
/// Calibration (post-stratification or raking, see `Weighting`) returns a new design whose
/// weights are the calibrated ones and whose `calibrations` make the variance account for it.
public struct SurveyDesign: Sendable {
    public let rowCount: Int
    /// Sampling weights, one per row, non-negative. A zero weight keeps the row in the design
    /// (its PSU still counts) but gives it no influence, as R does for `1/prob = 0`.
    public private(set) var weights: [Double]
    /// The largest weight accepted: a row standing for more than 10¹² units is a data error
    /// (a population count, an unparsed decimal separator), and squares of larger weights sum
    /// to overflow in the variance, which would print as SE "NA" and deff "-nan".
    public static let largestWeight = 1e12
    /// Stratum index of each row, `0..<stratumLabels.count`.
    public let stratumOfRow: [Int32]
    /// PSU index of each row, `0..<psuCount`, unique across strata.
    public let psuOfRow: [Int32]
    /// Stratum index of each PSU.
    public let stratumOfPSU: [Int32]
    public let stratumLabels: [String]
    /// Number of sampled PSUs in each stratum.
    public let psuCountOfStratum: [Int]
    /// Population size (PSUs) of each stratum, or nil without finite population correction.
    public let populationOfStratum: [Double]?
    public var lonelyPSU: LonelyPSUPolicy
    /// Calibration steps, applied in order to the influence values before aggregation.
    public private(set) var calibrations: [Calibration]
    /// The PSUs of each stratum, for the variance's pass over strata.
    let stratumLayout: StratumLayout
    /// For a raked design: what makes a domain's variances cost its own rows only.
    private(set) var residualBasis: DomainResidualBasis?

    public var psuCount: Int { stratumOfPSU.count }
    public var stratumCount: Int { stratumLabels.count }
    public var isStratified: Bool { stratumLabels.count > 1 }
    public var isClustered: Bool { psuCount < rowCount }

    /// Makes a design from per-row columns.
    ///
    /// - Parameters:
    ///   - rowCount: The number of rows; every column given must have this length.
    ///   - weights: Sampling weights (inverse inclusion probabilities); all 1 when nil.
    ///   - strata: Stratum label of each row; one stratum when nil.
    ///   - clusters: First-stage cluster (PSU) label of each row, read within strata;
    ///     each row its own PSU when nil.
    ///   - fpc: Per-row finite population correction, constant within a stratum: either the
    ///     population number of PSUs in the stratum (a value above 1) or the sampling fraction
    ///     (a value in (0, 1]), as R's `svydesign(fpc =)` accepts.
    ///   - lonelyPSU: The rule for strata with a single PSU.
    public init(
        rowCount: Int,
        weights: [Double]? = nil,
        strata: [String]? = nil,
        clusters: [String]? = nil,
        fpc: [Double]? = nil,
        lonelyPSU: LonelyPSUPolicy = .fail
    ) throws(StatisticsError) {
        guard rowCount > 0 else { throw .invalidDesign("the design has no rows") }
        for (name, count) in [
            ("weights", weights?.count), ("strata", strata?.count), ("clusters", clusters?.count),
            ("fpc", fpc?.count),
        ] {
            if let count, count != rowCount {
                throw .invalidDesign("\(name) has \(count) values; the data have \(rowCount) rows")
            }
        }
        let weights = weights ?? Array(repeating: 1, count: rowCount)
        for (index, weight) in weights.enumerated() where !(weight >= 0) || weight > Self.largestWeight {
            throw .invalidValue(
                variable: "weight", row: index + 1,
                message: weight.isNaN
                    ? "weight is missing"
                    : weight < 0
                        ? "weight \(weight) is negative"
                        : "weight \(weight) is larger than any population (one row may stand for at most 10^12); check the column and its decimal separator"
            )
        }
        guard weights.contains(where: { $0 > 0 }) else { throw .invalidDesign("every weight is zero") }

        var stratumIndex: [String: Int32] = [:]
        var stratumLabels: [String] = []
        let stratumOfRow: [Int32] = (strata ?? Array(repeating: "", count: rowCount)).map { label in
            if let index = stratumIndex[label] { return index }
            let index = Int32(stratumLabels.count)
            stratumIndex[label] = index
            stratumLabels.append(label)
            return index
        }

        var psuOfRow = [Int32](repeating: 0, count: rowCount)
        var stratumOfPSU: [Int32] = []
        if let clusters {
            var psuIndex: [PSUKey: Int32] = [:]
            for row in 0..<rowCount {
                let key = PSUKey(stratum: stratumOfRow[row], label: clusters[row])
                if let index = psuIndex[key] {
                    psuOfRow[row] = index
                } else {
                    let index = Int32(stratumOfPSU.count)
                    psuIndex[key] = index
                    stratumOfPSU.append(stratumOfRow[row])
                    psuOfRow[row] = index
                }
            }
        } else {
            for row in 0..<rowCount { psuOfRow[row] = Int32(row) }
            stratumOfPSU = stratumOfRow
        }
        var psuCountOfStratum = [Int](repeating: 0, count: stratumLabels.count)
        for stratum in stratumOfPSU { psuCountOfStratum[Int(stratum)] += 1 }

        var population: [Double]?
        if let fpc {
            var perStratum = [Double](repeating: .nan, count: stratumLabels.count)
            for row in 0..<rowCount {
                let value = fpc[row]
                let stratum = Int(stratumOfRow[row])
                guard value > 0, value.isFinite else {
                    throw .invalidValue(variable: "fpc", row: row + 1, message: "fpc \(value) must be positive")
                }
                if perStratum[stratum].isNaN {
                    perStratum[stratum] = value
                } else if perStratum[stratum] != value {
                    throw .invalidValue(
                        variable: "fpc", row: row + 1,
                        message: "fpc varies within stratum \(stratumLabels[stratum])")
                }
            }
            population = try perStratum.enumerated().map { (stratum, value) throws(StatisticsError) in
                let sampled = Double(psuCountOfStratum[stratum])
                // A value of at most 1 is a sampling fraction, as in R.
                let size = value <= 1 ? sampled / value : value
                guard size >= sampled - 1e-9 else {
                    throw .invalidDesign(
                        "stratum \(stratumLabels[stratum]): population size \(size) is smaller than the \(Int(sampled)) sampled PSUs"
                    )
                }
                return size
            }
        }

        self.rowCount = rowCount
        self.weights = weights
        self.stratumOfRow = stratumOfRow
        self.psuOfRow = psuOfRow
        self.stratumOfPSU = stratumOfPSU
        self.stratumLabels = stratumLabels
        self.psuCountOfStratum = psuCountOfStratum
        self.populationOfStratum = population
        self.lonelyPSU = lonelyPSU
        self.calibrations = []
        self.stratumLayout = StratumLayout(stratumOfPSU: stratumOfPSU, stratumCount: stratumLabels.count)
        self.residualBasis = nil
    }

    /// The same design with new weights and one more calibration step for the variance.
    public func calibrated(to weights: [Double], by calibration: Calibration) -> SurveyDesign {
        var copy = self
        copy.weights = weights
        copy.calibrations.append(calibration)
        copy.residualBasis = nil
        copy.residualBasis = DomainResidualBasis(design: copy)
        return copy
    }

    /// The same design and calibration steps with other weights (R's `design$prob <- 1/w`, as
    /// `trimWeights` does: earlier calibrations keep what they recorded).
    func reweighted(_ weights: [Double]) -> SurveyDesign {
        var copy = self
        copy.weights = weights
        copy.residualBasis = nil
        copy.residualBasis = calibrations.isEmpty ? nil : DomainResidualBasis(design: copy)
        return copy
    }

    /// Design degrees of freedom: PSUs minus strata, counting only PSUs and strata with
    /// positive weight, as R's `degf()`.
    public var degreesOfFreedom: Int {
        degreesOfFreedom(of: [Bool](repeating: true, count: rowCount))
    }

    /// Degrees of freedom of the subset of rows given: PSUs with positive weight among them
    /// minus the strata they lie in, as R's `degf(subset(design, ...))`.
    func degreesOfFreedom(of rows: [Bool]) -> Int {
        var psuSeen = [Bool](repeating: false, count: psuCount)
        var stratumSeen = [Bool](repeating: false, count: stratumCount)
        for row in 0..<rowCount where rows[row] && weights[row] > 0 {
            psuSeen[Int(psuOfRow[row])] = true
            stratumSeen[Int(stratumOfRow[row])] = true
        }
        return psuSeen.count(where: { $0 }) - stratumSeen.count(where: { $0 })
    }

    /// Kish's design effect due to unequal weighting, `n Σw² / (Σw)²`.
    public var kishDesignEffect: Double {
        var sum = 0.0
        var sumOfSquares = 0.0
        var positive = 0
        for weight in weights where weight > 0 {
            sum += weight
            sumOfSquares += weight * weight
            positive += 1
        }
        return Double(positive) * sumOfSquares / (sum * sum)
    }

    /// Kish's effective sample size, `(Σw)² / Σw²`.
    public var kishEffectiveSampleSize: Double {
        var sum = 0.0
        var sumOfSquares = 0.0
        for weight in weights where weight > 0 {
            sum += weight
            sumOfSquares += weight * weight
        }
        return sum * sum / sumOfSquares
    }
}

/// PSU indices grouped by stratum, in increasing order within each stratum.
struct StratumLayout: Sendable {
    private let start: [Int]
    private let psus: [Int32]

    init(stratumOfPSU: [Int32], stratumCount: Int) {
        var start = [Int](repeating: 0, count: stratumCount + 1)
        for stratum in stratumOfPSU { start[Int(stratum) + 1] += 1 }
        for index in 0..<stratumCount { start[index + 1] += start[index] }
        var fill = start
        var psus = [Int32](repeating: 0, count: stratumOfPSU.count)
        for (psu, stratum) in stratumOfPSU.enumerated() {
            psus[fill[Int(stratum)]] = Int32(psu)
            fill[Int(stratum)] += 1
        }
        self.start = start
        self.psus = psus
    }

    func psus(of stratum: Int) -> ArraySlice<Int32> { psus[start[stratum]..<start[stratum + 1]] }
}

private struct PSUKey: Hashable {
    let stratum: Int32
    let label: String
}
