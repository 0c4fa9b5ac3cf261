/// A question named in a routing expression (`${name}`), with its 1-based column in the source.
public struct QuestionReference: Sendable, Hashable {
    public var name: String
    public var column: Int

    public init(name: String, column: Int) {
        self.name = name
        self.column = column
    }
}

/// One side of a comparison.
public struct RoutingOperand: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The answer to a question: its code, number or text; empty when not answered.
        case answer(QuestionReference)
        /// How many options of a multiple-choice question were chosen (`count-selected(${q})`).
        case countSelected(QuestionReference)
        case number(Double)
        case text(String)
    }

    public var kind: Kind
    /// 1-based column of the operand in the source.
    public var column: Int

    public init(_ kind: Kind, column: Int) {
        self.kind = kind
        self.column = column
    }

    /// The question the operand reads, if any.
    public var reference: QuestionReference? {
        switch kind {
        case .answer(let reference), .countSelected(let reference): reference
        case .number, .text: nil
        }
    }
}

/// The comparison operators of XLSForm's `relevant` column (XPath 1.0).
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

/// The parsed form of a routing expression.
public indirect enum RoutingCondition: Sendable, Hashable {
    case comparison(RoutingOperand, ComparisonOperator, RoutingOperand)
    /// `selected(${question}, code)`: the option `code` was chosen; `codeColumn` locates the code.
    case selected(QuestionReference, code: Int, codeColumn: Int)
    case and(RoutingCondition, RoutingCondition)
    case or(RoutingCondition, RoutingCondition)
    case not(RoutingCondition)

    /// Every question the condition reads, in source order.
    public var references: [QuestionReference] {
        switch self {
        case .comparison(let left, _, let right): [left.reference, right.reference].compactMap { $0 }
        case .selected(let reference, _, _): [reference]
        case .and(let left, let right), .or(let left, let right): left.references + right.references
        case .not(let inner): inner.references
        }
    }
}
