import FornyeBarometer
import FornyeReport
import FornyeStatistics

/// How the self-test's pages write shares, scale values and medians.
enum SelfTestNumbers {
    static func share(_ value: SelfTestShare?, _ language: Language) -> String {
        guard let value else {
            return language.pick(
                "skjult (for få svar eller for usikkert)", "withheld (too few answers or too uncertain)")
        }
        return "\(NorwegianFormat.percent(value.estimate)) (\(NorwegianFormat.interval(value.lower, value.upper)))"
    }

    /// A value on the 1–5 scale: whole numbers bare, others with one decimal.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : NorwegianFormat.number(value, decimals: 1)
    }

    /// A median with its Woodruff interval, "–" where the interval is missing.
    static func median(_ median: QuantileEstimate) -> String {
        let interval = median.lower.flatMap { lower in median.upper.map { "\(number(lower))–\(number($0))" } } ?? "–"
        return "\(number(median.estimate)) (\(interval))"
    }
}
