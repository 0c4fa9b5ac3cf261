import FornyeBarometer

/// The sentence a collected wave shows under its title on the results page (issue 20, item 7):
/// its own words, so a wave does not borrow the 2018 baseline's. Optional; one paragraph.
public enum WaveSubtitle {
    public static let maximumLength = 300

    /// The text as typed, trimmed; nil when empty. Fails with a problem in both languages.
    public static func check(_ text: String?) -> Result<String?, WavePrivacy.ProblemList> {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count > maximumLength || TextRules.hasControlCharacters(trimmed) {
            return .failure(
                WavePrivacy.ProblemList(problems: [
                    WavePrivacy.Problem(
                        field: "subtitle", nb: "Undertittelen kan være høyst \(maximumLength) tegn på én linje.",
                        en: "The subtitle may be at most \(maximumLength) characters on one line.")
                ]))
        }
        return .success(trimmed.isEmpty ? nil : trimmed)
    }
}
