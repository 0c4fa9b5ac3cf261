import Foundation

/// Confidence intervals for shares and for means and totals.
///
/// All intervals use the t distribution with the design degrees of freedom of the domain, as
/// R's `svyciprop` does. Where a share is 0 or 1 its standard error is 0 and neither the logit
/// transform nor an effective sample size exists; every share method then falls back to the
/// exact Clopper–Pearson interval on the unweighted base, so that an interval is never a point
/// (R returns NaN or a degenerate interval there).
enum ConfidenceInterval {
    static func share(
        _ share: Double, standardError: Double, baseCount: Int, positiveCount: Int? = nil, degreesOfFreedom: Int,
        level: Double, method: IntervalMethod
    ) -> (lower: Double, upper: Double) {
        guard share.isFinite, standardError.isFinite, degreesOfFreedom > 0 else { return (.nan, .nan) }
        let alpha = 1 - level
        let t = Distributions.studentTQuantile(1 - alpha / 2, degreesOfFreedom: Double(degreesOfFreedom))
        if method == .wald { return (share - t * standardError, share + t * standardError) }
        guard share > 0, share < 1, standardError > 0 else {
            return clopperPearson(share, count: baseCount, alpha: alpha)
        }
        switch method {
        case .logit, .xlogit:
            // For a survey.design2, svyglm's intercept-only logit SE equals the delta-method SE,
            // so R's logit and xlogit intervals coincide.
            let logit = log(share / (1 - share))
            let halfWidth = t * standardError / (share * (1 - share))
            return (expit(logit - halfWidth), expit(logit + halfWidth))
        case .wilson:
            let n = share * (1 - share) / (standardError * standardError)
            let t2 = t * t
            let centre = (share + t2 / (2 * n)) / (1 + t2 / n)
            let halfWidth = t / (1 + t2 / n) * (share * (1 - share) / n + t2 / (4 * n * n)).squareRoot()
            return (centre - halfWidth, centre + halfWidth)
        case .kornGraubard:
            let quantileRatio =
                Distributions.studentTQuantile(alpha / 2, degreesOfFreedom: Double(baseCount - 1))
                / Distributions.studentTQuantile(alpha / 2, degreesOfFreedom: Double(degreesOfFreedom))
            let n = share * (1 - share) / (standardError * standardError) * quantileRatio * quantileRatio
            return (
                Distributions.betaQuantile(alpha / 2, a: n * share, b: n * (1 - share) + 1),
                Distributions.betaQuantile(1 - alpha / 2, a: n * share + 1, b: n * (1 - share))
            )
        case .asin:
            // R does not keep the transformed limits within [0, π/2], where sin² folds back;
            // Fornye does, which changes nothing for the limits R gets right.
            let centre = Foundation.asin(share.squareRoot())
            let halfWidth = t * standardError / (2 * (share * (1 - share)).squareRoot())
            let lower = sin(max(centre - halfWidth, 0))
            let upper = sin(min(centre + halfWidth, Double.pi / 2))
            return (lower * lower, upper * upper)
        case .likelihood:
            return LikelihoodInterval.limits(
                share, standardError: standardError, rows: positiveCount ?? baseCount, t: t)
        case .wald:
            return (share - t * standardError, share + t * standardError)
        }
    }

    /// The symmetric t interval for means and totals.
    static func symmetric(
        _ estimate: Double, standardError: Double, degreesOfFreedom: Int, level: Double
    ) -> (lower: Double, upper: Double) {
        guard estimate.isFinite, standardError.isFinite, degreesOfFreedom > 0 else { return (.nan, .nan) }
        let t = Distributions.studentTQuantile(1 - (1 - level) / 2, degreesOfFreedom: Double(degreesOfFreedom))
        return (estimate - t * standardError, estimate + t * standardError)
    }

    private static func clopperPearson(_ share: Double, count: Int, alpha: Double) -> (lower: Double, upper: Double) {
        guard count > 0 else { return (.nan, .nan) }
        let successes = (share * Double(count)).rounded()
        let n = Double(count)
        let lower = successes == 0 ? 0 : Distributions.betaQuantile(alpha / 2, a: successes, b: n - successes + 1)
        let upper = successes == n ? 1 : Distributions.betaQuantile(1 - alpha / 2, a: successes + 1, b: n - successes)
        return (lower, upper)
    }

    private static func expit(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
