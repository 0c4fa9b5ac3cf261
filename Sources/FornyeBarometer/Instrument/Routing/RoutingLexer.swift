/// A token of a routing expression with its 1-based column.
struct RoutingToken: Equatable {
    enum Kind: Equatable {
        case reference(String)
        case number(Double)
        case text(String)
        case word(String)
        case comparison(ComparisonOperator)
        case openParenthesis
        case closeParenthesis
        case comma
        case end
    }

    var kind: Kind
    var column: Int
}

/// Splits a routing expression into tokens.
enum RoutingLexer {
    static func tokens(_ source: String) throws(RoutingSyntaxError) -> [RoutingToken] {
        let characters = Array(source)
        var tokens: [RoutingToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let column = index + 1
            if character.isWhitespace {
                index += 1
                continue
            }
            switch character {
            case "$":
                guard index + 1 < characters.count, characters[index + 1] == "{" else {
                    throw RoutingSyntaxError("expected ${name} after $", column: column)
                }
                guard let close = characters[(index + 2)...].firstIndex(of: "}") else {
                    throw RoutingSyntaxError("${ is not closed with }", column: column)
                }
                let name = String(characters[(index + 2)..<close]).trimmingWhitespace()
                guard !name.isEmpty else { throw RoutingSyntaxError("${} names no question", column: column) }
                tokens.append(RoutingToken(kind: .reference(name), column: column))
                index = close + 1
            case "'", "\"":
                guard let close = characters[(index + 1)...].firstIndex(of: character) else {
                    throw RoutingSyntaxError("text starting with \(character) is not closed", column: column)
                }
                tokens.append(RoutingToken(kind: .text(String(characters[(index + 1)..<close])), column: column))
                index = close + 1
            case "(":
                tokens.append(RoutingToken(kind: .openParenthesis, column: column))
                index += 1
            case ")":
                tokens.append(RoutingToken(kind: .closeParenthesis, column: column))
                index += 1
            case ",":
                tokens.append(RoutingToken(kind: .comma, column: column))
                index += 1
            case "=", "!", "<", ">":
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let twoCharacters = next == "=" && character != "="
                let symbol = twoCharacters ? "\(character)=" : String(character)
                guard let comparison = ComparisonOperator(rawValue: symbol) else {
                    throw RoutingSyntaxError("\(symbol) is not an operator; use != for not equal", column: column)
                }
                tokens.append(RoutingToken(kind: .comparison(comparison), column: column))
                index += twoCharacters ? 2 : 1
            case _ where character.isNumber || character == "-" || character == ".":
                var end = index + 1
                while end < characters.count, characters[end].isNumber || characters[end] == "." { end += 1 }
                let text = String(characters[index..<end])
                guard let number = Double(text) else {
                    throw RoutingSyntaxError("\(text) is not a number", column: column)
                }
                tokens.append(RoutingToken(kind: .number(number), column: column))
                index = end
            case _ where character.isLetter:
                var end = index + 1
                while end < characters.count, characters[end].isLetter || characters[end] == "-" { end += 1 }
                tokens.append(RoutingToken(kind: .word(String(characters[index..<end])), column: column))
                index = end
            default:
                throw RoutingSyntaxError("unexpected character \(character)", column: column)
            }
        }
        tokens.append(RoutingToken(kind: .end, column: characters.count + 1))
        return tokens
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
