import Foundation

/// Logarithms of gamma and beta functions in forms that avoid cancellation when arguments are
/// large: the incomplete beta and gamma prefactors subtract terms of size a·log(a), and doing
/// that with plain `lgamma` would lose about log10(a·log a) digits.
enum GammaFunctions {
    /// log √(2π)
    static let logSqrtTwoPi = 0.918_938_533_204_672_741_780_329_736_406

    /// Below this the Stirling series is not used; at 8 its truncation error is under 1e-16.
    static let stirlingThreshold = 8.0

    /// The Stirling correction δ(a) = log Γ(a) − [(a − ½) log a − a + log √(2π)].
    static func stirlingCorrection(_ a: Double) -> Double {
        if a < stirlingThreshold {
            return lgamma(a) - ((a - 0.5) * log(a) - a + logSqrtTwoPi)
        }
        // B_2k / (2k (2k − 1) a^(2k−1)) for k = 1…8.
        let r = 1 / a
        let r2 = r * r
        var series = -3617.0 / 122_400
        series = series * r2 + 1.0 / 156
        series = series * r2 - 691.0 / 360_360
        series = series * r2 + 1.0 / 1188
        series = series * r2 - 1.0 / 1680
        series = series * r2 + 1.0 / 1260
        series = series * r2 - 1.0 / 360
        series = series * r2 + 1.0 / 12
        return series * r
    }

    /// log Γ(a + s) − log Γ(a) − s·log(a + s) for a ≥ the Stirling threshold and any s ≥ 0; the
    /// term s·log(a + s) is left to the caller, who can often combine it with a logarithm of
    /// opposite sign before adding.
    static func logGammaRatioRemainder(_ a: Double, plus s: Double) -> Double {
        (a - 0.5) * log1p(s / a) - s + stirlingCorrection(a + s) - stirlingCorrection(a)
    }

    /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let small = min(a, b)
        let large = max(a, b)
        if small >= stirlingThreshold {
            let total = a + b
            return (a - 0.5) * log(a / total) + (b - 0.5) * log(b / total) - 0.5 * log(total) + logSqrtTwoPi
                + stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(total)
        }
        if large >= stirlingThreshold {
            return lgamma(small) - small * log(large + small) - logGammaRatioRemainder(large, plus: small)
        }
        return lgamma(a) + lgamma(b) - lgamma(a + b)
    }

    /// x − log(1 + x), accurate for small x where the two terms nearly cancel.
    static func logOnePlusRemainder(_ x: Double) -> Double {
        if abs(x) > 0.25 { return x - log1p(x) }
        // x − log(1 + x) = x²/2 − x³/3 + x⁴/4 − …
        var term = x * x
        var sum = 0.0
        var sign = 1.0
        var k = 2.0
        while true {
            let next = sum + sign * term / k
            if next == sum { return sum }
            sum = next
            term *= x
            sign = -sign
            k += 1
        }
    }

    /// The deviance term a·log(a/x) + x − a = a·(e − log(1 + e)) with e = (x − a)/a; in that form
    /// nothing cancels, even when both a·log(a/x) and x − a are thousands. Below x = a/2 the
    /// direct form is used, as 1 + e would have lost the relative precision of x/a.
    static func devianceTerm(_ a: Double, _ x: Double) -> Double {
        if x < 0.5 * a { return a * log(a / x) + x - a }
        return a * logOnePlusRemainder((x - a) / a)
    }
}
