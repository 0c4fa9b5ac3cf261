/// Recursive descent over the routing grammar:
///
///     or         := and ("or" and)*
///     and        := unary ("and" unary)*
///     unary      := "not" "(" or ")" | "(" or ")" | "selected" "(" ref "," code ")" | comparison
///     comparison := operand op operand
///     operand    := ref | number | 'text' | "count-selected" "(" ref ")"
///     value      := "if" "(" or "," value "," value ")" | operand      (calculations)
struct RoutingParser {
    private var tokens: [RoutingToken] = []
    private var position = 0
    private var lexingError: RoutingSyntaxError?

    init(_ source: String) {
        do {
            tokens = try RoutingLexer.tokens(source)
        } catch {
            lexingError = error
        }
    }

    mutating func parseExpression() throws(RoutingSyntaxError) -> RoutingCondition {
        if let lexingError { throw lexingError }
        guard current.kind != .end else { throw RoutingSyntaxError("the expression is empty", column: current.column) }
        let condition = try parseOr()
        guard current.kind == .end else { throw unexpected("and, or or the end") }
        return condition
    }

    mutating func parseCalculation() throws(RoutingSyntaxError) -> CalculatedValue {
        if let lexingError { throw lexingError }
        guard current.kind != .end else { throw RoutingSyntaxError("the expression is empty", column: current.column) }
        let value = try parseValue()
        guard current.kind == .end else { throw unexpected("the end") }
        return value
    }

    private mutating func parseValue() throws(RoutingSyntaxError) -> CalculatedValue {
        guard isWord("if") else { return .operand(try parseOperand()) }
        advance()
        try expect(.openParenthesis, "( after if")
        let condition = try parseOr()
        try expect(.comma, ", after the condition of if(")
        let then = try parseValue()
        try expect(.comma, ", between the two values of if(")
        let otherwise = try parseValue()
        try expect(.closeParenthesis, ") to close if(")
        return .conditional(condition, then, otherwise)
    }

    private var current: RoutingToken { tokens[position] }

    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private func isWord(_ word: String) -> Bool { current.kind == .word(word) }

    private mutating func parseOr() throws(RoutingSyntaxError) -> RoutingCondition {
        var condition = try parseAnd()
        while isWord("or") {
            advance()
            condition = .or(condition, try parseAnd())
        }
        return condition
    }

    private mutating func parseAnd() throws(RoutingSyntaxError) -> RoutingCondition {
        var condition = try parseUnary()
        while isWord("and") {
            advance()
            condition = .and(condition, try parseUnary())
        }
        return condition
    }

    private mutating func parseUnary() throws(RoutingSyntaxError) -> RoutingCondition {
        if isWord("not") {
            advance()
            try expect(.openParenthesis, "( after not")
            let inner = try parseOr()
            try expect(.closeParenthesis, ") to close not(")
            return .not(inner)
        }
        if current.kind == .openParenthesis {
            advance()
            let inner = try parseOr()
            try expect(.closeParenthesis, ")")
            return inner
        }
        if isWord("selected") {
            advance()
            try expect(.openParenthesis, "( after selected")
            let reference = try parseReference()
            try expect(.comma, ", between the question and the code")
            let code = try parseCode()
            try expect(.closeParenthesis, ") to close selected(")
            return .selected(reference, code: code.value, codeColumn: code.column)
        }
        let left = try parseOperand()
        guard case .comparison(let comparison) = current.kind else {
            throw unexpected("a comparison (=, !=, <, <=, >, >=)")
        }
        advance()
        let right = try parseOperand()
        return .comparison(left, comparison, right)
    }

    private mutating func parseOperand() throws(RoutingSyntaxError) -> RoutingOperand {
        let column = current.column
        switch current.kind {
        case .reference(let name):
            advance()
            return RoutingOperand(.answer(QuestionReference(name: name, column: column)), column: column)
        case .number(let value):
            advance()
            return RoutingOperand(.number(value), column: column)
        case .text(let value):
            advance()
            return RoutingOperand(.text(value), column: column)
        case .word("count-selected"):
            advance()
            try expect(.openParenthesis, "( after count-selected")
            let reference = try parseReference()
            try expect(.closeParenthesis, ") to close count-selected(")
            return RoutingOperand(.countSelected(reference), column: column)
        case .word(let word):
            throw RoutingSyntaxError("unknown word \(word); expected ${question}, a number or 'text'", column: column)
        default:
            throw unexpected("${question}, a number or 'text'")
        }
    }

    private mutating func parseReference() throws(RoutingSyntaxError) -> QuestionReference {
        guard case .reference(let name) = current.kind else { throw unexpected("${question}") }
        let reference = QuestionReference(name: name, column: current.column)
        advance()
        return reference
    }

    /// A choice code, written as a number (3) or, as XLSForm tools do, quoted ('3').
    private mutating func parseCode() throws(RoutingSyntaxError) -> (value: Int, column: Int) {
        let column = current.column
        let code: Int?
        switch current.kind {
        case .number(let value): code = Int(exactly: value)
        case .text(let value): code = Int(value.trimmingWhitespace())
        default: throw unexpected("a choice code")
        }
        guard let code else { throw RoutingSyntaxError("a choice code must be a whole number", column: column) }
        advance()
        return (code, column)
    }

    private mutating func expect(_ kind: RoutingToken.Kind, _ what: String) throws(RoutingSyntaxError) {
        guard current.kind == kind else { throw unexpected(what) }
        advance()
    }

    private func unexpected(_ expected: String) -> RoutingSyntaxError {
        RoutingSyntaxError("expected \(expected), found \(describe(current.kind))", column: current.column)
    }

    private func describe(_ kind: RoutingToken.Kind) -> String {
        switch kind {
        case .reference(let name): "${\(name)}"
        case .number(let value): Int(exactly: value).map(String.init) ?? String(value)
        case .text(let value): "'\(value)'"
        case .word(let word): word
        case .comparison(let comparison): comparison.rawValue
        case .openParenthesis: "("
        case .closeParenthesis: ")"
        case .comma: ","
        case .end: "the end of the expression"
        }
    }
}
