/// Cell text to numbers and codes. Both are strict: anything but a plain decimal number is
/// refused with a reason, so that `NaN`, `inf`, `0x1p3` or `1.234` in a decimal-comma file never
/// turn into a silent value.
enum CSVValueParsing {
    /// A whole number written as an optional sign and digits, or nil.
    static func integer(_ text: String) -> Int? {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative || digits.first == "+" { digits.removeFirst() }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let magnitude = Int(digits) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// A finite number written with optional sign, digits, `decimalSeparator` and exponent.
    static func number(_ text: String, decimalSeparator: Character) -> Result<Double, NumberError> {
        let other: Character = decimalSeparator == "," ? "." : ","
        var sawDigit = false
        var sawSeparator = false
        var sawExponent = false
        var previous: Character?
        for character in text {
            switch character {
            case _ where character.isASCIIDigit: sawDigit = true
            case "+", "-":
                guard previous == nil || previous == "e" || previous == "E" else { return .failure(.notANumber) }
            case decimalSeparator:
                guard !sawSeparator, !sawExponent else { return .failure(.notANumber) }
                sawSeparator = true
            case "e", "E":
                guard sawDigit, !sawExponent else { return .failure(.notANumber) }
                sawExponent = true
            case other: return .failure(.wrongSeparator(found: other, expected: decimalSeparator))
            default: return .failure(.notANumber)
            }
            previous = character
        }
        guard sawDigit, let last = previous, last.isASCIIDigit || last == decimalSeparator,
            let value = Double(decimalSeparator == "," ? text.replacing(",", with: ".") : text)
        else { return .failure(.notANumber) }
        guard value.isFinite else { return .failure(.tooLarge) }
        return .success(value)
    }

    enum NumberError: Error {
        case notANumber
        case wrongSeparator(found: Character, expected: Character)
        case tooLarge
    }

    /// What usually stands for a missing value in files written by other programs.
    static func looksLikeMissingMarker(_ text: String) -> Bool {
        ["na", "nan", "n/a", "#n/a", "null", "none", ".", "-", "missing"].contains(text.lowercased())
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
