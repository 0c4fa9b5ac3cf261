/// One respondent's answer to one question.
public enum Answer: Sendable, Hashable {
    /// The code chosen in a single-choice or scale question.
    case code(Int)
    /// The codes chosen in a multiple-choice question (possibly none).
    case codes(Set<Int>)
    case number(Double)
    case text(String)
}

/// One respondent's answers by question name; a question without an entry is unanswered.
///
/// ```swift
/// let answers: AnswerSet = ["innovated": .code(1), "newest_type": .codes([1, 3])]
/// ```
public struct AnswerSet: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    public var answers: [String: Answer]

    public init(_ answers: [String: Answer] = [:]) {
        self.answers = answers
    }

    public init(dictionaryLiteral elements: (String, Answer)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// The answer to a question; nil when unanswered.
    public subscript(name: String) -> Answer? {
        get { answers[name] }
        set { answers[name] = newValue }
    }
}
