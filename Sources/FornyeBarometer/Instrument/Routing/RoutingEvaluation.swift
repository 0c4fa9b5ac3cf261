extension RoutingExpression {
    /// Whether the condition holds for these answers.
    ///
    /// Comparisons follow XPath 1.0, as ODK and KoboToolbox do: an unanswered question is the
    /// empty text, which as a number is NaN, so `${q} = 1` is false and `${q} != 1` is true
    /// when `q` was not answered. A multiple-choice answer compared directly reads as its codes
    /// joined by spaces ("1 3"); use `selected()` instead.
    public func evaluate(_ answers: AnswerSet) -> Bool {
        condition.evaluate(answers)
    }
}

extension RoutingCondition {
    /// Whether the condition holds for these answers; see `RoutingExpression.evaluate(_:)`.
    ///
    /// This walks the syntax tree and looks answers up by name: the reference semantics.
    /// `CompiledRouting` evaluates the same conditions over answer slots, with the same
    /// value rules below (`RoutingValues`), for importing many responses.
    public func evaluate(_ answers: AnswerSet) -> Bool {
        switch self {
        case .comparison(let left, let comparison, let right):
            return RoutingValues.compare(left.value(in: answers), comparison, right.value(in: answers))
        case .selected(let reference, let code, _):
            return RoutingValues.isSelected(code, in: answers[reference.name])
        case .and(let left, let right): return left.evaluate(answers) && right.evaluate(answers)
        case .or(let left, let right): return left.evaluate(answers) || right.evaluate(answers)
        case .not(let inner): return !inner.evaluate(answers)
        }
    }
}

/// The two XPath value types a routing comparison works with.
enum XPathValue {
    case number(Double)
    case text(String)

    var number: Double {
        switch self {
        case .number(let value): value
        case .text(let text): Double(text.trimmingWhitespace()) ?? .nan
        }
    }
}

/// The value rules of routing, shared by the tree-walking and the compiled evaluator.
enum RoutingValues {
    static func compare(_ left: XPathValue, _ comparison: ComparisonOperator, _ right: XPathValue) -> Bool {
        switch comparison {
        case .equal, .notEqual:
            let equal: Bool
            if case .text(let leftText) = left, case .text(let rightText) = right {
                equal = leftText == rightText
            } else {
                // NaN compares unequal to everything, itself included, as in XPath.
                equal = left.number == right.number
            }
            return comparison == .equal ? equal : !equal
        case .less: return left.number < right.number
        case .lessOrEqual: return left.number <= right.number
        case .greater: return left.number > right.number
        case .greaterOrEqual: return left.number >= right.number
        }
    }

    static func isSelected(_ code: Int, in answer: Answer?) -> Bool {
        switch answer {
        case .codes(let codes): return codes.contains(code)
        case .code(let chosen): return chosen == code
        case .number(let number): return number == Double(code)
        case .text(let text): return text.split(separator: " ").contains { Int($0) == code }
        case nil: return false
        }
    }

    /// `${q}` as an XPath value.
    static func value(of answer: Answer?) -> XPathValue {
        switch answer {
        case .code(let code): return .number(Double(code))
        case .number(let number): return .number(number)
        case .text(let text): return .text(text)
        case .codes(let codes): return .text(codes.sorted().map(String.init).joined(separator: " "))
        case nil: return .text("")
        }
    }

    /// `count-selected(${q})`.
    static func countSelected(_ answer: Answer?) -> XPathValue {
        switch answer {
        case .codes(let codes): return .number(Double(codes.count))
        case nil: return .number(0)
        case .code, .number, .text: return .number(1)
        }
    }

    /// A literal of a calculation as an answer: a whole number is a code.
    static func literalAnswer(_ operand: RoutingOperand) -> Answer? {
        switch operand.kind {
        case .number(let number): return Int(exactly: number).map(Answer.code) ?? .number(number)
        case .text(let text): return .text(text)
        case .answer, .countSelected: return nil
        }
    }

    /// `count-selected(${q})` as a calculation's answer.
    static func countSelectedAnswer(_ answer: Answer?) -> Answer {
        if case .codes(let codes) = answer { return .code(codes.count) }
        return answer == nil ? .code(0) : .code(1)
    }
}

extension RoutingOperand {
    fileprivate func value(in answers: AnswerSet) -> XPathValue {
        switch kind {
        case .number(let number): return .number(number)
        case .text(let text): return .text(text)
        case .countSelected(let reference): return RoutingValues.countSelected(answers[reference.name])
        case .answer(let reference): return RoutingValues.value(of: answers[reference.name])
        }
    }
}
