/// What is wrong with one question's answer: a stable `kind` (for code and tests) and its message
/// in both languages (for people).
///
/// ```swift
/// let problem = AnswerProblem(question: "employees", kind: .notAWholeNumber)
/// problem.nb  // "Skriv et helt tall."
/// ```
public struct AnswerProblem: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A choice question's answer is no option of its list; carries what was given.
        case notAnOption(String)
        /// An integer question's answer is not a whole number.
        case notAWholeNumber
        /// A decimal question's answer is not a number.
        case notANumber
        /// A municipality answer is not four digits.
        case notAMunicipalityNumber
        /// A four-digit municipality number that no municipality had in `year`.
        case unknownMunicipality(number: String, year: Int)
        /// A text answer longer than ``QuestionnaireRules/textLimit``.
        case textTooLong
        /// A required question that was not answered.
        case unanswered
        /// A required multiple-choice question with nothing chosen.
        case noneChosen
    }

    /// The question's name.
    public var question: String
    public var kind: Kind

    public init(question: String, kind: Kind) {
        self.question = question
        self.kind = kind
    }

    /// The message in bokmål.
    public var nb: String {
        switch kind {
        case .notAnOption(let given): "«\(given)» er ikke et av svaralternativene. Velg et av alternativene."
        case .notAWholeNumber: "Skriv et helt tall."
        case .notANumber: "Skriv et tall."
        case .notAMunicipalityNumber: "Skriv kommunenummeret med fire sifre, for eksempel 0301."
        case .unknownMunicipality(let number, let year): "Finner ingen kommune med nummer \(number) i \(year)."
        case .textTooLong: "Svaret kan ha høyst 2000 tegn."
        case .unanswered: "Svar på spørsmålet."
        case .noneChosen: "Velg minst ett svar."
        }
    }

    /// The message in English.
    public var en: String {
        switch kind {
        case .notAnOption(let given): "«\(given)» is not one of the options. Choose one of the options."
        case .notAWholeNumber: "Enter a whole number."
        case .notANumber: "Enter a number."
        case .notAMunicipalityNumber: "Enter the municipality number as four digits, for example 0301."
        case .unknownMunicipality(let number, let year): "There is no municipality numbered \(number) in \(year)."
        case .textTooLong: "The answer can have at most 2,000 characters."
        case .unanswered: "Answer the question."
        case .noneChosen: "Choose at least one answer."
        }
    }
}
