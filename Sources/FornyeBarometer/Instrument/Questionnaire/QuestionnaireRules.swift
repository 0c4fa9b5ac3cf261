/// The questionnaire's rules for one respondent, apart from any form: which sections are pages and
/// which questions are shown given the answers so far, what counts as missing, and which answers
/// fit (``check(_:_:)`` in AnswerCheck.swift). The web questionnaire only maps its form fields to
/// the values these rules read; an import or a self-test can call them the same way.
///
/// ```swift
/// var rules = QuestionnaireRules(instrument: instrument, register: register, date: day)
/// rules.given = frameAnswers
/// let pages = rules.pages(answers)
/// let problems = rules.problems(answers)
/// ```
public struct QuestionnaireRules: Sendable {
    public let instrument: Instrument
    /// Municipality answers are looked up here on `date`; without a register only their form is checked.
    public let register: MunicipalityRegister?
    /// The day whose municipal structure municipality answers are checked against.
    public let date: CalendarDay
    /// Answers the sample frame gives (``SampleFrameQuestions``): never asked, never read from a respondent.
    public var given = AnswerSet()

    /// The longest text answer, in characters.
    public static let textLimit = 2000

    public init(instrument: Instrument, register: MunicipalityRegister?, date: CalendarDay, given: AnswerSet = [:]) {
        self.instrument = instrument
        self.register = register
        self.date = date
        self.given = given
    }

    /// Whether the respondent is asked `question` when it is relevant: it takes an answer, is
    /// not calculated and is not given by the frame.
    public func asksForAnswer(_ question: Question) -> Bool {
        question.type.hasAnswer && question.calculation == nil && given[question.name] == nil
    }

    /// The sections shown as pages, in order: those with at least one relevant question that is
    /// asked (calculated questions are never shown).
    public func pages(_ answers: AnswerSet) -> [Section] {
        let relevant = Set(instrument.relevantQuestions(given: answers))
        return instrument.sections.filter { section in
            section.questions.contains { relevant.contains($0.name) && asksForAnswer($0) }
        }
    }

    /// Where `section` stands among every page the questionnaire can show, whatever the answers:
    /// the count stays the same when an answer skips pages ("Side 2 av 7" is followed by "Side 7
    /// av 7" for a unit without an innovation, rather than the total shrinking under the respondent).
    public func progress(of section: Section) -> (number: Int, count: Int) {
        let possible = instrument.sections.filter { $0.questions.contains(where: asksForAnswer) }
        let index =
            possible.firstIndex {
                $0.name == section.name && $0.questions.first?.name == section.questions.first?.name
            } ?? 0
        return (index + 1, possible.count)
    }

    /// The questions of a page shown given the answers (notes included). An "other, specify"
    /// text is shown with the question it specifies, whatever is chosen yet.
    public func shownQuestions(_ section: Section, _ answers: AnswerSet) -> [Question] {
        let relevant = Set(instrument.relevantQuestions(given: answers))
        var shown: Set<String> = []
        return section.questions.filter { question in
            let asked = relevant.contains(question.name) || question.specifies.map(shown.contains) == true
            guard asked, question.calculation == nil, given[question.name] == nil else { return false }
            shown.insert(question.name)
            return true
        }
    }

    /// The answers so far with the frame's answers laid over them.
    public func withGiven(_ answers: AnswerSet) -> AnswerSet {
        var answers = answers
        for (name, answer) in given.answers { answers[name] = answer }
        return answers
    }

    /// Reads the entered values of `questions` (`entered` gives a question's values by name, several
    /// for multiple choice): answers that fit replace the old ones, no value removes them; values
    /// that do not fit are problems and are not kept.
    public func read(
        _ entered: (String) -> [String], questions: [Question], into answers: inout AnswerSet
    ) -> [AnswerProblem] {
        var problems: [AnswerProblem] = []
        for question in questions where question.type.hasAnswer && question.calculation == nil {
            switch answer(entered(question.name), question) {
            case .success(let answer): answers[question.name] = answer
            case .failure(let problem):
                answers[question.name] = nil
                problems.append(problem)
            }
        }
        // An «Annet» text is kept only while «Annet» is chosen.
        let relevant = Set(instrument.relevantQuestions(given: answers))
        for question in questions where question.specifies != nil && !relevant.contains(question.name) {
            answers[question.name] = nil
        }
        return problems
    }

    /// A complete questionnaire read at once (the review page's form): every question the frame
    /// does not answer, then ``completedForSubmission(_:)``.
    public func readAll(_ entered: (String) -> [String]) -> (AnswerSet, [AnswerProblem]) {
        var answers = given
        let problems = read(entered, questions: instrument.questions.filter { given[$0.name] == nil }, into: &answers)
        return (completedForSubmission(answers), problems)
    }

    /// Multiple-choice questions among `questions` left unanswered hold the empty set: asked and
    /// left with nothing chosen means 0 on every item, not unanswered.
    public func noneChosenWhereEmpty(_ questions: some Sequence<Question>, _ answers: AnswerSet) -> AnswerSet {
        var answers = answers
        for question in questions where question.type == .multipleChoice && answers[question.name] == nil {
            answers[question.name] = .codes([])
        }
        return answers
    }

    /// The answers as the review shows them: answers to questions routed past are dropped.
    public func completedForReview(_ answers: AnswerSet) -> AnswerSet {
        let relevant = Set(instrument.relevantQuestions(given: answers))
        return keeping(relevant, answers)
    }

    /// The answers of a whole questionnaire as submitted: relevant multiple-choice questions left
    /// empty hold the empty set, and answers to questions routed past are dropped.
    public func completedForSubmission(_ answers: AnswerSet) -> AnswerSet {
        let relevant = Set(instrument.relevantQuestions(given: answers))
        let filled = noneChosenWhereEmpty(instrument.questions.filter { relevant.contains($0.name) }, answers)
        return keeping(relevant, filled)
    }

    private func keeping(_ relevant: Set<String>, _ answers: AnswerSet) -> AnswerSet {
        var answers = answers
        for name in answers.answers.keys where !relevant.contains(name) { answers[name] = nil }
        return answers
    }

    /// Answers that are missing though required, for the relevant questions among `questions`.
    public func missing(_ questions: [Question], _ answers: AnswerSet) -> [AnswerProblem] {
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
            AnswerProblem(question: question.name, kind: question.type == .multipleChoice ? .noneChosen : .unanswered)
        }
    }

    /// Every problem of a whole questionnaire: answers that do not fit, and required answers missing.
    public func problems(_ answers: AnswerSet) -> [AnswerProblem] {
        var problems: [AnswerProblem] = []
        let relevant = Set(instrument.relevantQuestions(given: answers))
        for question in instrument.questions where relevant.contains(question.name) && question.calculation == nil {
            if let answer = answers[question.name], let problem = check(answer, question) {
                problems.append(problem)
            }
        }
        return problems + missing(instrument.questions, answers)
    }
}
