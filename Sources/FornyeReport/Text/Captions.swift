import FornyeStatistics
import Foundation

/// Sentences in bokmål built from estimates, for figure captions and text alternatives.
public enum Captions {
    /// "95 % KI": the name of a confidence interval at `level`.
    public static func intervalName(_ level: Double, english: Bool = false) -> String {
        let percent = level * 100
        return NorwegianFormat.number(percent, decimals: percent == percent.rounded() ? 0 : 1)
            + NorwegianFormat.percentSign + NorwegianFormat.space + (english ? "CI" : "KI")
    }

    /// "N = 1 786 enheter".
    public static func base(_ count: Int, unit: String = "enheter", language: ReportLanguage = .nb) -> String {
        count < 0
            ? language.pick("N skjult", "N hidden")
            : ("N" + NorwegianFormat.space + "=" + NorwegianFormat.space + NorwegianFormat.count(count) + " " + unit)
                .trimmingCharacters(in: .whitespaces)
    }

    /// A range of bases when they differ between rows: "N = 1 180–1 204 enheter".
    public static func base(range counts: [Int], unit: String = "enheter", language: ReportLanguage = .nb)
        -> String
    {
        let shown = counts.filter { $0 >= 0 }
        guard let low = shown.min(), let high = shown.max() else { return language.pick("N skjult", "N hidden") }
        if low == high { return base(low, unit: unit, language: language) }
        return "N" + NorwegianFormat.space + "=" + NorwegianFormat.space + NorwegianFormat.count(low) + "–"
            + NorwegianFormat.count(high) + " " + unit
    }

    /// "a", "a og b", "a, b og c".
    public static func list(_ items: [String], language: ReportLanguage = .nb) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + language.pick(" og ", " and ") + items[items.count - 1]
        }
    }

    /// A category label in the middle of a sentence: the first letter lower-cased unless the
    /// label starts with an abbreviation ("IKT", "NAV"), and a trailing explanation in parentheses
    /// ("(f.eks. fylkesmannen)") left out so that a number can follow in parentheses; short
    /// parentheses that tell categories apart ("(2)") stay.
    public static func midSentence(_ label: String) -> String {
        var label = label
        if label.hasSuffix(")"), let open = label.lastIndex(of: "("),
            label.distance(from: open, to: label.endIndex) > 5, open > label.startIndex
        {
            label = String(label[..<open]).trimmingCharacters(in: .whitespaces)
        }
        guard let first = label.first else { return label }
        let second = label.dropFirst().first
        if let second, second.isUppercase { return label }
        return first.lowercased() + label.dropFirst()
    }

    /// A sentence with the upper-case first letter a sentence needs.
    public static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// "Forskjellene mellom fylkene er statistisk signifikante (Rao–Scott F = 2,31; p = 0,003)."
    static func significance(
        _ test: RaoScottTest, between what: String, alpha: Double, language: ReportLanguage = .nb
    ) -> String {
        if language == .en {
            let verdict = test.pValue < alpha ? "are statistically significant" : "are not statistically significant"
            return "The differences between \(what) \(verdict) at the \(NorwegianFormat.percent(alpha)) level "
                + "(Rao–Scott F = \(NorwegianFormat.number(test.value, decimals: 2)); "
                + NorwegianFormat.pValue(test.pValue) + ")."
        }
        let verdict = test.pValue < alpha ? "er statistisk signifikante" : "er ikke statistisk signifikante"
        return "Forskjellene mellom \(what) \(verdict) på \(NorwegianFormat.number(alpha * 100, decimals: 0))"
            + NorwegianFormat.space + "%-nivå (Rao–Scott F = \(NorwegianFormat.number(test.value, decimals: 2)); "
            + NorwegianFormat.pValue(test.pValue) + ")."
    }

    /// "18 prosentpoeng (95 % KI 12–24)".
    static func difference(_ difference: Difference, language: ReportLanguage = .nb) -> String {
        NorwegianFormat.points(difference.estimate) + language.pick(" prosentpoeng (", " percentage points (")
            + intervalName(difference.confidenceLevel, english: language == .en) + " "
            + NorwegianFormat.points(difference.lower) + language.pick(" til ", " to ")
            + NorwegianFormat.points(difference.upper) + ")"
    }
}
