/// What kind of answer a question takes, which decides its codebook variable(s).
public enum QuestionType: String, Sendable, Hashable, Codable, CaseIterable {
    /// One option from a choice list (nominal).
    case singleChoice = "single_choice"
    /// Any number of options from a choice list; one 0/1 variable per option in the codebook.
    case multipleChoice = "multiple_choice"
    /// One item of a graded scale or grid (ordinal), e.g. "hemmet i stor grad" … "fremmet i stor grad".
    case scale
    /// A whole number.
    case integer
    /// A number with decimals.
    case decimal
    /// Free text.
    case text
    /// A Norwegian municipality number (kommunenummer), four digits kept as text ("0301").
    case municipality
    /// Text shown to the respondent; no answer.
    case note

    /// Whether the question takes its answers from a choice list.
    public var usesChoiceList: Bool {
        switch self {
        case .singleChoice, .multipleChoice, .scale: true
        case .integer, .decimal, .text, .municipality, .note: false
        }
    }

    /// Whether the question collects an answer (notes do not).
    public var hasAnswer: Bool { self != .note }
}
