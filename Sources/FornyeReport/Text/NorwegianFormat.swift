import Foundation

/// Numbers as a Norwegian (bokmål) reader expects them: a space between thousands, a decimal
/// comma, a space before the per cent sign, an en dash in ranges. The spaces are non-breaking so
/// that "74 %" never wraps.
///
/// ```swift
/// NorwegianFormat.percent(0.7412)          // "74 %"
/// NorwegianFormat.count(1786)              // "1 786"
/// NorwegianFormat.range(0.72, 0.76)        // "72–76"
/// NorwegianFormat.kroner(250_000)          // "250 000 kr"
/// ```
///
/// The one home for numbers people read, on the pages and in the report. An English report or
/// page binds `language` to `.en` for the time it is made (`BarometerReport.build`, the web's
/// language middleware): its numbers then read as English ones do, "1,786", "0.25", "74%",
/// "p < 0.001". Unbound, every number is bokmål, as it always was.
public enum NorwegianFormat {
    /// The language of the numbers being written: bokmål unless a report or page in English binds it.
    @TaskLocal public static var language: ReportLanguage = .nb

    /// A non-breaking space.
    public static let space = "\u{00A0}"

    /// The per cent sign as it follows a number: " %" (non-breaking space) in bokmål, "%" in English.
    public static var percentSign: String { language.pick(space + "%", "%") }

    /// A share as a whole per cent (or with `decimals`), with the sign: "74 %".
    public static func percent(_ share: Double, decimals: Int = 0) -> String {
        guard share.isFinite else { return "–" }
        return number(share * 100, decimals: decimals) + percentSign
    }

    /// A share as a per cent number without the sign: "74".
    public static func percentNumber(_ share: Double, decimals: Int = 0) -> String {
        guard share.isFinite else { return "–" }
        return number(share * 100, decimals: decimals)
    }

    /// An interval of shares in per cent without the sign: "72–76".
    public static func range(_ lower: Double, _ upper: Double, decimals: Int = 0) -> String {
        guard lower.isFinite, upper.isFinite else { return "–" }
        return percentNumber(lower, decimals: decimals) + "–" + percentNumber(upper, decimals: decimals)
    }

    /// A confidence interval of shares as published: whole per cents ("72–76"), or one decimal where
    /// whole per cents would hide its width ("0,0–0,2" rather than "0–0" for an upper bound of 0.2 %).
    public static func interval(_ lower: Double, _ upper: Double) -> String {
        // A width under 0.05 points (a share the weights fix, up to rounding error) stays whole.
        let hidesWidth =
            percentNumber(lower) == percentNumber(upper)
            && percentNumber(lower, decimals: 1) != percentNumber(upper, decimals: 1)
        return range(lower, upper, decimals: hidesWidth ? 1 : 0)
    }

    /// A whole number with a space between thousands: "1 786" ("1,786" in English).
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        let separator = language.pick(space, ",")
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += separator }
            grouped.append(digit)
        }
        return (value < 0 ? "−" : "") + grouped
    }

    /// An amount of money in whole kroner: "250 000 kr" ("NOK 250,000" in English).
    public static func kroner(_ amount: Double) -> String {
        guard amount.isFinite else { return "–" }
        return language == .en
            ? "NOK" + space + number(amount, decimals: 0) : number(amount, decimals: 0) + space + "kr"
    }

    /// A measured quantity as entered, without trailing zeros: "1 200", "12,5", "0,25" (at most
    /// `maximumDecimals` digits after the comma).
    public static func quantity(_ value: Double, maximumDecimals: Int = 2) -> String {
        var text = number(value, decimals: maximumDecimals)
        guard maximumDecimals > 0 else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(decimalSeparator) { text.removeLast() }
        return text
    }

    /// The decimal comma, or the English decimal point.
    static var decimalSeparator: String { language.pick(",", ".") }

    /// A number with a decimal comma and `decimals` digits: "1,25" ("1.25" in English). Negative
    /// numbers get a minus sign (U+2212).
    public static func number(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let scale = pow(10, Double(decimals))
        let rounded = (abs(value) * scale).rounded() / scale
        let negative = value < 0 && rounded > 0
        let whole = Int(rounded.rounded(.down))
        var text = count(whole)
        if decimals > 0 {
            let fraction = Int(((rounded - Double(whole)) * scale).rounded())
            let padded = String(fraction)
            text += decimalSeparator + String(repeating: "0", count: max(0, decimals - padded.count)) + padded
        }
        return (negative ? "−" : "") + text
    }

    /// A difference of shares in percentage points with its sign: "+18", "−3", "0".
    public static func points(_ difference: Double, decimals: Int = 0) -> String {
        guard difference.isFinite else { return "–" }
        let text = number(difference * 100, decimals: decimals)
        let isZero = text.allSatisfy { $0 == "0" || $0 == "," || $0 == "." }
        return difference > 0 && !isZero ? "+" + text : text
    }

    /// A p-value as reported in text: "p < 0,001" or "p = 0,034".
    public static func pValue(_ p: Double) -> String {
        guard p.isFinite else { return "p = –" }
        if p < 0.001 { return "p < " + number(0.001, decimals: 3) }
        return "p = " + number(p, decimals: 3)
    }

    /// A p-value for a table column: "0,034" or "< 0,001".
    public static func pValueNumber(_ p: Double) -> String {
        guard p.isFinite else { return "–" }
        return p < 0.001 ? "< " + number(0.001, decimals: 3) : number(p, decimals: 3)
    }

    /// A number for a CSV file: full precision, a decimal point, empty when not finite.
    public static func machine(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        return String(value)
    }
}
