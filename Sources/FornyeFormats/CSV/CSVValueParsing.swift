/// Cell text to numbers and codes. Both are strict: anything but a plain decimal number is
/// refused with a reason, so that `NaN`, `inf`, `0x1p3` or `1.234` in a decimal-comma file never
/// turn into a silent value. Both work on UTF-8 bytes, since they run once per cell.
enum CSVValueParsing {
    /// A whole number written as an optional sign and ASCII digits, or nil (also when too large).
    static func integer(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            let negative = bytes.first == UInt8(ascii: "-")
            if negative || bytes.first == UInt8(ascii: "+") { index = 1 }
            guard index < bytes.count else { return nil }
            var value = 0
            while index < bytes.count {
                let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                guard (0...9).contains(digit) else { return nil }
                let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflowSum) = shifted.addingReportingOverflow(digit)
                guard !overflow, !overflowSum else { return nil }
                value = sum
                index += 1
            }
            return negative ? -value : value
        }
    }

    /// A finite number written with optional sign, digits, `decimalSeparator` (`.` or `,`) and
    /// an exponent.
    static func number(_ text: String, decimalSeparator: Character) -> Result<Double, NumberError> {
        let separator = decimalSeparator == "," ? UInt8(ascii: ",") : UInt8(ascii: ".")
        let other = separator == UInt8(ascii: ",") ? UInt8(ascii: ".") : UInt8(ascii: ",")
        var text = text
        let checked: Result<[UInt8], NumberError> = text.withUTF8 { bytes in
            var sawDigit = false
            var sawSeparator = false
            var sawExponent = false
            var previous: UInt8?
            var normalised = [UInt8]()
            normalised.reserveCapacity(bytes.count)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    sawDigit = true
                case UInt8(ascii: "+"), UInt8(ascii: "-"):
                    guard previous == nil || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else {
                        return .failure(.notANumber)
                    }
                case separator:
                    guard !sawSeparator, !sawExponent else { return .failure(.notANumber) }
                    sawSeparator = true
                case UInt8(ascii: "e"), UInt8(ascii: "E"):
                    guard sawDigit, !sawExponent else { return .failure(.notANumber) }
                    sawExponent = true
                case other:
                    return .failure(
                        .wrongSeparator(found: Character(Unicode.Scalar(other)), expected: decimalSeparator))
                default:
                    return .failure(.notANumber)
                }
                normalised.append(byte == separator ? UInt8(ascii: ".") : byte)
                previous = byte
            }
            guard sawDigit, let last = previous,
                last == separator || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last)
            else { return .failure(.notANumber) }
            return .success(normalised)
        }
        switch checked {
        case .failure(let error):
            return .failure(error)
        case .success(let bytes):
            guard let value = Double(String(decoding: bytes, as: UTF8.self)) else { return .failure(.notANumber) }
            return value.isFinite ? .success(value) : .failure(.tooLarge)
        }
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
