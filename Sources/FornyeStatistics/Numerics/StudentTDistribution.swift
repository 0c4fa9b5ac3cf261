import Foundation

extension Distributions {
    /// The Student t distribution function P(T ≤ t) (R's `pt(t, df)`).
    ///
    /// - Parameters:
    ///   - t: The statistic.
    ///   - degreesOfFreedom: Any positive value, not necessarily whole; `.infinity` gives the normal.
    /// - Returns: NaN for NaN input or degrees of freedom ≤ 0.
    public static func studentTCDF(_ t: Double, degreesOfFreedom: Double) -> Double {
        let df = degreesOfFreedom
        if t.isNaN || df.isNaN || df <= 0 { return .nan }
        if t.isInfinite { return t < 0 ? 0 : 1 }
        if df.isInfinite { return normalCDF(t) }
        let twoSided = studentTTwoSidedTail(abs(t), degreesOfFreedom: df)
        return t > 0 ? 1 - twoSided / 2 : twoSided / 2
    }

    /// The Student t quantile: the t with P(T ≤ t) = p (R's `qt(p, df)`).
    ///
    /// ```swift
    /// Distributions.studentTQuantile(0.975, degreesOfFreedom: 7.3)  // 2.345066736547702
    /// ```
    ///
    /// - Returns: −∞ for p = 0, +∞ for p = 1, NaN for NaN input, p outside [0, 1] or degrees of
    ///   freedom ≤ 0.
    public static func studentTQuantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        let df = degreesOfFreedom
        if p.isNaN || df.isNaN || df <= 0 || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        // As in R; beyond this the t and normal quantiles agree to double precision.
        if df > 1e20 { return normalQuantile(p) }
        if p == 0.5 { return 0 }
        // P(|T| > t) = I_x(df/2, ½) with x = df/(df + t²), y = t²/(df + t²), so t² = df·y/x.
        let tail = min(p, 1 - p)
        let root = BetaQuantile.solve(p: 2 * tail, q: 1 - 2 * tail, a: df / 2, b: 0.5)
        let t = sqrt(df * root.y / root.x)
        return p < 0.5 ? -t : t
    }

    /// P(|T| > t) for t ≥ 0 and finite df.
    private static func studentTTwoSidedTail(_ t: Double, degreesOfFreedom df: Double) -> Double {
        let ratio = t / df * t
        if ratio > 1e100 {
            // x = df/(df + t²) underflows; use its leading term x^(df/2) / ((df/2) B(df/2, ½)).
            let logTail =
                -0.5 * df * (2 * log(t) - log(df)) - GammaFunctions.logBeta(df / 2, 0.5) - log(df / 2)
            return exp(logTail)
        }
        let x = 1 / (1 + ratio)
        let y = ratio / (1 + ratio)
        return IncompleteBeta.tails(x: x, y: y, a: df / 2, b: 0.5).lower
    }
}
