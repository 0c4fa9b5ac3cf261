import Foundation

/// The regularized incomplete beta function I_x(a, b) and its complement, for finite a, b > 0.
///
/// Callers pass both x and y = 1 − x because they can often form the smaller of the two
/// without rounding (an F or t statistic gives both as ratios); the tail that is small is then
/// computed directly by a continued fraction and never as 1 minus something close to 1.
enum IncompleteBeta {
    static let maximumIterations = 100_000

    /// I_x(a, b) and 1 − I_x(a, b).
    static func tails(x: Double, y: Double, a: Double, b: Double) -> (lower: Double, upper: Double) {
        if x <= 0 { return (0, 1) }
        if y <= 0 { return (1, 0) }
        // The continued fraction converges quickly only below the mean-ish point (a+1)/(a+b+2);
        // above it, the symmetry I_x(a, b) = 1 − I_y(b, a) is used instead.
        if x * (a + b + 2) < a + 1 {
            let lower = exp(logPrefactor(x: x, y: y, a: a, b: b)) * continuedFraction(x: x, y: y, a: a, b: b)
            return (lower, 1 - lower)
        }
        let upper = exp(logPrefactor(x: y, y: x, a: b, b: a)) * continuedFraction(x: y, y: x, a: b, b: a)
        return (1 - upper, upper)
    }

    /// The beta density x^(a−1) y^(b−1) / B(a, b).
    static func density(x: Double, y: Double, a: Double, b: Double) -> Double {
        exp(logPrefactor(x: x, y: y, a: a, b: b)) / (x * y)
    }

    /// log of x^a y^b / B(a, b).
    static func logPrefactor(x: Double, y: Double, a: Double, b: Double) -> Double {
        let logX = x < 0.5 ? log(x) : log1p(-y)
        let logY = y < 0.5 ? log(y) : log1p(-x)
        let small = min(a, b)
        let large = max(a, b)
        if small >= GammaFunctions.stirlingThreshold {
            return logPrefactorLargeShapes(x: x, y: y, a: a, b: b, logX: logX, logY: logY)
        }
        if large >= GammaFunctions.stirlingThreshold {
            // log Γ(a+b) − log Γ(large) contains small·log(a+b), which nearly cancels the small
            // shape's own small·log x (or log y) when that variable is tiny; multiply first.
            let smallVariable = a <= b ? x : y
            let smallLog = a <= b ? logX : logY
            let combined = smallVariable < 0.5 ? log(smallVariable * (a + b)) : smallLog + log(a + b)
            let largeLog = a <= b ? logY : logX
            return small * combined + large * largeLog - lgamma(small)
                + GammaFunctions.logGammaRatioRemainder(large, plus: small)
        }
        return a * logX + b * logY - GammaFunctions.logBeta(a, b)
    }

    /// With both shapes large, a·log x, b·log y and log B(a, b) are each of size a + b while their
    /// sum is of order one. Writing x and y relative to the mode x₀ = a/(a+b) as x = x₀(1 + e)
    /// turns the sum into −a·(e − log(1+e)) − b·(e' − log(1+e')) plus Stirling corrections
    /// (the form of Didonato and Morris, TOMS 708), where nothing large cancels.
    private static func logPrefactorLargeShapes(
        x: Double, y: Double, a: Double, b: Double, logX: Double, logY: Double
    ) -> Double {
        let total = a + b
        let x0 = a / total
        let y0 = b / total
        // λ = a − (a+b)x = (a+b)y − b; use the form whose product is smaller.
        let lambda = a > b ? total * y - b : a - total * x
        let e = -lambda / a
        let u = abs(e) > 0.6 ? e - (logX - log(x0)) : GammaFunctions.logOnePlusRemainder(e)
        let f = lambda / b
        let v = abs(f) > 0.6 ? f - (logY - log(y0)) : GammaFunctions.logOnePlusRemainder(f)
        let correction =
            GammaFunctions.stirlingCorrection(a) + GammaFunctions.stirlingCorrection(b)
            - GammaFunctions.stirlingCorrection(total)
        return -GammaFunctions.logSqrtTwoPi + 0.5 * log(b * x0) - (a * u + b * v) - correction
    }

    /// I_x(a, b) divided by x^a y^b / B(a, b), by the even part of the standard continued
    /// fraction (DiDonato and Morris 1992, ACM TOMS 708).
    ///
    /// The plain fraction evaluated with x alone loses about log10(1/y) digits when x is close
    /// to 1 and a ≫ b (a t statistic with many degrees of freedom): each odd step forms
    /// 1 − x(…) ≈ y. The contracted form only needs λ = a − (a+b)x, which is computed from
    /// whichever of x and y is more accurate, and its terms do not cancel.
    private static func continuedFraction(x: Double, y: Double, a: Double, b: Double) -> Double {
        let total = a + b
        let lambda = a > b ? total * y - b : a - total * x
        let c = lambda + 1
        let bOverA = b / a
        let c1 = 1 + 1 / a
        // Successive convergents A/B, kept scaled so that the latest denominator is 1.
        var previousNumerator = 0.0
        var previousDenominator = 1.0
        var numerator = 1.0
        var denominator = c / c1
        var ratio = c1 / c
        var rising = 1.0
        var s = a + 1
        for step in 1...maximumIterations {
            let n = Double(step)
            let t = n / a
            let w = n * (b - n) * x
            let e = a / s
            let alpha = rising * (rising + bOverA) * e * e * (w * x)
            let beta = n + w / s + (t + 1) / (c1 + 2 * t) * (c + n * (1 + y))
            rising = t + 1
            s += 2
            let nextNumerator = alpha * previousNumerator + beta * numerator
            let nextDenominator = alpha * previousDenominator + beta * denominator
            let previousRatio = ratio
            ratio = nextNumerator / nextDenominator
            if abs(ratio - previousRatio) <= Double.ulpOfOne * ratio { break }
            previousNumerator = numerator / nextDenominator
            previousDenominator = denominator / nextDenominator
            numerator = ratio
            denominator = 1
        }
        return ratio
    }
}
