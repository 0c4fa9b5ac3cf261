import Foundation

/// R's `svyciprop(method = "likelihood")` for a share p̂ with standard error SE on n rows.
///
/// R profiles the deviance of the intercept-only quasibinomial `svyglm` and cuts it at
/// `t² λ`, with λ the design effect of the coefficient (`cov.unscaled / naive.cov`) and the
/// deviance divided by the dispersion φ (`svyvar` of the Pearson residuals, n/(n − 1) for a 0/1
/// variable). For one intercept the profile deviance is the binomial one, `2 ΣW · KL(p̂ ‖ p)`,
/// and λ = SE² ΣW / (p̂(1 − p̂)), so the limits solve
///
///     KL(p̂ ‖ p) = p̂ log(p̂/p) + (1 − p̂) log((1 − p̂)/(1 − p)) = t² SE² n / (2 (n − 1) p̂ (1 − p̂))
///
/// on either side of p̂. R finds them by a spline through a few profile points (within about
/// 1e-5 of these); here they are solved to machine precision.
enum LikelihoodInterval {
    static func limits(_ share: Double, standardError: Double, rows: Int, t: Double) -> (
        lower: Double, upper: Double
    ) {
        guard rows > 1 else { return (.nan, .nan) }
        let n = Double(rows)
        let cut = t * t * standardError * standardError * n / (2 * (n - 1) * share * (1 - share))
        func excess(_ logit: Double) -> Double {
            let p = 1 / (1 + exp(-logit))
            return share * log(share / p) + (1 - share) * log((1 - share) / (1 - p)) - cut
        }
        let centre = log(share / (1 - share))
        return (
            expit(root(excess, from: centre, towards: -1)), expit(root(excess, from: centre, towards: 1))
        )
    }

    /// The point beyond `start` in `direction` where the increasing excess crosses zero, by
    /// bracketing in steps that double and then bisection on the logit scale.
    private static func root(_ excess: (Double) -> Double, from start: Double, towards direction: Double) -> Double {
        var inside = start
        var step = 0.5
        var outside = start + direction * step
        while excess(outside) < 0 {
            inside = outside
            step *= 2
            outside = start + direction * step
            if step > 1e3 { return direction * .infinity }
        }
        for _ in 0..<200 {
            let middle = (inside + outside) / 2
            if middle == inside || middle == outside { break }
            if excess(middle) < 0 { inside = middle } else { outside = middle }
        }
        return (inside + outside) / 2
    }

    private static func expit(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
