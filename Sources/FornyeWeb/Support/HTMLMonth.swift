/// The value an `<input type="month">` keeps. Browsers that draw a month picker (Chromium, Safari
/// on phones) replace any other value with an empty one when the page loads (HTML's value
/// sanitization), so a form that comes back with a refused month must show that field as text,
/// or what the person typed is gone.
enum HTMLMonth {
    /// A valid month string: four or more ASCII digits for a year after 0, "-", and 01 to 12.
    static func isValid(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count >= 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), year > 0, let month = Int(parts[1])
        else { return false }
        return (1...12).contains(month)
    }

    /// `month` for an empty or valid value, otherwise `text`, so the value is shown as typed.
    static func inputType(for value: String) -> String {
        value.isEmpty || isValid(value) ? "month" : "text"
    }
}
