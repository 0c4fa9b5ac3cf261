/// Tests of the difference between two groups or two waves.
///
/// - `betweenDomains`: two domains (for example two regions) of one sample. Both estimates
///   come from one design, so the variance of the difference includes their covariance
///   (R: `svyby(..., covmat = TRUE)` then `svycontrast`).
/// - `betweenIndependentSamples`: the same estimate from two independent samples, for
///   example two waves of the barometer; the variances add.
///
/// ```swift
/// let change = try Comparison.betweenIndependentSamples(cell2024, cell2022)
/// print(change.estimate, change.lower, change.upper, change.pValue)
/// ```
public enum Comparison {
    /// The statistic compared between two domains.
    public enum Quantity: Sendable, Hashable, Codable {
        /// The share of a category (a code of a coded variable) among rows in the base.
        case share(category: Int)
        /// The mean of a numeric or ordinal variable (or of a 0/1 item: a share of respondents).
        case mean
    }

    /// How the degrees of freedom of a difference between independent samples are chosen.
    public enum DegreesOfFreedomRule: String, Sendable, Hashable, Codable, CaseIterable {
        /// The smaller of the two samples' degrees of freedom: simple and conservative.
        case smaller
        /// Welch–Satterthwaite: `(v₁ + v₂)² / (v₁²/df₁ + v₂²/df₂)` with `v = SE²`; lies between
        /// the smaller df and their sum, so it gives narrower intervals when one sample has many PSUs.
        case welchSatterthwaite
    }

    /// The difference `first − second` of one estimate from two independent samples.
    ///
    /// The standard error is `√(SE₁² + SE₂²)`; the samples are independent, so there is no
    /// covariance. The interval is `difference ∓ t(1 − α/2, df) · SE` with df by default
    /// `min(df₁, df₂)` of the two cells; Welch–Satterthwaite is the alternative.
    ///
    /// - Parameters:
    ///   - first: The estimate of one sample (for example the later wave).
    ///   - second: The same estimate in the other sample.
    ///   - level: Confidence level of the interval.
    ///   - degreesOfFreedom: The rule for the degrees of freedom.
    /// - Throws: `.invalidArgument` for an empty or suppressed cell (a difference would
    ///   reveal it) or a cell without variance.
    public static func betweenIndependentSamples(
        _ first: EstimateCell,
        _ second: EstimateCell,
        level: Double = 0.95,
        degreesOfFreedom rule: DegreesOfFreedomRule = .smaller
    ) throws(StatisticsError) -> Difference {
        for (name, cell) in [("first", first), ("second", second)] {
            if cell.flags.contains(.emptyDomain) || cell.isSuppressed || cell.flags.contains(.noVariance) {
                let reason = cell.isSuppressed ? "suppressed" : "without an estimate or variance"
                throw .invalidArgument("the \(name) cell is \(reason); it cannot be compared")
            }
        }
        let firstVariance = first.standardError * first.standardError
        let secondVariance = second.standardError * second.standardError
        let firstDegrees = Double(first.degreesOfFreedom)
        let secondDegrees = Double(second.degreesOfFreedom)
        let degrees: Double
        switch rule {
        case .smaller:
            degrees = min(firstDegrees, secondDegrees)
        case .welchSatterthwaite:
            let total = firstVariance + secondVariance
            degrees =
                total * total
                / (firstVariance * firstVariance / firstDegrees + secondVariance * secondVariance / secondDegrees)
        }
        return try Difference(
            first: first.estimate, firstStandardError: first.standardError, second: second.estimate,
            secondStandardError: second.standardError, standardError: (firstVariance + secondVariance).squareRoot(),
            degreesOfFreedom: degrees, level: level, what: "difference between independent samples")
    }
}
