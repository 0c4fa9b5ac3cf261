/// What calibration to totals of auxiliary columns leaves for the variance, as R's `calibrate`
/// stores it (`greg_calibration`): the columns X, the weights d before and the g-factors.
///
/// R's `svyrecvar` replaces an influence column z by `qr.resid(qr(X √d), z / (g √d)) · g √d`,
/// that is r = z − g d Xβ with β = (XᵀDX)⁻¹ Σ X z / g: the residual of a weighted regression of
/// z on the calibration columns. Rows whose columns are all zero (outside the calibrated group)
/// keep their influence values.
public struct RegressionCalibration: Sendable {
    /// `columns[j][i]`: column j of the calibration model on row i.
    public let columns: [[Double]]
    public let weightsBefore: [Double]
    /// g = weights after / weights before (1 where the weight before is zero).
    public let factors: [Double]
    /// (XᵀDX)⁻¹.
    let inverseCrossProduct: Matrix

    init(columns: [[Double]], weightsBefore: [Double], factors: [Double]) throws(StatisticsError) {
        let p = columns.count
        var crossProduct = Matrix(rows: p, columns: p)
        for a in 0..<p {
            for b in a..<p {
                var sum = 0.0
                for row in weightsBefore.indices where columns[a][row] != 0 {
                    sum += weightsBefore[row] * columns[a][row] * columns[b][row]
                }
                crossProduct[a, b] = sum
                crossProduct[b, a] = sum
            }
        }
        do {
            inverseCrossProduct = try crossProduct.choleskyInverse()
        } catch {
            throw .invalidArgument("the calibration columns are collinear among the weighted rows")
        }
        self.columns = columns
        self.weightsBefore = weightsBefore
        self.factors = factors
    }

    /// The same model (columns and weights before) with other g-factors, without inverting again.
    init(columns: [[Double]], weightsBefore: [Double], factors: [Double], model: RegressionCalibration) {
        self.columns = columns
        self.weightsBefore = weightsBefore
        self.factors = factors
        inverseCrossProduct = model.inverseCrossProduct
    }

    func residualize(_ scores: inout [Double]) {
        let p = columns.count
        var moments = [Double](repeating: 0, count: p)
        for j in 0..<p {
            var sum = 0.0
            // A zero g (a row calibrated to weight 0) has a zero score: R's 0/0 is taken as 0.
            for row in scores.indices where columns[j][row] != 0 && scores[row] != 0 {
                sum += columns[j][row] * scores[row] / factors[row]
            }
            moments[j] = sum
        }
        var beta = [Double](repeating: 0, count: p)
        for a in 0..<p {
            for b in 0..<p { beta[a] += inverseCrossProduct[a, b] * moments[b] }
        }
        for row in scores.indices {
            var fitted = 0.0
            for j in 0..<p where columns[j][row] != 0 { fitted += columns[j][row] * beta[j] }
            if fitted != 0 { scores[row] -= factors[row] * weightsBefore[row] * fitted }
        }
    }
}
