extension Instrument {
    /// The names of the questions relevant to a respondent with these answers, in order:
    /// those asked and those calculated.
    ///
    /// A question is relevant when its section's condition and its own hold. As in ODK, the
    /// answer to a question that is not relevant counts as empty in every later condition, so
    /// routing chains (A → B → C) behave even when stale answers are passed in.
    public func relevantQuestions(given answers: AnswerSet) -> [String] {
        resolve(answers).relevant
    }

    /// Whether the question is relevant given these answers; see `relevantQuestions(given:)`.
    public func isRelevant(_ name: String, given answers: AnswerSet) -> Bool {
        relevantQuestions(given: answers).contains(name)
    }

    /// The answers as stored data should hold them: calculated questions filled in, answers to
    /// questions routed past (and to names that are no question) removed.
    ///
    /// ```swift
    /// let stored = instrument.completing(["innovated_service": .code(1), ...])
    /// stored["innovated"]  // .code(1), calculated
    /// ```
    public func completing(_ answers: AnswerSet) -> AnswerSet {
        resolve(answers).answers
    }

    private func resolve(_ answers: AnswerSet) -> (relevant: [String], answers: AnswerSet) {
        var visible = AnswerSet()
        var relevant: [String] = []
        for section in sections {
            let sectionRelevant = section.relevance?.evaluate(visible) ?? true
            for question in section.questions {
                guard sectionRelevant, question.relevance?.evaluate(visible) ?? true else { continue }
                relevant.append(question.name)
                let answer = question.calculation.map { $0.evaluate(visible) } ?? answers[question.name]
                if let answer { visible[question.name] = answer }
            }
        }
        return (relevant, visible)
    }
}
