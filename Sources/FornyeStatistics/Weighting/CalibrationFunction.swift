import Foundation

/// The distance a calibration minimises, as R's `calibrate(calfun =)`: it fixes how the g-weight
/// (new weight over old) follows from the linear predictor u = xᵀλ, `g = 1 + F(u)`.
public enum CalibrationFunction: String, Sendable, Hashable, Codable, CaseIterable {
    /// GREG: `g = 1 + u`, clipped to the bounds (R's `cal.linear`). May give negative weights
    /// without bounds.
    case linear
    /// Raking (exponential, entropy) distance: `g = exp(u)`, clipped to the bounds (R's `cal.raking`).
    case raking
    /// Logit distance: g moves smoothly within (L, U), which must be finite (R's `cal.logit`).
    case logit

    /// `F(u) = g − 1`, R's `Fm1`.
    func gMinusOne(_ u: Double, lower: Double, upper: Double) -> Double {
        switch self {
        case .linear: return min(max(u + 1, lower), upper) - 1
        case .raking: return min(max(exp(u), lower), upper) - 1
        case .logit:
            let e = logitTerms(u, lower: lower, upper: upper).e
            return (lower * (upper - 1) + upper * (1 - lower) * e) / (upper - 1 + (1 - lower) * e) - 1
        }
    }

    /// `F'(u)`, R's `dF` (0 where the bound holds g for linear and raking).
    func derivative(_ u: Double, lower: Double, upper: Double) -> Double {
        switch self {
        case .linear: return u < upper - 1 && u > lower - 1 ? 1 : 0
        // R compares u (not exp(u)) with the bounds minus one here; kept so the iterations are R's.
        case .raking: return u < upper - 1 && u > lower - 1 ? exp(u) : 0
        case .logit:
            let (a, e) = logitTerms(u, lower: lower, upper: upper)
            let denominator = upper - 1 + (1 - lower) * e
            return upper * (1 - lower) * e * a / denominator
                - (lower * (upper - 1) + upper * (1 - lower) * e) * ((1 - lower) * e * a) / (denominator * denominator)
        }
    }

    private func logitTerms(_ u: Double, lower: Double, upper: Double) -> (a: Double, e: Double) {
        let a = (upper - lower) / ((upper - 1) * (1 - lower))
        return (a, exp(a * u))
    }
}

/// How `Weighting.calibrate` calibrates and when it stops, with R's `calibrate` defaults.
///
/// ```swift
/// var options = CalibrationOptions(function: .logit, bounds: 0.5...2)
/// options.trim = 0.6...1.8
/// ```
public struct CalibrationOptions: Sendable, Hashable, Codable {
    public var function: CalibrationFunction
    /// Bounds on the g-weights (R's `bounds = c(L, U)`); nil for none (−∞, ∞). Logit needs them,
    /// with L < 1 < U.
    public var bounds: ClosedRange<Double>?
    /// After calibration, g-weights outside this range are set to its ends and what they lost or
    /// gained is spread over the other rows in proportion to their weights (R's `trim =`). The
    /// totals are then met only approximately.
    public var trim: ClosedRange<Double>?
    /// Stop when every |population − achieved| / (1 + |population|) is below this (R's `epsilon`).
    public var tolerance: Double
    /// R's `maxit`.
    public var maxIterations: Int
    /// Return the last weights when the totals are not met instead of refusing (R's `force = TRUE`).
    public var force: Bool

    public init(
        function: CalibrationFunction = .linear, bounds: ClosedRange<Double>? = nil, trim: ClosedRange<Double>? = nil,
        tolerance: Double = 1e-7, maxIterations: Int = 50, force: Bool = false
    ) {
        self.function = function
        self.bounds = bounds
        self.trim = trim
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.force = force
    }

    func validate() throws(StatisticsError) {
        guard maxIterations >= 1 else {
            throw .invalidArgument("calibration needs at least one iteration; maxIterations is \(maxIterations)")
        }
        guard tolerance > 0, tolerance.isFinite else {
            throw .invalidArgument("calibration tolerance \(tolerance) must be a positive number")
        }
        if let bounds {
            guard !bounds.lowerBound.isNaN, !bounds.upperBound.isNaN, bounds.lowerBound < 1, bounds.upperBound > 1
            else {
                throw .invalidArgument(
                    "calibration bounds \(bounds.lowerBound)–\(bounds.upperBound) must hold 1 strictly inside (g = 1 is no change)"
                )
            }
        }
        if function == .logit {
            guard let bounds, bounds.lowerBound.isFinite, bounds.upperBound.isFinite else {
                throw .invalidArgument("logit calibration needs finite bounds, e.g. 0.5,2")
            }
        }
        if let trim {
            guard trim.lowerBound.isFinite, trim.upperBound.isFinite, trim.lowerBound >= 0 else {
                throw .invalidArgument(
                    "trimming range \(trim.lowerBound)–\(trim.upperBound) must be finite and not negative")
            }
        }
    }
}

/// What `Weighting.calibrate` did.
public struct CalibrationReport: Sendable, Hashable, Codable {
    /// Newton iterations (R's count).
    public var iterations: Int
    /// Whether every total was met within the tolerance before trimming.
    public var converged: Bool
    /// The largest |population − achieved| / (1 + |population|) after calibration (and trimming).
    public var largestRelativeMisfit: Double
    /// The smallest and largest g-weight (new over old weight) among rows with positive weight.
    public var gRange: ClosedRange<Double>
    /// Rows whose g-weight `trim` moved; 0 without trimming.
    public var trimmedCount: Int
    public var kishDesignEffectBefore: Double
    public var kishDesignEffectAfter: Double
}
