/// What a calibration step (post-stratification or raking) leaves behind for variance
/// estimation: the groups it calibrated to and the weights around it.
///
/// Influence values are replaced by their residuals from the calibration groups before they
/// are aggregated, exactly as R's `svyrecvar` does for `postStratify` and `rake` designs, so that
/// calibrated estimates get the smaller variance the auxiliary information buys.
public struct Calibration: Sendable {
    /// One grouping variable that was calibrated to known population totals.
    public struct Margin: Sendable {
        /// Group index of each row, `0..<groupCount`.
        public var groupOfRow: [Int32]
        public var groupCount: Int
        /// Weights before this step.
        public var weightsBefore: [Double]
        /// Weights after this step.
        public var weightsAfter: [Double]

        public init(groupOfRow: [Int32], groupCount: Int, weightsBefore: [Double], weightsAfter: [Double]) {
            self.groupOfRow = groupOfRow
            self.groupCount = groupCount
            self.weightsBefore = weightsBefore
            self.weightsAfter = weightsAfter
        }
    }

    public enum Method: Sendable {
        case postStratification(Margin)
        /// The margins of the last raking sweep, in the order they were applied.
        case raking([Margin])
        /// Calibration to totals of auxiliary columns (R's `calibrate`), whose variance uses
        /// the residuals of a weighted regression on those columns.
        case regression(RegressionCalibration)
    }

    public let method: Method
    /// For raking: R's ten sweeps worked out once as a linear map on the margins' groups.
    let projection: RakingProjection?

    public init(_ method: Method) {
        self.method = method
        if case .raking(let margins) = method {
            projection = RakingProjection(margins: margins, sweeps: Self.rakingResidualSweeps)
        } else {
            projection = nil
        }
    }

    /// The number of projection sweeps R's `svyrecvar` makes for a raked design.
    static let rakingResidualSweeps = 10

    /// Replaces influence values by their calibration residuals, in place.
    func residualize(_ scores: inout [Double]) {
        switch method {
        case .postStratification(let margin):
            // R: psmeans <- rowsum(x * oldw / psw, g) / by(oldw, g, sum); x <- x - psmeans[g] * psw
            var numerator = [Double](repeating: 0, count: margin.groupCount)
            var denominator = [Double](repeating: 0, count: margin.groupCount)
            for row in scores.indices {
                let group = Int(margin.groupOfRow[row])
                let old = margin.weightsBefore[row]
                let new = Self.nonZero(margin.weightsAfter[row], old)
                numerator[group] += scores[row] * old / new
                denominator[group] += old
            }
            for row in scores.indices {
                let group = Int(margin.groupOfRow[row])
                guard denominator[group] > 0 else { continue }
                let new = Self.nonZero(margin.weightsAfter[row], margin.weightsBefore[row])
                scores[row] -= numerator[group] / denominator[group] * new
            }
        case .raking(let margins):
            if let projection {
                projection.apply(&scores)
            } else {
                Self.sweep(&scores, margins: margins, sweeps: Self.rakingResidualSweeps)
            }
        case .regression(let calibration):
            calibration.residualize(&scores)
        }
    }

    /// R's raking residuals row by row: `for (i in 1:10) for (margin in psvar) x <- x - psw * ave(x / psw, margin)`.
    /// `RakingProjection` gives the same numbers far faster; this stays for margins with very many groups
    /// and as the reference the projection is tested against.
    static func sweep(_ scores: inout [Double], margins: [Margin], sweeps: Int) {
        let prepared = margins.map { margin in
            (
                inverseCount: RakingProjection.inverseCounts(margin),
                inverseWeight: margin.weightsAfter.map { $0 > 0 ? 1 / $0 : 0 }
            )
        }
        var sum = [Double](repeating: 0, count: margins.map(\.groupCount).max() ?? 0)
        for _ in 0..<sweeps {
            for (margin, (inverseCount, inverseWeight)) in zip(margins, prepared) {
                for group in 0..<margin.groupCount { sum[group] = 0 }
                for row in scores.indices {
                    sum[Int(margin.groupOfRow[row])] += scores[row] * inverseWeight[row]
                }
                for group in 0..<margin.groupCount { sum[group] *= inverseCount[group] }
                for row in scores.indices {
                    scores[row] -= margin.weightsAfter[row] * sum[Int(margin.groupOfRow[row])]
                }
            }
        }
    }

    /// R replaces a zero new weight by 1 when the old weight was zero too, to avoid 0/0.
    private static func nonZero(_ new: Double, _ old: Double) -> Double {
        new == 0 && old == 0 ? 1 : new
    }
}
