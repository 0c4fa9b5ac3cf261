/// JSON literals (strings, numbers) written straight into a string, for hot paths where
/// `JSONEncoder`'s Codable machinery costs more than the data (stored answers of large imports,
/// log lines). Not to be confused with the commands' `JSONText`, which pretty-prints whole values.
public enum JSONLiteral {
    private static let hexDigits: [Character] = Array("0123456789abcdef")

    /// A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259);
    /// everything else, including non-ASCII, is kept as UTF-8.
    public static func appendString(_ string: String, to out: inout String) {
        // Most texts need no escape: appended whole (multi-byte UTF-8 never holds bytes < 0x80).
        if !string.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) {
            out += "\""
            out += string
            out += "\""
            return
        }
        out += "\""
        let scalars = string.unicodeScalars
        var plainStart = scalars.startIndex
        var index = plainStart
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escaped: String?
            switch scalar {
            case "\"": escaped = "\\\""
            case "\\": escaped = "\\\\"
            case "\n": escaped = "\\n"
            case "\r": escaped = "\\r"
            case "\t": escaped = "\\t"
            case _ where scalar.value < 0x20:
                escaped =
                    "\\u00" + String(hexDigits[Int(scalar.value >> 4)]) + String(hexDigits[Int(scalar.value & 0xF)])
            default: escaped = nil
            }
            if let escaped {
                out.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
                out += escaped
                plainStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        out.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        out += "\""
    }

    /// A JSON number as `JSONEncoder` writes it: whole numbers without a fraction, others in
    /// Swift's shortest round-trip form. Returns false (and writes nothing) for NaN and infinities,
    /// which JSON cannot hold.
    @discardableResult
    public static func appendNumber(_ number: Double, to out: inout String) -> Bool {
        guard number.isFinite else { return false }
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
            out += String(Int64(number))
        } else {
            out += number.description
        }
        return true
    }
}
