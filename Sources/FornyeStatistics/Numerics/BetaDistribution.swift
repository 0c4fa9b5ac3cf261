import Foundation

extension Distributions {
    /// The beta distribution function, the regularized incomplete beta I_x(a, b)
    /// (R's `pbeta(x, a, b)`).
    ///
    /// Shapes of 0 or ∞ are R's limiting point masses: a = 0 puts all mass at 0, b = 0 at 1,
    /// both 0 half at each end, both ∞ all at ½.
    ///
    /// - Returns: NaN for NaN input or a negative shape.
    public static func betaCDF(_ x: Double, a: Double, b: Double) -> Double {
        if x.isNaN || a.isNaN || b.isNaN { return .nan }
        if a < 0 || b < 0 { return .nan }
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        if let mass = betaPointMass(a: a, b: b) {
            if mass.isNaN { return x < 0.5 ? 0 : 1 }
            return mass
        }
        return IncompleteBeta.tails(x: x, y: 1 - x, a: a, b: b).lower
    }

    /// The beta quantile: the x with I_x(a, b) = p (R's `qbeta(p, a, b)`).
    ///
    /// For the Korn–Graubard interval with no successes, `betaQuantile(0.025, a: 0, b: n)` is 0
    /// as in R, and with no failures `betaQuantile(0.975, a: n, b: 0)` is 1.
    ///
    /// - Returns: 0 for p = 0, 1 for p = 1, NaN for NaN input, p outside [0, 1] or a negative shape.
    public static func betaQuantile(_ p: Double, a: Double, b: Double) -> Double {
        if p.isNaN || a.isNaN || b.isNaN { return .nan }
        if a < 0 || b < 0 || p < 0 || p > 1 { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return 1 }
        if a == 0 && b == 0 { return p < 0.5 ? 0 : p > 0.5 ? 1 : 0.5 }
        if a == 0 || a / b == 0 { return 0 }
        if b == 0 || b / a == 0 { return 1 }
        if a.isInfinite { return 0.5 }
        return BetaQuantile.solve(p: p, q: 1 - p, a: a, b: b).x
    }

    /// For the limiting shapes R treats as point masses, the constant value of the distribution
    /// function on 0 < x < 1; NaN stands for "0 below ½, 1 from ½ on" (both shapes infinite).
    private static func betaPointMass(a: Double, b: Double) -> Double? {
        if a == 0 && b == 0 { return 0.5 }
        if a == 0 || a / b == 0 { return 1 }
        if b == 0 || b / a == 0 { return 0 }
        if a.isInfinite { return .nan }
        return nil
    }
}

/// Inversion of the incomplete beta by Halley steps kept inside a shrinking bracket.
enum BetaQuantile {
    static let maximumIterations = 1000

    /// The x with I_x(a, b) = p, returned with y = 1 − x; q = 1 − p is passed separately so a
    /// caller with a tiny upper tail loses nothing. Finite a, b > 0 and 0 < p < 1.
    ///
    /// The root is sought in whichever of x and y is below ½, so the returned pair has full
    /// relative precision in both.
    static func solve(p: Double, q: Double, a: Double, b: Double) -> (x: Double, y: Double) {
        let middle = IncompleteBeta.tails(x: 0.5, y: 0.5, a: a, b: b)
        if middle.lower == p { return (0.5, 0.5) }
        if middle.lower > p {
            let x = solveBelowHalf(p: p, q: q, a: a, b: b)
            return (x, 1 - x)
        }
        let y = solveBelowHalf(p: q, q: p, a: b, b: a)
        return (1 - y, y)
    }

    /// The root of I_x(a, b) = p known to lie in (0, ½].
    private static func solveBelowHalf(p: Double, q: Double, a: Double, b: Double) -> Double {
        var low = 0.0
        var high = 0.5
        var x = start(p: p, q: q, a: a, b: b)
        if !(x > low && x < high) { x = 0.25 }
        for _ in 0..<maximumIterations {
            let y = 1 - x
            let tails = IncompleteBeta.tails(x: x, y: y, a: a, b: b)
            // Compare in the smaller tail so the residual keeps its relative precision.
            let residual = p <= 0.5 ? tails.lower - p : q - tails.upper
            if residual == 0 { return x }
            if residual < 0 { low = x } else { high = x }
            var step = residual / IncompleteBeta.density(x: x, y: y, a: a, b: b)
            let curvature = (a - 1) / x - (b - 1) / y
            let halley = 1 - 0.5 * step * curvature
            if halley > 0.5 && halley < 2 { step /= halley }
            var next = x - step
            if !(next > low && next < high) {
                // Bisect; geometrically when the bracket spans orders of magnitude.
                next = low > 0 && high / low > 4 ? sqrt(low * high) : low > 0 ? 0.5 * (low + high) : 0.125 * high
            }
            if abs(next - x) <= 4 * Double.ulpOfOne * next || high - low <= 4 * Double.ulpOfOne * high {
                return next
            }
            x = next
        }
        return x
    }

    /// A starting value: for shapes of at least 1 a normal approximation (Abramowitz and Stegun
    /// 26.5.22), otherwise the leading power term of whichever tail p falls in.
    private static func start(p: Double, q: Double, a: Double, b: Double) -> Double {
        if a >= 1 && b >= 1 {
            let z = -Distributions.normalQuantile(p)
            let lambda = (z * z - 3) / 6
            let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
            let w =
                z * sqrt(h + lambda) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (lambda + 5.0 / 6 - 2 / (3 * h))
            return a / (a + b * exp(2 * w))
        }
        let logA = log(a / (a + b))
        let logB = log(b / (a + b))
        let lowerMass = exp(a * logA) / a
        let upperMass = exp(b * logB) / b
        let total = lowerMass + upperMass
        if p < lowerMass / total {
            return pow(a * total * p, 1 / a)
        }
        return 1 - pow(b * total * q, 1 / b)
    }
}
