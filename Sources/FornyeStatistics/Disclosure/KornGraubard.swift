import Foundation

/// The Korn–Graubard interval for a share, as the NCHS presentation standards compute it
/// (the SAS macro `calculate_KornGraubard_CIs` of NCHS): a Clopper–Pearson interval on the
/// effective sample size, adjusted for the design degrees of freedom and capped at the
/// sample size.
enum KornGraubard {
    /// - Parameters:
    ///   - proportion: The estimated share, strictly between 0 and 1.
    ///   - standardError: Its design-based standard error.
    ///   - sampleSize: Unweighted respondents in the base.
    ///   - degreesOfFreedom: Design degrees of freedom, at least 1.
    ///   - level: Confidence level.
    /// - Returns: The interval and the effective sample size before the adjustment,
    ///   `p(1 − p)/SE²` capped at the sample size.
    static func interval(
        proportion p: Double, standardError: Double, sampleSize n: Int, degreesOfFreedom: Int, level: Double
    ) -> (lower: Double, upper: Double, effectiveSampleSize: Double) {
        let size = Double(n)
        let effective = standardError > 0 ? min(p * (1 - p) / (standardError * standardError), size) : size
        let tail = (1 - level) / 2
        var adjustment = 1.0
        if n > 1 {
            let ratio =
                Distributions.studentTQuantile(1 - tail, degreesOfFreedom: size - 1)
                / Distributions.studentTQuantile(1 - tail, degreesOfFreedom: Double(degreesOfFreedom))
            adjustment = ratio * ratio
        }
        let adjusted = min(size, effective * adjustment)
        let events = p * adjusted
        let lower = Distributions.betaQuantile(tail, a: events, b: adjusted - events + 1)
        let upper = Distributions.betaQuantile(1 - tail, a: events + 1, b: adjusted - events)
        return (lower, upper, effective)
    }

    /// The exact Clopper–Pearson interval for 0 or n events out of n, which NCHS uses for
    /// estimates of 0 % and 100 %, where the effective sample size is undefined.
    static func boundaryInterval(proportion p: Double, sampleSize n: Int, level: Double) -> (
        lower: Double, upper: Double
    ) {
        let tail = (1 - level) / 2
        let edge = pow(tail, 1 / Double(n))
        return p <= 0 ? (0, 1 - edge) : (edge, 1)
    }
}
