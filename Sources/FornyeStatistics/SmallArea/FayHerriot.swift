import Foundation

/// The Fay–Herriot area-level model (Fay and Herriot 1979; Rao and Molina 2015, ch. 6) for areas
/// with few respondents: each area's direct estimate `yᵢ` with its sampling variance `ψᵢ`
/// (taken as known) is `yᵢ = xᵢ'β + uᵢ + eᵢ`, `uᵢ ~ N(0, σ²ᵤ)`, `eᵢ ~ N(0, ψᵢ)`.
///
/// `σ²ᵤ` is estimated by REML (default) or ML (Fisher scoring, truncated at 0), the areas' values
/// by the EBLUP `γᵢyᵢ + (1 − γᵢ)xᵢ'β̂` with `γᵢ = σ²ᵤ / (σ²ᵤ + ψᵢ)`, and each EBLUP's mean squared
/// error by Prasad and Rao's `g₁ + g₂ + 2g₃` under REML, where it is also Datta and Lahiri's
/// (2000) estimator (REML's σ̂²ᵤ has no first-order bias), and by Datta and Lahiri's
/// `g₁ − (1 − γᵢ)²b + g₂ + 2g₃` under ML, `b` being ML's bias `−tr[(X'V⁻¹X)⁻¹X'V⁻²X] / Σ vᵢ⁻²`.
/// Checked against Python's `samplics` `EblupAreaModel` (scripts/samplics).
///
/// ```swift
/// let fit = try FayHerriot.fit(FayHerriot.Input(estimates: y, variances: psi, covariates: x))
/// let small = fit.areas[3]      // .estimate, .mse, .shrinkage
/// let unsampled = try fit.synthetic(covariates: [1, 4, 8.2])
/// ```
public enum FayHerriot {
    /// How σ²ᵤ is estimated; it also chooses the MSE estimator (Prasad–Rao or Datta–Lahiri).
    public enum Method: String, Sendable, Codable, CaseIterable {
        case reml = "REML"
        case ml = "ML"
    }

    public struct Input: Sendable {
        /// Direct estimates, one per area.
        public var estimates: [Double]
        /// Their sampling variances ψᵢ (> 0), taken as known; smooth them for small areas.
        public var variances: [Double]
        /// One row per area: the covariates, including a 1 for the intercept if wanted.
        public var covariates: [[Double]]

        public init(estimates: [Double], variances: [Double], covariates: [[Double]]) {
            self.estimates = estimates
            self.variances = variances
            self.covariates = covariates
        }
    }

    public struct Area: Sendable, Hashable {
        /// The EBLUP.
        public var estimate: Double
        /// Prasad–Rao mean squared error of the EBLUP.
        public var mse: Double
        /// γᵢ: the weight of the area's own direct estimate.
        public var shrinkage: Double
        /// The regression part xᵢ'β̂.
        public var synthetic: Double

        public var rootMSE: Double { mse.squareRoot() }
    }

    public struct Fit: Sendable {
        public var beta: [Double]
        /// (X'V⁻¹X)⁻¹, the covariance of β̂ given σ²ᵤ.
        public var betaCovariance: Matrix
        /// REML estimate of the model variance σ²ᵤ.
        public var modelVariance: Double
        /// The asymptotic variance of σ̂²ᵤ, `2 / Σ (σ²ᵤ + ψᵢ)⁻²`.
        public var modelVarianceVariance: Double
        public var method: Method
        public var iterations: Int
        public var areas: [Area]

        /// The prediction for an area without a direct estimate: `x'β̂`, with mean squared error
        /// `σ²ᵤ + x'(X'V⁻¹X)⁻¹x` (the EBLUP with γ = 0).
        public func synthetic(covariates x: [Double]) throws(StatisticsError) -> Area {
            guard x.count == beta.count, x.allSatisfy(\.isFinite) else {
                throw .invalidArgument("Fay–Herriot: an area's covariates must be \(beta.count) finite numbers")
            }
            let prediction = zip(x, beta).reduce(0) { $0 + $1.0 * $1.1 }
            return Area(
                estimate: prediction, mse: modelVariance + FayHerriot.quadratic(x, betaCovariance), shrinkage: 0,
                synthetic: prediction)
        }
    }

    /// Fits the model by REML.
    ///
    /// - Throws: ``StatisticsError/invalidArgument(_:)`` for mismatched lengths, non-finite values,
    ///   a variance ≤ 0 or fewer areas than covariates + 1; ``StatisticsError/notConverged(_:)``.
    public static func fit(
        _ input: Input, method: Method = .reml, tolerance: Double = 1e-10, maximumIterations: Int = 200
    ) throws(StatisticsError) -> Fit {
        let m = input.estimates.count
        let p = input.covariates.first?.count ?? 0
        guard input.variances.count == m, input.covariates.count == m else {
            throw .invalidArgument("Fay–Herriot: estimates, variances and covariates must have one entry per area")
        }
        guard p > 0, m > p, input.covariates.allSatisfy({ $0.count == p }) else {
            throw .invalidArgument("Fay–Herriot: need more areas (\(m)) than covariates (\(p)), each row of \(p)")
        }
        guard input.estimates.allSatisfy(\.isFinite), input.covariates.allSatisfy({ $0.allSatisfy(\.isFinite) })
        else { throw .invalidArgument("Fay–Herriot: estimates and covariates must be finite") }
        guard input.variances.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw .invalidArgument("Fay–Herriot: every sampling variance must be finite and > 0")
        }
        let x = Matrix(input.covariates)
        let y = input.estimates
        let psi = input.variances
        // Start from the moment-free guess samplics also uses: the median sampling variance.
        var sigma2 = psi.sorted()[m / 2]
        var iterations = 0
        while true {
            iterations += 1
            let (score, information) =
                method == .reml
                ? try reml(sigma2: sigma2, x: x, y: y, psi: psi) : try ml(sigma2: sigma2, x: x, y: y, psi: psi)
            let step = score / information
            var next = sigma2 + step
            if next < 0 { next = 0 }
            let change = abs(next - sigma2)
            sigma2 = next
            if change <= tolerance * max(1, sigma2) || (sigma2 == 0 && score < 0) { break }
            if iterations >= maximumIterations {
                throw .notConverged("Fay–Herriot REML after \(iterations) iterations (σ²ᵤ = \(sigma2))")
            }
        }
        return try estimate(sigma2: sigma2, method: method, x: x, y: y, psi: psi, iterations: iterations)
    }

    /// REML score and Fisher information for σ²ᵤ: `−½ tr P + ½ y'P²y` and `½ tr P²`, with
    /// `P = V⁻¹ − V⁻¹X(X'V⁻¹X)⁻¹X'V⁻¹`.
    static func reml(sigma2: Double, x: Matrix, y: [Double], psi: [Double]) throws(StatisticsError) -> (
        score: Double, information: Double
    ) {
        let m = y.count
        let inverseV = psi.map { 1 / (sigma2 + $0) }
        let covariance = try weightedCrossProduct(x, inverseV).inverse()
        // P = V⁻¹ − V⁻¹ X C X' V⁻¹, formed densely: the areas are municipalities (a few hundred).
        let vx = Matrix(
            rows: m, columns: x.columns, values: (0..<m * x.columns).map { inverseV[$0 / x.columns] * x.values[$0] })
        let projection = vx * covariance * vx.transposed
        var pMatrix = [Double](repeating: 0, count: m * m)
        for i in 0..<m {
            for j in 0..<m { pMatrix[i * m + j] = (i == j ? inverseV[i] : 0) - projection[i, j] }
        }
        var py = [Double](repeating: 0, count: m)
        var trace = 0.0
        var traceSquared = 0.0
        for i in 0..<m {
            trace += pMatrix[i * m + i]
            var sum = 0.0
            for j in 0..<m {
                sum += pMatrix[i * m + j] * y[j]
                traceSquared += pMatrix[i * m + j] * pMatrix[j * m + i]
            }
            py[i] = sum
        }
        let yPPy = py.reduce(0) { $0 + $1 * $1 }
        return (-0.5 * trace + 0.5 * yPPy, 0.5 * traceSquared)
    }

    /// ML score and Fisher information for σ²ᵤ: `−½ Σ (1/vᵢ − rᵢ²/vᵢ²)` and `½ Σ 1/vᵢ²`, with
    /// `rᵢ = yᵢ − xᵢ'β̂(σ²ᵤ)`.
    static func ml(sigma2: Double, x: Matrix, y: [Double], psi: [Double]) throws(StatisticsError) -> (
        score: Double, information: Double
    ) {
        let beta = try generalisedLeastSquares(sigma2: sigma2, x: x, y: y, psi: psi).beta
        var score = 0.0
        var information = 0.0
        for i in y.indices {
            let v = sigma2 + psi[i]
            let residual = y[i] - zip(x.row(i), beta).reduce(0) { $0 + $1.0 * $1.1 }
            score += -0.5 * (1 / v - residual * residual / (v * v))
            information += 0.5 / (v * v)
        }
        return (score, information)
    }

    /// β̂ and (X'V⁻¹X)⁻¹ for a given σ²ᵤ.
    static func generalisedLeastSquares(sigma2: Double, x: Matrix, y: [Double], psi: [Double])
        throws(StatisticsError) -> (beta: [Double], covariance: Matrix)
    {
        let inverseV = psi.map { 1 / (sigma2 + $0) }
        let covariance = try weightedCrossProduct(x, inverseV).inverse()
        var xvy = [Double](repeating: 0, count: x.columns)
        for i in y.indices {
            for k in 0..<x.columns { xvy[k] += x[i, k] * inverseV[i] * y[i] }
        }
        let beta = (0..<x.columns).map { k in (0..<x.columns).reduce(0) { $0 + covariance[k, $1] * xvy[$1] } }
        return (beta, covariance)
    }

    static func estimate(sigma2: Double, method: Method, x: Matrix, y: [Double], psi: [Double], iterations: Int)
        throws(StatisticsError) -> Fit
    {
        let m = y.count
        let inverseV = psi.map { 1 / (sigma2 + $0) }
        let (beta, covariance) = try generalisedLeastSquares(sigma2: sigma2, x: x, y: y, psi: psi)
        let sumInverseSquared = inverseV.reduce(0) { $0 + $1 * $1 }
        let varianceOfSigma2 = 2 / sumInverseSquared
        // ML's first-order bias of σ̂²ᵤ (Datta and Lahiri 2000); REML has none.
        var bias = 0.0
        if method == .ml {
            let squared = weightedCrossProduct(x, inverseV.map { $0 * $0 })
            bias = -(covariance * squared).trace / sumInverseSquared
        }
        let areas = (0..<m).map { i -> Area in
            let row = x.row(i)
            let synthetic = zip(row, beta).reduce(0) { $0 + $1.0 * $1.1 }
            let gamma = sigma2 * inverseV[i]
            let g1 = gamma * psi[i]
            let g2 = (1 - gamma) * (1 - gamma) * quadratic(row, covariance)
            let g3 = psi[i] * psi[i] * pow(inverseV[i], 3) * varianceOfSigma2
            let g1Correction = (1 - gamma) * (1 - gamma) * bias
            return Area(
                estimate: gamma * y[i] + (1 - gamma) * synthetic, mse: g1 - g1Correction + g2 + 2 * g3,
                shrinkage: gamma,
                synthetic: synthetic)
        }
        return Fit(
            beta: beta, betaCovariance: covariance, modelVariance: sigma2, modelVarianceVariance: varianceOfSigma2,
            method: method, iterations: iterations, areas: areas)
    }

    /// X'WX for a diagonal W.
    static func weightedCrossProduct(_ x: Matrix, _ weights: [Double]) -> Matrix {
        var result = Matrix(rows: x.columns, columns: x.columns)
        var values = result.values
        for i in 0..<x.rows {
            for a in 0..<x.columns {
                let xa = x[i, a] * weights[i]
                for b in 0..<x.columns { values[a * x.columns + b] += xa * x[i, b] }
            }
        }
        result = Matrix(rows: x.columns, columns: x.columns, values: values)
        return result
    }

    static func quadratic(_ x: [Double], _ matrix: Matrix) -> Double {
        var sum = 0.0
        for a in x.indices {
            for b in x.indices { sum += x[a] * matrix[a, b] * x[b] }
        }
        return sum
    }
}
