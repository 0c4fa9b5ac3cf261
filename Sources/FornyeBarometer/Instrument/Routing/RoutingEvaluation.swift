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
    public func evaluate(_ answers: AnswerSet) -> Bool {
        switch self {
        case .comparison(let left, let comparison, let right):
            return Self.compare(left.value(in: answers), comparison, right.value(in: answers))
        case .selected(let reference, let code, _):
            switch answers[reference.name] {
            case .codes(let codes): return codes.contains(code)
            case .code(let chosen): return chosen == code
            case .number(let number): return number == Double(code)
            case .text(let text): return text.split(separator: " ").contains { Int($0) == code }
            case nil: return false
            }
        case .and(let left, let right): return left.evaluate(answers) && right.evaluate(answers)
        case .or(let left, let right): return left.evaluate(answers) || right.evaluate(answers)
        case .not(let inner): return !inner.evaluate(answers)
        }
    }

    private static func compare(_ left: XPathValue, _ comparison: ComparisonOperator, _ right: XPathValue) -> Bool {
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
}

/// The two XPath value types a routing comparison works with.
private enum XPathValue {
    case number(Double)
    case text(String)

    var number: Double {
        switch self {
        case .number(let value): value
        case .text(let text): Double(text.trimmingWhitespace()) ?? .nan
        }
    }
}

extension RoutingOperand {
    fileprivate func value(in answers: AnswerSet) -> XPathValue {
        switch kind {
        case .number(let number): return .number(number)
        case .text(let text): return .text(text)
        case .countSelected(let reference):
            switch answers[reference.name] {
            case .codes(let codes): return .number(Double(codes.count))
            case nil: return .number(0)
            case .code, .number, .text: return .number(1)
            }
        case .answer(let reference):
            switch answers[reference.name] {
            case .code(let code): return .number(Double(code))
            case .number(let number): return .number(number)
            case .text(let text): return .text(text)
            case .codes(let codes): return .text(codes.sorted().map(String.init).joined(separator: " "))
            case nil: return .text("")
            }
        }
    }
}
