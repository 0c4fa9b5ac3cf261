import FornyeStatistics
import FornyeTestRandom
import Testing

@testable import FornyeBarometer

/// The compiled routing (`CompiledRouting`, used by `Instrument.columns`) against the reference:
/// the tree-walking `completing(_:)` / `relevantQuestions(given:)` and the question-by-question
/// column building it replaced, on random answer sets of every form (valid or not).
@Suite struct CompiledRoutingTests {
    /// Every kind of condition and calculation: text and number comparisons, answers of the
    /// wrong form, `count-selected`, `selected` on a code, `not`, `or`, nested `if`, a question
    /// read before it is asked, a name that is no question, and a section condition.
    static func mixedInstrument() throws -> Instrument {
        let yesNo = ChoiceList(
            name: "yn", choices: [Choice(code: 1, label: .init(nb: "Ja")), Choice(code: 2, label: .init(nb: "Nei"))])
        let kinds = ChoiceList(
            name: "kinds", choices: (1...4).map { Choice(code: $0, label: .init(nb: "Type \($0)")) })
        func question(
            _ name: String, _ type: QuestionType, _ list: String? = nil, relevance: String? = nil,
            calculation: String? = nil
        ) throws -> Question {
            Question(
                name: name, type: type, label: .init(nb: name), choiceList: list,
                relevance: try relevance.map { try RoutingExpression($0) },
                calculation: try calculation.map { try CalculationExpression($0) })
        }
        return Instrument(
            id: "mixed", version: "1", title: .init(nb: "Blandet"), choiceLists: [yesNo, kinds],
            sections: [
                Section(
                    name: "a",
                    questions: [
                        try question("yes", .singleChoice, "yn"),
                        try question("kinds", .multipleChoice, "kinds", relevance: "${yes} = 1"),
                        try question("count", .integer, relevance: "${later} != 1"),
                        try question("text", .text),
                        try question("municipality", .municipality, relevance: "${text} != 'skip'"),
                        try question("note", .note),
                    ]),
                Section(
                    name: "b", relevance: try RoutingExpression("count-selected(${kinds}) >= 2 or ${text} = 'abc'"),
                    questions: [
                        try question(
                            "derived", .singleChoice, "yn",
                            calculation: "if(${yes} = 1 and selected(${kinds}, 3), 1, if(${count} > 5, 2, 8))"),
                        try question("grade", .scale, "yn", relevance: "not(${yes} != 1) or ${kinds} = 3"),
                        try question("later", .singleChoice, "yn", relevance: "${text} < 10 or ${nothing} = ''"),
                        try question("copy", .text, calculation: "${text}"),
                        try question("chosen", .integer, calculation: "count-selected(${kinds})"),
                        try question("decimal", .decimal, relevance: "selected(${yes}, 2) or ${count} >= 2.5"),
                    ]),
            ])
    }

    static func randomAnswer(_ generator: inout SeededGenerator) -> Answer? {
        switch Int.random(in: 0..<6, using: &generator) {
        case 0: return nil
        case 1: return .code(Int.random(in: 0...4, using: &generator))
        case 2: return .codes(Set((1...5).filter { _ in Bool.random(using: &generator) }))
        case 3: return .number([0, 2.5, 3, 6, -1].randomElement(using: &generator)!)
        case 4: return .text(["abc", "3", " 3 ", "0301", "1 3", "", "skip", "12"].randomElement(using: &generator)!)
        default: return .code(Int.random(in: 1...2, using: &generator))
        }
    }

    static func randomAnswers(_ names: [String], _ generator: inout SeededGenerator) -> AnswerSet {
        var answers = AnswerSet()
        for name in names + ["nothing", "stray"] {
            if let answer = randomAnswer(&generator) { answers[name] = answer }
        }
        return answers
    }

    /// Answers of the right form for each question (codes from its list, four-digit municipalities).
    static func fittingAnswers(_ instrument: Instrument, _ generator: inout SeededGenerator) -> AnswerSet {
        var answers = AnswerSet()
        for question in instrument.questions where question.calculation == nil && Bool.random(using: &generator) {
            let codes = instrument.choices(of: question)?.choices.map(\.code) ?? [1]
            switch question.type {
            case .singleChoice, .scale: answers[question.name] = .code(codes.randomElement(using: &generator)!)
            case .multipleChoice:
                answers[question.name] = .codes(Set(codes.filter { _ in Bool.random(using: &generator) }))
            case .integer, .decimal:
                answers[question.name] = .number(Double(Int.random(in: 0...50, using: &generator)))
            case .municipality:
                answers[question.name] = .text(["0301", "4601", "5001"].randomElement(using: &generator)!)
            case .text: answers[question.name] = .text(["abc", "tekst", "skip", "3"].randomElement(using: &generator)!)
            case .note: break
            }
        }
        return answers
    }

    @Test func resolvingMatchesTheTreeWalkingEvaluator() throws {
        let instrument = try Self.mixedInstrument()
        let routing = CompiledRouting(instrument)
        let questions = instrument.questions
        var generator = SeededGenerator(seed: 2026)
        var visible = [Answer?](repeating: nil, count: routing.names.count)
        var relevant = [Bool](repeating: false, count: questions.count)
        var relevantCounts = Set<Int>()
        for _ in 0..<5000 {
            let answers = Self.randomAnswers(questions.map(\.name), &generator)
            routing.resolve(into: &visible, relevant: &relevant) { answers[$0] }
            var compiled = AnswerSet()
            for (slot, answer) in visible.enumerated() { if let answer { compiled[routing.names[slot]] = answer } }
            #expect(compiled == instrument.completing(answers), "\(answers)")
            let names = zip(questions, relevant).filter(\.1).map(\.0.name)
            #expect(names == instrument.relevantQuestions(given: answers), "\(answers)")
            relevantCounts.insert(names.count)
        }
        // The random sets reach many routes, not one.
        #expect(relevantCounts.count >= 5)
    }

    @Test func columnsMatchTheQuestionByQuestionReference() throws {
        let instrument = try Self.mixedInstrument()
        var generator = SeededGenerator(seed: 7)
        var failures = 0
        for attempt in 0..<300 {
            // Every other batch holds answers of the right form only, so both outcomes are common.
            let responses = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                attempt.isMultiple(of: 2)
                    ? Self.randomAnswers(instrument.questions.map(\.name), &generator)
                    : Self.fittingAnswers(instrument, &generator)
            }
            let compiled = Result { () throws(StatisticsError) in try instrument.columns(responses: responses) }
            let reference = Result { () throws(StatisticsError) in try Self.referenceColumns(instrument, responses) }
            switch (compiled, reference) {
            case (.success(let compiled), .success(let reference)):
                #expect(Self.same(compiled, reference))
            case (.failure(let compiled), .failure(let reference)):
                failures += 1
                #expect(compiled.description == reference.description)
            default:
                Issue.record("one succeeded, the other failed: \(compiled) against \(reference)")
            }
        }
        // Both outcomes are exercised.
        #expect(failures > 0 && failures < 300)
    }

    @Test func theBarometerInstrumentGivesTheSameColumnsForValidAnswers() throws {
        let instrument = try Instrument.innovasjonsbarometer2018
        var generator = SeededGenerator(seed: 18)
        let responses = (0..<400).map { _ in Self.fittingAnswers(instrument, &generator) }
        #expect(
            Self.same(try instrument.columns(responses: responses), try Self.referenceColumns(instrument, responses)))
    }

    /// Columns equal, with NaN equal to NaN (system missing numbers).
    static func same(_ left: [String: Column], _ right: [String: Column]) -> Bool {
        guard left.keys.sorted() == right.keys.sorted() else { return false }
        return left.allSatisfy { name, column in
            switch (column, right[name]) {
            case (.codes(let a), .codes(let b)?): return a == b
            case (.texts(let a), .texts(let b)?): return a == b
            case (.numbers(let a), .numbers(let b)?):
                return a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
            default: return false
            }
        }
    }

    /// The column building as it was before compilation: complete every response with the
    /// tree-walking evaluator, then fill and check one question at a time.
    static func referenceColumns(_ instrument: Instrument, _ responses: [AnswerSet]) throws(StatisticsError)
        -> [String: Column]
    {
        func wrongForm(_ answer: Answer?, _ question: Question, _ row: Int, _ expected: String) -> StatisticsError {
            .invalidValue(
                variable: question.name, row: row + 1,
                message:
                    "a \(question.type.rawValue) question takes \(expected), not \(answer.map(String.init(describing:)) ?? "nothing")"
            )
        }
        let completed = responses.map(instrument.completing)
        var columns: [String: Column] = [:]
        for question in instrument.questions where question.type.hasAnswer {
            let answers = completed.map { $0[question.name] }
            switch question.type {
            case .singleChoice, .scale:
                var codes: [Int32] = []
                for (row, answer) in answers.enumerated() {
                    switch answer {
                    case nil: codes.append(Column.systemMissing)
                    case .code(let code): codes.append(Int32(clamping: code))
                    default: throw wrongForm(answer, question, row, "one code")
                    }
                }
                columns[question.name] = .codes(codes)
            case .multipleChoice:
                let options = instrument.choices(of: question)?.choices.map(\.code) ?? []
                var items = Array(repeating: [Int32](), count: options.count)
                for (row, answer) in answers.enumerated() {
                    let chosen: Set<Int>?
                    switch answer {
                    case nil: chosen = nil
                    case .codes(let codes): chosen = codes
                    default: throw wrongForm(answer, question, row, "a set of codes")
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
                var numbers: [Double] = []
                for (row, answer) in answers.enumerated() {
                    switch answer {
                    case nil: numbers.append(.nan)
                    case .number(let number): numbers.append(number)
                    case .code(let code): numbers.append(Double(code))
                    default: throw wrongForm(answer, question, row, "a number")
                    }
                }
                columns[question.name] = .numbers(numbers)
            case .text, .municipality:
                var texts: [String?] = []
                for (row, answer) in answers.enumerated() {
                    switch answer {
                    case nil: texts.append(nil)
                    case .text(let text):
                        if question.type == .municipality, !Instrument.isMunicipalityNumber(text) {
                            throw .invalidValue(
                                variable: question.name, row: row + 1,
                                message: "\"\(text)\" is not a municipality number (four digits, e.g. 0301)")
                        }
                        texts.append(text)
                    default: throw wrongForm(answer, question, row, "text")
                    }
                }
                columns[question.name] = .texts(texts)
            case .note:
                continue
            }
        }
        return columns
    }
}
