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
    ///
    /// Routing is compiled once (`CompiledRouting`) and each response is resolved and written
    /// into every column in one pass. Errors are reported as a question-by-question check would
    /// find them: the first question in instrument order with a problem, at its first row.
    public func columns(responses: [AnswerSet]) throws(StatisticsError) -> [String: Column] {
        let routing = CompiledRouting(self)
        let questions = self.questions
        var slotOf: [String: Int] = [:]
        for (slot, name) in routing.names.enumerated() { slotOf[name] = slot }
        var sinks = questions.map { question in
            ColumnSink(
                question,
                options: question.type == .multipleChoice ? choices(of: question)?.choices.map(\.code) ?? [] : [],
                rows: responses.count)
        }
        let slots = questions.map { slotOf[$0.name] ?? 0 }
        var visible = [Answer?](repeating: nil, count: routing.names.count)
        var relevant = [Bool](repeating: false, count: questions.count)
        var firstError: (question: Int, error: StatisticsError)?
        for (row, answers) in responses.enumerated() {
            routing.resolve(into: &visible, relevant: &relevant) { answers[$0] }
            for index in sinks.indices {
                if let error = sinks[index].append(visible[slots[index]], row: row),
                    index < firstError?.question ?? .max
                {
                    firstError = (index, error)
                }
            }
        }
        if let firstError { throw firstError.error }
        var columns: [String: Column] = [:]
        for (question, sink) in zip(questions, sinks) {
            switch sink.storage {
            case .codes(let codes): columns[question.name] = .codes(codes)
            case .items(let options, let items):
                for (option, codes) in zip(options, items) {
                    columns[InstrumentCodebookNaming.itemName(question.name, code: option)] = .codes(codes)
                }
            case .numbers(let numbers): columns[question.name] = .numbers(numbers)
            case .texts(let texts): columns[question.name] = .texts(texts)
            case .none: continue
            }
        }
        return columns
    }

    /// One question's column(s) being filled row by row.
    private struct ColumnSink {
        enum Storage {
            case codes([Int32])
            case items(options: [Int], [[Int32]])
            case numbers([Double])
            case texts([String?])
            case none
        }

        var storage: Storage
        let optionSet: Set<Int>
        /// Kept here so that a row does not copy the question (only errors read it).
        let question: Question

        init(_ question: Question, options: [Int], rows: Int) {
            optionSet = Set(options)
            self.question = question
            func reserved<T>(_ type: T.Type) -> [T] {
                var values: [T] = []
                values.reserveCapacity(rows)
                return values
            }
            switch question.type {
            case .singleChoice, .scale: storage = .codes(reserved(Int32.self))
            case .multipleChoice:
                storage = .items(options: options, Array(repeating: reserved(Int32.self), count: options.count))
            case .integer, .decimal: storage = .numbers(reserved(Double.self))
            case .text, .municipality: storage = .texts(reserved(String?.self))
            case .note: storage = .none
            }
        }

        /// Appends one row's answer; the problem, if the answer does not fit.
        mutating func append(_ answer: Answer?, row: Int) -> StatisticsError? {
            switch storage {
            case .codes(var codes):
                storage = .none
                defer { storage = .codes(codes) }
                switch answer {
                case nil: codes.append(Column.systemMissing)
                case .code(let code): codes.append(Int32(clamping: code))
                default:
                    codes.append(Column.systemMissing)
                    return Instrument.wrongForm(answer, question, row: row, expected: "one code")
                }
            case .items(let options, var items):
                storage = .none
                defer { storage = .items(options: options, items) }
                let chosen: Set<Int>?
                var problem: StatisticsError?
                switch answer {
                case nil: chosen = nil
                case .codes(let codes): chosen = codes
                default:
                    chosen = nil
                    problem = Instrument.wrongForm(answer, question, row: row, expected: "a set of codes")
                }
                if let chosen, !chosen.isSubset(of: optionSet), let unknown = chosen.subtracting(optionSet).min() {
                    problem = .invalidValue(
                        variable: question.name, row: row + 1,
                        message: "code \(unknown) is not in choice list \(question.choiceList ?? "")")
                }
                for index in options.indices {
                    items[index].append(chosen.map { $0.contains(options[index]) ? 1 : 0 } ?? Column.systemMissing)
                }
                return problem
            case .numbers(var numbers):
                storage = .none
                defer { storage = .numbers(numbers) }
                switch answer {
                case nil: numbers.append(.nan)
                case .number(let number): numbers.append(number)
                case .code(let code): numbers.append(Double(code))
                default:
                    numbers.append(.nan)
                    return Instrument.wrongForm(answer, question, row: row, expected: "a number")
                }
            case .texts(var texts):
                storage = .none
                defer { storage = .texts(texts) }
                switch answer {
                case nil: texts.append(nil)
                case .text(let text):
                    texts.append(text)
                    if question.type == .municipality, !Instrument.isMunicipalityNumber(text) {
                        return .invalidValue(
                            variable: question.name, row: row + 1,
                            message: "\"\(text)\" is not a municipality number (four digits, e.g. 0301)")
                    }
                default:
                    texts.append(nil)
                    return Instrument.wrongForm(answer, question, row: row, expected: "text")
                }
            case .none:
                break
            }
            return nil
        }
    }

    static func isMunicipalityNumber(_ text: String) -> Bool {
        text.count == 4 && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    fileprivate static func wrongForm(_ answer: Answer?, _ question: Question, row: Int, expected: String)
        -> StatisticsError
    {
        .invalidValue(
            variable: question.name, row: row + 1,
            message:
                "a \(question.type.rawValue) question takes \(expected), not \(answer.map(String.init(describing:)) ?? "nothing")"
        )
    }
}
