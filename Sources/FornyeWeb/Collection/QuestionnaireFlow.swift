import FornyeBarometer
import Foundation

/// The questionnaire's logic on the server: which sections are pages given the answers so far,
/// reading a posted page, and checking answers against the instrument. Routing is evaluated
/// here, so the questionnaire works with no JavaScript at all.
struct QuestionnaireFlow: Sendable {
    let instrument: Instrument
    let register: MunicipalityRegister?
    let date: CalendarDay
    /// Answers the sample frame gives (``SampleFrameQuestions``): never asked, never taken from a form.
    var given = AnswerSet()

    /// A problem with one question's answer, in both languages.
    struct Problem: Error, Sendable, Equatable {
        var question: String
        var nb: String
        var en: String
    }

    /// The sections shown as pages, in order: those with at least one relevant question that is
    /// asked (calculated questions are never shown).
    func pages(_ answers: AnswerSet) -> [Section] {
        let relevant = Set(instrument.relevantQuestions(given: answers))
        return instrument.sections.filter { section in
            section.questions.contains {
                relevant.contains($0.name) && $0.calculation == nil && $0.type.hasAnswer && given[$0.name] == nil
            }
        }
    }

    /// The questions of a page shown given the answers (notes included).
    func shownQuestions(_ section: Section, _ answers: AnswerSet) -> [Question] {
        let relevant = Set(instrument.relevantQuestions(given: answers))
        return section.questions.filter { relevant.contains($0.name) && $0.calculation == nil && given[$0.name] == nil }
    }

    /// The answers so far with the frame's answers laid over them.
    func withGiven(_ answers: AnswerSet) -> AnswerSet {
        var answers = answers
        for (name, answer) in given.answers { answers[name] = answer }
        return answers
    }

    /// Reads the posted answers to `questions`: answers that fit replace the old ones, empty
    /// fields remove them; answers outside the instrument are problems and are not kept.
    func read(_ fields: FormFields, questions: [Question], into answers: inout AnswerSet) -> [Problem] {
        var problems: [Problem] = []
        for question in questions where question.type.hasAnswer && question.calculation == nil {
            switch parse(fields, question) {
            case .success(let answer): answers[question.name] = answer
            case .failure(let problem):
                answers[question.name] = nil
                problems.append(problem)
            }
        }
        return problems
    }

    /// Answers that are missing though required, for the relevant questions among `questions`.
    func missing(_ questions: [Question], _ answers: AnswerSet) -> [Problem] {
        let relevant = Set(instrument.relevantQuestions(given: answers))
        return questions.filter { question in
            guard question.required, question.calculation == nil, relevant.contains(question.name) else {
                return false
            }
            switch answers[question.name] {
            case nil: return true
            case .codes(let codes): return codes.isEmpty
            default: return false
            }
        }.map { question in
            Problem(
                question: question.name,
                nb: question.type == .multipleChoice ? "Velg minst ett svar." : "Svar på spørsmålet.",
                en: question.type == .multipleChoice ? "Choose at least one answer." : "Answer the question.")
        }
    }

    /// Every problem of a whole questionnaire: answers that do not fit, and required answers missing.
    func problems(_ answers: AnswerSet) -> [Problem] {
        var problems: [Problem] = []
        let relevant = Set(instrument.relevantQuestions(given: answers))
        for question in instrument.questions where relevant.contains(question.name) && question.calculation == nil {
            if let answer = answers[question.name], let problem = check(answer, question) {
                problems.append(problem)
            }
        }
        return problems + missing(instrument.questions, answers)
    }

    /// The answers of a complete questionnaire read from the review page's form: every question.
    func readAll(_ fields: FormFields) -> (AnswerSet, [Problem]) {
        var answers = given
        let problems = read(fields, questions: instrument.questions.filter { given[$0.name] == nil }, into: &answers)
        // Multiple-choice questions that were asked but left empty hold an empty set (0 on every item).
        let relevant = Set(instrument.relevantQuestions(given: answers))
        for question in instrument.questions
        where question.type == .multipleChoice && relevant.contains(question.name) && answers[question.name] == nil {
            answers[question.name] = .codes([])
        }
        for name in answers.answers.keys where !relevant.contains(name) { answers[name] = nil }
        return (answers, problems)
    }

    /// The form fields that carry `answer` (for the review page's hidden inputs).
    static func fieldValues(_ answer: Answer) -> [String] {
        switch answer {
        case .code(let code): ["\(code)"]
        case .codes(let codes): codes.sorted().map { "\($0)" }
        case .number(let number):
            [number.rounded() == number && abs(number) < 1e15 ? "\(Int(number))" : "\(number)"]
        case .text(let text): [text]
        }
    }

    private func parse(_ fields: FormFields, _ question: Question) -> Result<Answer?, Problem> {
        let values = fields.all(question.name).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        switch question.type {
        case .singleChoice, .scale:
            guard let text = values.first(where: { !$0.isEmpty }) else { return .success(nil) }
            guard let code = Int(text) else { return .failure(notAnOption(question, text)) }
            let answer = Answer.code(code)
            return check(answer, question).map { .failure($0) } ?? .success(answer)
        case .multipleChoice:
            var codes: Set<Int> = []
            for text in values where !text.isEmpty {
                guard let code = Int(text) else { return .failure(notAnOption(question, text)) }
                codes.insert(code)
            }
            let answer = Answer.codes(codes)
            return check(answer, question).map { .failure($0) } ?? .success(answer)
        case .integer, .decimal:
            guard let text = values.first, !text.isEmpty else { return .success(nil) }
            let normalized = text.replacingOccurrences(of: ",", with: ".")
            guard let number = Double(normalized), number.isFinite,
                question.type == .decimal || number.rounded() == number
            else {
                return .failure(
                    Problem(
                        question: question.name,
                        nb: question.type == .integer ? "Skriv et helt tall." : "Skriv et tall.",
                        en: question.type == .integer ? "Enter a whole number." : "Enter a number."))
            }
            return .success(.number(number))
        case .text, .municipality:
            guard let text = values.first, !text.isEmpty else { return .success(nil) }
            let answer = Answer.text(text)
            return check(answer, question).map { .failure($0) } ?? .success(answer)
        case .note:
            return .success(nil)
        }
    }

    /// Whether an answer fits its question; the problem when it does not.
    func check(_ answer: Answer, _ question: Question) -> Problem? {
        let codes = Set(instrument.choices(of: question)?.choices.map(\.code) ?? [])
        switch (question.type, answer) {
        case (.singleChoice, .code(let code)), (.scale, .code(let code)):
            return codes.contains(code) ? nil : notAnOption(question, "\(code)")
        case (.multipleChoice, .codes(let chosen)):
            return chosen.subtracting(codes).min().map { notAnOption(question, "\($0)") }
        case (.municipality, .text(let text)):
            guard text.count == 4, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return Problem(
                    question: question.name, nb: "Skriv kommunenummeret med fire sifre, for eksempel 0301.",
                    en: "Enter the municipality number as four digits, for example 0301.")
            }
            if let register, (try? register.municipality(number: text, on: date)) == nil {
                return Problem(
                    question: question.name, nb: "Finner ingen kommune med nummer \(text) i \(date.year).",
                    en: "There is no municipality numbered \(text) in \(date.year).")
            }
            return nil
        case (.text, .text(let text)):
            return text.count <= 2000
                ? nil
                : Problem(
                    question: question.name, nb: "Svaret kan ha høyst 2000 tegn.",
                    en: "The answer can have at most 2,000 characters.")
        case (.integer, .number), (.decimal, .number):
            return nil
        default:
            return notAnOption(question, "\(answer)")
        }
    }

    private func notAnOption(_ question: Question, _ text: String) -> Problem {
        Problem(
            question: question.name, nb: "«\(text)» er ikke et av svaralternativene. Velg et av alternativene.",
            en: "«\(text)» is not one of the options. Choose one of the options.")
    }
}
