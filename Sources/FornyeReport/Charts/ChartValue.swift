/// One value drawn in a chart: a share with its confidence interval, or a gap with the reason
/// ("skjult") when the estimate is withheld or does not exist.
public struct ChartValue: Sendable, Hashable {
    public var estimate: Double?
    public var lower: Double?
    public var upper: Double?
    /// What a missing estimate is shown as, e.g. "skjult" (suppressed) or "ingen svar".
    public var missingNote: String

    public init(estimate: Double?, lower: Double? = nil, upper: Double? = nil, missingNote: String = "skjult") {
        self.estimate = estimate.flatMap { $0.isFinite ? $0 : nil }
        self.lower = lower.flatMap { $0.isFinite ? $0 : nil }
        self.upper = upper.flatMap { $0.isFinite ? $0 : nil }
        self.missingNote = missingNote
    }

    /// A value without an estimate.
    public static func missing(_ note: String = "skjult") -> ChartValue {
        ChartValue(estimate: nil, missingNote: note)
    }

    /// The largest number the chart must make room for.
    var reach: Double { max(estimate ?? 0, upper ?? 0) }

    /// The value as text for labels and descriptions: "74 %" or the missing note.
    var label: String {
        guard let estimate else { return missingNote }
        return NorwegianFormat.percent(estimate)
    }

    /// The value with its interval for text alternatives: "74 % (95 % KI 72–76)", or with
    /// `english` "74 % (95 % CI 72–76)".
    func spoken(level: Double, english: Bool = false) -> String {
        guard let estimate else { return missingNote }
        guard let lower, let upper else { return NorwegianFormat.percent(estimate) }
        return NorwegianFormat.percent(estimate) + " (" + Captions.intervalName(level, english: english) + " "
            + NorwegianFormat.interval(lower, upper) + ")"
    }
}
