import Foundation

extension Distributions {
    /// The F distribution's upper tail P(F > x) (R's `pf(x, df1, df2, lower.tail = FALSE)`),
    /// for any positive degrees of freedom such as the Rao–Scott corrected ones.
    ///
    /// ```swift
    /// Distributions.fSurvival(3.1, numeratorDegreesOfFreedom: 2.37, denominatorDegreesOfFreedom: 237.4)
    /// ```
    ///
    /// - Returns: NaN for NaN input or degrees of freedom ≤ 0; infinite degrees of freedom give
    ///   R's chi-squared limits.
    public static func fSurvival(
        _ x: Double, numeratorDegreesOfFreedom: Double, denominatorDegreesOfFreedom: Double
    ) -> Double {
        let df1 = numeratorDegreesOfFreedom
        let df2 = denominatorDegreesOfFreedom
        if x.isNaN || df1.isNaN || df2.isNaN || df1 <= 0 || df2 <= 0 { return .nan }
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        if df2.isInfinite {
            if df1.isInfinite { return x < 1 ? 1 : x == 1 ? 0.5 : 0 }
            return chiSquaredSurvival(x * df1, degreesOfFreedom: df1)
        }
        if df1.isInfinite {
            return IncompleteGamma.tails(a: df2 / 2, x: df2 / x / 2).lower
        }
        // With w = df1·x, P(F > x) = I_{w/(df2+w)}(df1/2, df2/2) upper tail; both arguments are
        // formed as ratios so neither is 1 minus a rounded number.
        let scaled = df1 * x
        let beta = IncompleteBeta.tails(x: scaled / (df2 + scaled), y: df2 / (df2 + scaled), a: df1 / 2, b: df2 / 2)
        return beta.upper
    }

    /// The chi-squared upper tail P(X > x) (R's `pchisq(x, df, lower.tail = FALSE)`), through the
    /// regularized incomplete gamma Q(df/2, x/2).
    ///
    /// - Returns: NaN for NaN input or df < 0. As in R, df = 0 is a point mass at 0 and df = ∞
    ///   puts all mass beyond any finite x.
    public static func chiSquaredSurvival(_ x: Double, degreesOfFreedom: Double) -> Double {
        let df = degreesOfFreedom
        if x.isNaN || df.isNaN || df < 0 { return .nan }
        if x <= 0 { return 1 }
        if df == 0 { return 0 }
        if df.isInfinite { return x.isInfinite ? 0 : 1 }
        return IncompleteGamma.tails(a: df / 2, x: x / 2).upper
    }
}
