import Foundation

/// Iteratively reweighted least squares for a logistic model, step for step as R's
/// `glm.fit` with `quasibinomial()`: the same start, clamping of the logit and convergence
/// rule, so that the coefficients agree with R to rounding.
///
/// It iterates to convergence, as `glm.control(epsilon = 1e-14, maxit = 100)`: with R's default
/// epsilon of 1e-8, glm stops one Newton step early, and since the covariance uses the working
/// weights of the last step, its standard errors are then up to ~1e-6 (relative) off the limit.
struct LogitIRLS {
    /// Relative change of the deviance at which the fit has converged.
    static let tolerance = 1e-14
    /// R's default criterion; once it holds, a deviance that no longer falls is rounding noise.
    static let defaultTolerance = 1e-8
    static let maximumIterations = 100

    let coefficients: [Double]
    /// `(X′WX)⁻¹` with the working weights of the last iteration (R's `cov.unscaled` of the glm).
    let inverseInformation: Matrix
    /// Working weights `w μ(1 − μ)` of the last iteration, zero for rows not fitted.
    let workingWeights: [Double]
    /// Working residuals `(y − μ) / μ′(η)` at the final coefficients.
    let workingResiduals: [Double]
    let fitted: [Double]
    let linearPredictor: [Double]
    let iterations: Int

    /// - Parameters:
    ///   - columns: The model matrix, one array per term over all rows.
    ///   - outcome: Outcome values in [0, 1].
    ///   - priorWeights: Weights of the rows fitted; zero elsewhere.
    init(columns: [[Double]], outcome: [Double], priorWeights: [Double], terms: [ModelTerm]) throws(StatisticsError) {
        let rows = priorWeights.indices.filter { priorWeights[$0] > 0 }
        let p = columns.count
        var eta = [Double](repeating: 0, count: priorWeights.count)
        var mu = eta
        for row in rows {
            let start = (priorWeights[row] * outcome[row] + 0.5) / (priorWeights[row] + 1)
            eta[row] = log(start / (1 - start))
            mu[row] = Self.inverseLink(eta[row])
        }
        var previousDeviance = Self.deviance(outcome, mu, priorWeights, rows)
        var coefficients = [Double](repeating: 0, count: p)
        var weights = [Double](repeating: 0, count: priorWeights.count)
        var information = Matrix(rows: p, columns: p)
        var converged = false
        var iteration = 0
        while iteration < Self.maximumIterations {
            iteration += 1
            var score = Matrix(rows: p, columns: 1)
            information = Matrix(rows: p, columns: p)
            for row in rows {
                let derivative = Self.linkDerivative(eta[row])
                let variance = mu[row] * (1 - mu[row])
                let working = eta[row] + (outcome[row] - mu[row]) / derivative
                let weight = priorWeights[row] * derivative * derivative / variance
                weights[row] = weight
                for a in 0..<p {
                    let xa = columns[a][row] * weight
                    if xa == 0 { continue }
                    score[a, 0] += xa * working
                    for b in a..<p { information[a, b] += xa * columns[b][row] }
                }
            }
            for a in 0..<p {
                for b in 0..<a { information[a, b] = information[b, a] }
            }
            let solution: Matrix
            do {
                solution = try information.solving(score)
            } catch {
                throw .invalidArgument(
                    "the predictors are collinear among the rows used (terms: \(terms.map(\.name).joined(separator: ", ")))"
                )
            }
            coefficients = (0..<p).map { solution[$0, 0] }
            for row in rows {
                var linear = 0.0
                for term in 0..<p { linear += columns[term][row] * coefficients[term] }
                eta[row] = linear
                mu[row] = Self.inverseLink(linear)
            }
            let deviance = Self.deviance(outcome, mu, priorWeights, rows)
            guard deviance.isFinite, coefficients.allSatisfy(\.isFinite) else {
                throw .notConverged("logistic regression: the deviance became \(deviance) at iteration \(iteration)")
            }
            let change = abs(deviance - previousDeviance) / (abs(deviance) + 0.1)
            if change < Self.tolerance || (change < Self.defaultTolerance && deviance >= previousDeviance) {
                converged = true
                break
            }
            previousDeviance = deviance
        }
        guard converged else {
            throw .notConverged(
                "logistic regression did not converge in \(Self.maximumIterations) iterations; look for predictors that separate the outcome or merge sparse categories"
            )
        }
        do {
            inverseInformation = try information.choleskyInverse()
        } catch {
            throw .invalidArgument("the predictors are collinear among the rows used")
        }
        self.coefficients = coefficients
        workingWeights = weights
        workingResiduals = priorWeights.indices.map { row in
            priorWeights[row] > 0 ? (outcome[row] - mu[row]) / Self.linkDerivative(eta[row]) : 0
        }
        fitted = mu
        linearPredictor = eta
        iterations = iteration
    }

    /// The logistic function with R's clamping at |η| > 30 (`logit_linkinv` in C).
    static func inverseLink(_ eta: Double) -> Double {
        let odds = eta < -30 ? Double.ulpOfOne : (eta > 30 ? 1 / Double.ulpOfOne : exp(eta))
        return odds / (1 + odds)
    }

    /// dμ/dη, floored at machine epsilon as R's `logit_mu_eta`.
    static func linkDerivative(_ eta: Double) -> Double {
        let onePlusExp = 1 + exp(eta)
        return eta > 30 || eta < -30 ? Double.ulpOfOne : exp(eta) / (onePlusExp * onePlusExp)
    }

    /// Binomial deviance `2 Σ w [y log(y/μ) + (1 − y) log((1 − y)/(1 − μ))]`.
    static func deviance(_ y: [Double], _ mu: [Double], _ weights: [Double], _ rows: [Int]) -> Double {
        var total = 0.0
        for row in rows {
            let success = y[row] != 0 ? y[row] * log(y[row] / mu[row]) : 0
            let failure = y[row] != 1 ? (1 - y[row]) * log((1 - y[row]) / (1 - mu[row])) : 0
            total += 2 * weights[row] * (success + failure)
        }
        return total
    }
}
