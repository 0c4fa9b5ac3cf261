/// A routing condition in XLSForm's `relevant` syntax, kept with its source text.
///
/// The language is the part of XPath that questionnaires use: answers `${name}` compared with
/// numbers or quoted text (`=`, `!=`, `<`, `<=`, `>`, `>=`), `selected(${name}, code)`,
/// `count-selected(${name})`, `and`, `or`, `not(…)` and parentheses; `and` binds tighter than `or`.
///
/// ```swift
/// let routing = try RoutingExpression("${innovated} = 1 and selected(${newest_type}, 3)")
/// routing.evaluate(["innovated": .code(1), "newest_type": .codes([3, 4])])  // true
/// ```
public struct RoutingExpression: Sendable, Hashable, CustomStringConvertible {
    /// The text as written; written back unchanged on export.
    public let source: String
    /// The parsed condition.
    public let condition: RoutingCondition

    /// Parses an expression.
    /// - Throws: `RoutingSyntaxError` with the column where the text stops making sense.
    public init(_ source: String) throws(RoutingSyntaxError) {
        var parser = RoutingParser(source)
        self.source = source
        self.condition = try parser.parseExpression()
    }

    public var description: String { source }

    /// Every question the expression reads, in source order.
    public var references: [QuestionReference] { condition.references }
}

extension RoutingExpression: Codable {
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
