import FornyeBarometer
import Testing

@Suite("Routing expressions")
struct RoutingExpressionTests {
    @Test("the brief's example parses into comparison and selected(), joined by and")
    func parsesExample() throws {
        let expression = try RoutingExpression("${innovated} = 1 and selected(${newest_type}, 3)")
        let expected = RoutingCondition.and(
            .comparison(
                RoutingOperand(.answer(QuestionReference(name: "innovated", column: 1)), column: 1), .equal,
                RoutingOperand(.number(1), column: 16)),
            .selected(QuestionReference(name: "newest_type", column: 31), code: 3, codeColumn: 47))
        #expect(expression.condition == expected)
        #expect(expression.references.map(\.name) == ["innovated", "newest_type"])
        #expect(expression.description == "${innovated} = 1 and selected(${newest_type}, 3)")
    }

    @Test("and binds tighter than or; parentheses and not() group")
    func precedence() throws {
        let flat = try RoutingExpression("${a} = 1 or ${b} = 1 and ${c} = 1")
        guard case .or(_, .and) = flat.condition else {
            Issue.record("expected or(a, and(b, c)), got \(flat.condition)")
            return
        }
        let grouped = try RoutingExpression("(${a} = 1 or ${b} = 1) and not(${c} = 1)")
        guard case .and(.or, .not) = grouped.condition else {
            Issue.record("expected and(or(a, b), not(c)), got \(grouped.condition)")
            return
        }
    }

    @Test(
        "evaluation over an answer set",
        arguments: [
            ("${innovated} = 1 and selected(${newest_type}, 3)", true),
            ("${innovated} = 1 and selected(${newest_type}, 2)", false),
            ("selected(${newest_type}, '4')", true),
            ("${innovated} != 1 or ${spread} = 3", false),
            ("not(${innovated} = 2)", true),
            ("count-selected(${newest_type}) >= 2", true),
            ("count-selected(${newest_type}) > 2", false),
            ("${kommunenummer} = '0301'", true),
            ("${kommunenummer} = 301", true),
            ("${employees} > 9.5 and ${employees} <= 12", true),
            ("${role} < 2", true),
            ("${innovated} = '1'", true),
        ])
    func evaluates(source: String, expected: Bool) throws {
        let answers: AnswerSet = [
            "innovated": .code(1), "newest_type": .codes([3, 4]), "spread": .code(1), "kommunenummer": .text("0301"),
            "employees": .number(12), "role": .code(1),
        ]
        #expect(try RoutingExpression(source).evaluate(answers) == expected)
    }

    @Test(
        "an unanswered question is empty, as in XPath: = is false, != is true, = '' is true",
        arguments: [
            ("${q} = 1", false), ("${q} != 1", true), ("${q} > 0", false), ("${q} = ''", true),
            ("selected(${q}, 1)", false), ("count-selected(${q}) = 0", true),
        ])
    func unanswered(source: String, expected: Bool) throws {
        #expect(try RoutingExpression(source).evaluate([:]) == expected)
    }

    @Test(
        "syntax errors name the column and what was expected",
        arguments: [
            ("", 1, "the expression is empty"),
            ("${a} = ", 8, "expected ${question}, a number or 'text', found the end of the expression"),
            ("${a = 1", 1, "${ is not closed with }"),
            ("${a} == 1", 7, "expected ${question}, a number or 'text', found ="),
            ("${a} = 1 and", 13, "expected ${question}, a number or 'text', found the end of the expression"),
            ("(${a} = 1", 10, "expected ), found the end of the expression"),
            ("${a} = 1 xor ${b} = 2", 10, "expected and, or or the end, found xor"),
            ("selected(${a} 3)", 15, "expected , between the question and the code, found 3"),
            ("selected(${a}, 'x')", 16, "a choice code must be a whole number"),
            ("${a} ! 1", 6, "! is not an operator; use != for not equal"),
            ("${a} = 'open", 8, "text starting with ' is not closed"),
            ("${a}", 5, "expected a comparison (=, !=, <, <=, >, >=), found the end of the expression"),
            ("foo(${a}) = 1", 1, "unknown word foo; expected ${question}, a number or 'text'"),
            ("not ${a} = 1", 5, "expected ( after not, found ${a}"),
            ("${a} = 1 ?", 10, "unexpected character ?"),
        ])
    func syntaxErrors(source: String, column: Int, message: String) {
        #expect(throws: RoutingSyntaxError(message, column: column)) {
            try RoutingExpression(source)
        }
    }
}

@Suite("Calculation expressions")
struct CalculationExpressionTests {
    @Test("nested if() picks the first branch whose condition holds")
    func nestedIf() throws {
        let calculation = try CalculationExpression("if(${a} = 1 or ${b} = 1, 1, if(${a} = 2 and ${b} = 2, 2, 8))")
        #expect(calculation.references.map(\.name) == ["a", "b", "a", "b"])
        #expect(calculation.evaluate(["a": .code(2), "b": .code(1)]) == .code(1))
        #expect(calculation.evaluate(["a": .code(2), "b": .code(2)]) == .code(2))
        #expect(calculation.evaluate(["a": .code(8), "b": .code(2)]) == .code(8))
    }

    @Test("a value can be an answer, a count, a decimal or text")
    func values() throws {
        #expect(try CalculationExpression("${a}").evaluate(["a": .number(2.5)]) == .number(2.5))
        #expect(try CalculationExpression("${a}").evaluate([:]) == nil)
        #expect(try CalculationExpression("count-selected(${m})").evaluate(["m": .codes([1, 5])]) == .code(2))
        #expect(try CalculationExpression("if(${a} > 2, 0.5, 'low')").evaluate(["a": .code(1)]) == .text("low"))
        #expect(try CalculationExpression("if(${a} > 2, 0.5, 'low')").evaluate(["a": .code(3)]) == .number(0.5))
    }

    @Test(
        "syntax errors name the column",
        arguments: [
            ("if(${a} = 1, 1)", 15, "expected , between the two values of if(, found )"),
            ("if(${a} = 1 1, 2)", 13, "expected , after the condition of if(, found 1"),
            ("1 2", 3, "expected the end, found 2"),
        ])
    func syntaxErrors(source: String, column: Int, message: String) {
        #expect(throws: RoutingSyntaxError(message, column: column)) {
            try CalculationExpression(source)
        }
    }
}
