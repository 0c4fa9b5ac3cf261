/// What to do with a stratum that has a single PSU, whose variance cannot be estimated.
/// The choices and their meaning are those of R's `options(survey.lonely.psu = ...)`.
public enum LonelyPSUPolicy: String, Sendable, Codable, CaseIterable {
    /// Refuse to estimate (R's default).
    case fail
    /// Contribute nothing to the variance; degrees of freedom still count the stratum.
    case remove
    /// Centre the lonely PSU at the grand mean instead of its stratum mean (conservative).
    case adjust
    /// Replace the stratum's contribution by the average of the other strata.
    case average
    /// Treat the stratum as sampled with certainty: no contribution to the variance.
    case certainty
}
