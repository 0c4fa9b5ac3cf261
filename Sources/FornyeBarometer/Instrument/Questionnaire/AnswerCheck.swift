import Foundation

/// What a valid answer is for each question type, and how entered text becomes an answer.
extension QuestionnaireRules {
    /// The answer the entered values make for `question`: nil when nothing was entered, a problem
    /// when they do not fit. Values are trimmed; numbers may use a decimal comma.
    ///
    /// ```swift
    /// rules.answer(["12,5"], decimalQuestion)  // .success(.number(12.5))
    /// rules.answer(["9"], yesNoQuestion)       // .failure(… .notAnOption("9"))
    /// ```
    public func answer(_ entered: [String], _ question: Question) -> Result<Answer?, AnswerProblem> {
        let values = entered.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let answer: Answer
        switch question.type {
        case .singleChoice, .scale:
            guard let text = values.first(where: { !$0.isEmpty }) else { return .success(nil) }
            guard let code = Int(text) else { return .failure(notAnOption(question, text)) }
            answer = .code(code)
        case .multipleChoice:
            var codes: Set<Int> = []
            for text in values where !text.isEmpty {
                guard let code = Int(text) else { return .failure(notAnOption(question, text)) }
                codes.insert(code)
            }
            answer = .codes(codes)
        case .integer, .decimal:
            guard let text = values.first, !text.isEmpty else { return .success(nil) }
            guard let number = Self.number(text) else { return .failure(notANumber(question)) }
            answer = .number(number)
        case .text, .municipality:
            guard let text = values.first, !text.isEmpty else { return .success(nil) }
            answer = .text(text)
        case .note:
            return .success(nil)
        }
        return check(answer, question).map { .failure($0) } ?? .success(answer)
    }

    /// Whether an answer fits its question; the problem when it does not.
    public func check(_ answer: Answer, _ question: Question) -> AnswerProblem? {
        switch (question.type, answer) {
        case (.singleChoice, .code(let code)), (.scale, .code(let code)):
            return instrument.optionCodes(of: question).contains(code) ? nil : notAnOption(question, "\(code)")
        case (.multipleChoice, .codes(let chosen)):
            return chosen.subtracting(instrument.optionCodes(of: question)).min().map { notAnOption(question, "\($0)") }
        case (.municipality, .text(let text)):
            guard Self.isMunicipalityNumber(text) else {
                return AnswerProblem(question: question.name, kind: .notAMunicipalityNumber)
            }
            if let register, (try? register.municipality(number: text, on: date)) == nil {
                return AnswerProblem(question: question.name, kind: .unknownMunicipality(number: text, year: date.year))
            }
            return nil
        case (.text, .text(let text)):
            return text.count <= Self.textLimit ? nil : AnswerProblem(question: question.name, kind: .textTooLong)
        case (.integer, .number(let number)), (.decimal, .number(let number)):
            return Self.fits(number, question.type) ? nil : notANumber(question)
        default:
            return notAnOption(question, "\(answer)")
        }
    }

    /// A number as typed: a decimal comma is read as a point; infinities and NaN are no numbers.
    public static func number(_ text: String) -> Double? {
        guard let number = Double(text.replacingOccurrences(of: ",", with: ".")), number.isFinite else { return nil }
        return number
    }

    /// Whether `number` is an answer of this numeric type: finite, and whole for an integer question.
    public static func fits(_ number: Double, _ type: QuestionType) -> Bool {
        number.isFinite && (type != .integer || number.rounded() == number)
    }

    /// Whether `text` has the form of a municipality number (kommunenummer): four ASCII digits.
    public static func isMunicipalityNumber(_ text: String) -> Bool {
        text.count == 4 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private func notANumber(_ question: Question) -> AnswerProblem {
        AnswerProblem(question: question.name, kind: question.type == .integer ? .notAWholeNumber : .notANumber)
    }

    private func notAnOption(_ question: Question, _ text: String) -> AnswerProblem {
        AnswerProblem(question: question.name, kind: .notAnOption(text))
    }
}

extension Instrument {
    /// The codes a choice question may be answered with; empty when it has no (known) list.
    public func optionCodes(of question: Question) -> Set<Int> {
        Set(choices(of: question)?.choices.map(\.code) ?? [])
    }
}
