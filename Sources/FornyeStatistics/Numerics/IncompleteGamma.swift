import Foundation

/// The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x) for finite a > 0.
enum IncompleteGamma {
    static let maximumIterations = 100_000

    /// P(a, x) and Q(a, x); the smaller one is summed directly, the other is its complement.
    static func tails(a: Double, x: Double) -> (lower: Double, upper: Double) {
        if x <= 0 { return (0, 1) }
        if x == .infinity { return (1, 0) }
        let prefactor = exp(logPrefactor(a: a, x: x))
        if x < a + 1 {
            let lower = prefactor * series(a: a, x: x)
            return (lower, 1 - lower)
        }
        let upper = prefactor * continuedFraction(a: a, x: x)
        return (1 - upper, upper)
    }

    /// log of x^a e^(−x) / Γ(a). For large a the terms a·log x, x and log Γ(a) nearly cancel, so
    /// it is written as ½ log(a/2π) − [a log(a/x) + x − a] − δ(a) with the bracket computed
    /// without cancellation.
    static func logPrefactor(a: Double, x: Double) -> Double {
        if a < GammaFunctions.stirlingThreshold {
            return a * log(x) - x - lgamma(a)
        }
        return 0.5 * log(a) - GammaFunctions.logSqrtTwoPi - GammaFunctions.devianceTerm(a, x)
            - GammaFunctions.stirlingCorrection(a)
    }

    /// Σ xⁿ / (a (a+1) ⋯ (a+n)), which times the prefactor is P(a, x); converges fast for x < a + 1.
    private static func series(a: Double, x: Double) -> Double {
        var term = 1 / a
        var sum = term
        var denominator = a
        for _ in 0..<maximumIterations {
            denominator += 1
            term *= x / denominator
            sum += term
            if term <= sum * Double.ulpOfOne / 2 { break }
        }
        return sum
    }

    /// Legendre's continued fraction for Q(a, x) divided by the prefactor, by the modified Lentz
    /// method; converges fast for x ≥ a + 1.
    private static func continuedFraction(a: Double, x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var result = d
        for step in 1...maximumIterations {
            let i = Double(step)
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) <= Double.ulpOfOne { break }
        }
        return result
    }
}
