/// The simple random sample a design effect compares the design's variance with.
///
/// With the population known (an fpc is given) the textbook reference samples without
/// replacement, as R's default `deff = TRUE` and SAS when sampling rates are given; without one
/// the reference samples with replacement, as R's `deff = "replace"`.
public enum DesignEffectReference: String, Sendable, Codable, CaseIterable {
    /// Simple random sampling with replacement of the same size: R's `deff = "replace"`.
    case replace
    /// Simple random sampling without replacement of n from the estimated population N̂ = Σw:
    /// the reference variance is the one of `replace` times `(N̂ − n)/N̂` (R's `deff = TRUE`).
    case srswor

    /// `srswor` when the design has a finite population correction, `replace` otherwise.
    public static func automatic(for design: SurveyDesign) -> DesignEffectReference {
        design.populationOfStratum == nil ? .replace : .srswor
    }

    /// How outputs name the reference.
    public var description: String {
        switch self {
        case .replace: "SRS with replacement (R deff = \"replace\")"
        case .srswor: "SRS without replacement (R deff = TRUE)"
        }
    }
}
