public import FornyeStatistics

extension Instrument {
    /// Data collected with this instrument as a dataset described by `codebook()`.
    ///
    /// Each response is first `completing(_:)`-ed: calculated questions are filled in and
    /// answers to questions routed past are dropped, so routed-past cells are system missing
    /// (a multiple-choice question asked but left empty gives 0 on every item).
    ///
    /// ```swift
    /// let dataset = try instrument.dataset(responses: [["innovated_service": .code(1), ...], ...])
    /// ```
    /// - Throws: `StatisticsError.invalidValue` with the 1-based response number when an answer
    ///   has the wrong form for its question or a code outside its list.
    public func dataset(responses: [AnswerSet]) throws(StatisticsError) -> Dataset {
        try Dataset(codebook: codebook(), columns: columns(responses: responses))
    }

    /// The columns of `dataset(responses:)`, for callers that add columns of their own
    /// (weights, attributes derived from the municipality) before making the dataset.
    public func columns(responses: [AnswerSet]) throws(StatisticsError) -> [String: Column] {
        let completed = responses.map(completing)
        var columns: [String: Column] = [:]
        for question in questions where question.type.hasAnswer {
            let answers = completed.map { $0[question.name] }
            switch question.type {
            case .singleChoice, .scale:
                var codes: [Int32] = []
                codes.reserveCapacity(answers.count)
                for (row, answer) in answers.enumerated() {
                    switch answer {
                    case nil: codes.append(Column.systemMissing)
                    case .code(let code): codes.append(Int32(clamping: code))
                    default: throw Self.wrongForm(answer, question, row: row, expected: "one code")
                    }
                }
                columns[question.name] = .codes(codes)
            case .multipleChoice:
                let options = choices(of: question)?.choices.map(\.code) ?? []
                var items = Array(repeating: [Int32](), count: options.count)
                for (row, answer) in answers.enumerated() {
                    let chosen: Set<Int>?
                    switch answer {
                    case nil: chosen = nil
                    case .codes(let codes): chosen = codes
                    default: throw Self.wrongForm(answer, question, row: row, expected: "a set of codes")
                    }
                    if let unknown = chosen?.subtracting(options).min() {
                        throw .invalidValue(
                            variable: question.name, row: row + 1,
                            message: "code \(unknown) is not in choice list \(question.choiceList ?? "")")
                    }
                    for (index, option) in options.enumerated() {
                        items[index].append(chosen.map { $0.contains(option) ? 1 : 0 } ?? Column.systemMissing)
                    }
                }
                for (index, option) in options.enumerated() {
                    columns[InstrumentCodebookNaming.itemName(question.name, code: option)] = .codes(items[index])
                }
            case .integer, .decimal:
                columns[question.name] = .numbers(
                    try answers.enumerated().map { (row, answer) throws(StatisticsError) -> Double in
                        switch answer {
                        case nil: return .nan
                        case .number(let number): return number
                        case .code(let code): return Double(code)
                        default: throw Self.wrongForm(answer, question, row: row, expected: "a number")
                        }
                    })
            case .text, .municipality:
                columns[question.name] = .texts(
                    try answers.enumerated().map { (row, answer) throws(StatisticsError) -> String? in
                        switch answer {
                        case nil: return nil
                        case .text(let text):
                            if question.type == .municipality, !Self.isMunicipalityNumber(text) {
                                throw .invalidValue(
                                    variable: question.name, row: row + 1,
                                    message: "\"\(text)\" is not a municipality number (four digits, e.g. 0301)")
                            }
                            return text
                        default: throw Self.wrongForm(answer, question, row: row, expected: "text")
                        }
                    })
            case .note:
                continue
            }
        }
        return columns
    }

    static func isMunicipalityNumber(_ text: String) -> Bool {
        text.count == 4 && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    private static func wrongForm(_ answer: Answer?, _ question: Question, row: Int, expected: String)
        -> StatisticsError
    {
        .invalidValue(
            variable: question.name, row: row + 1,
            message:
                "a \(question.type.rawValue) question takes \(expected), not \(answer.map(String.init(describing:)) ?? "nothing")"
        )
    }
}
