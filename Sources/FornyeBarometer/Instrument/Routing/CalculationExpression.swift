/// The parsed form of a calculation: a literal, an answer, or `if(condition, then, else)`.
public indirect enum CalculatedValue: Sendable, Hashable {
    case operand(RoutingOperand)
    case conditional(RoutingCondition, CalculatedValue, CalculatedValue)

    /// Every question the value reads, in source order.
    public var references: [QuestionReference] {
        switch self {
        case .operand(let operand): [operand.reference].compactMap { $0 }
        case .conditional(let condition, let then, let otherwise):
            condition.references + then.references + otherwise.references
        }
    }

    /// The conditions of every `if(…)`, outermost first.
    var conditions: [RoutingCondition] {
        switch self {
        case .operand: []
        case .conditional(let condition, let then, let otherwise): [condition] + then.conditions + otherwise.conditions
        }
    }

    /// The literals the value can produce, with their columns, for checking codes.
    var literalResults: [RoutingOperand] {
        switch self {
        case .operand(let operand):
            switch operand.kind {
            case .number, .text: [operand]
            case .answer, .countSelected: []
            }
        case .conditional(_, let then, let otherwise): then.literalResults + otherwise.literalResults
        }
    }
}

/// A derived answer in XLSForm's `calculation` syntax, e.g. whether any of four innovation types
/// was taken into use:
///
/// ```swift
/// let innovated = try CalculationExpression(
///     "if(${service} = 1 or ${product} = 1, 1, if(${service} = 2 and ${product} = 2, 2, 8))")
/// ```
///
/// Values are numbers, 'text', `${question}`, `count-selected(${question})` and nested
/// `if(condition, then, else)`, with conditions as in `RoutingExpression`.
public struct CalculationExpression: Sendable, Hashable, CustomStringConvertible {
    /// The text as written; written back unchanged on export.
    public let source: String
    public let value: CalculatedValue

    /// Parses a calculation.
    /// - Throws: `RoutingSyntaxError` with the column where the text stops making sense.
    public init(_ source: String) throws(RoutingSyntaxError) {
        var parser = RoutingParser(source)
        self.source = source
        self.value = try parser.parseCalculation()
    }

    public var description: String { source }

    /// Every question the calculation reads, in source order.
    public var references: [QuestionReference] { value.references }

    /// The computed answer: a whole number becomes a code, another number a number, text text;
    /// nil when the value reads an unanswered question.
    public func evaluate(_ answers: AnswerSet) -> Answer? {
        Self.evaluate(value, answers)
    }

    private static func evaluate(_ value: CalculatedValue, _ answers: AnswerSet) -> Answer? {
        switch value {
        case .conditional(let condition, let then, let otherwise):
            return evaluate(condition.evaluate(answers) ? then : otherwise, answers)
        case .operand(let operand):
            switch operand.kind {
            case .number, .text: return RoutingValues.literalAnswer(operand)
            case .answer(let reference): return answers[reference.name]
            case .countSelected(let reference): return RoutingValues.countSelectedAnswer(answers[reference.name])
            }
        }
    }
}

extension CalculationExpression: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(source)
    }
}
