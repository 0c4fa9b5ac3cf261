extension AnswerValue {
    /// One stored response's answers read from their JSON, a flat object of numbers and strings
    /// (as `answers_json` is written), without JSONDecoder: loading a wave decoded 3,488 such rows
    /// in about 0.4 s, most of a profile's cold time. Returns nil for whatever it does not read
    /// exactly as JSONDecoder would (escapes, null, booleans, nesting, duplicate keys, numbers
    /// outside Double, invalid UTF-8, anything after the object); the caller then uses JSONDecoder,
    /// which gives the answer or the error. `FlatJSONAnswersTests` compares the two on random rows.
    public static func flatJSONObject(_ text: String) -> [String: AnswerValue]? {
        var result: [String: AnswerValue] = [:]
        let read = readFlatJSONObject(text) { key, value in
            guard let name = String(validating: key, as: UTF8.self) else { return false }
            return result.updateValue(value, forKey: name) == nil
        }
        return read ? result : nil
    }

    /// `flatJSONObject` without the dictionary: gives `member` each key (its UTF-8 bytes as
    /// stored, not yet checked to be UTF-8) and value in order, and returns whether the whole text
    /// was read. False where `flatJSONObject` gives nil, except that keys are the caller's to check
    /// (UTF-8, duplicates: `member` returns false to stop), and `member` may have been given some
    /// members before the text turned out unreadable. Loading a wave fills its columns this way.
    public static func readFlatJSONObject(
        _ text: String, member: (UnsafeBufferPointer<UInt8>, AnswerValue) -> Bool
    ) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var reader = FlatJSONReader(bytes: bytes)
            return reader.object(member)
        }
    }
}

private struct FlatJSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        index += 1
        return true
    }

    mutating func object(_ member: (UnsafeBufferPointer<UInt8>, AnswerValue) -> Bool) -> Bool {
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return false }
        skipSpace()
        if !take(UInt8(ascii: "}")) {
            while true {
                skipSpace()
                guard let key = rawString() else { return false }
                skipSpace()
                guard take(UInt8(ascii: ":")) else { return false }
                skipSpace()
                let value: AnswerValue
                if current == UInt8(ascii: "\"") {
                    guard let text = rawString().flatMap({ String(validating: $0, as: UTF8.self) }) else {
                        return false
                    }
                    value = .text(text)
                } else {
                    guard let number = number() else { return false }
                    value = .number(number)
                }
                guard member(key, value) else { return false }
                skipSpace()
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "}")) else { return false }
                break
            }
        }
        skipSpace()
        return index == bytes.count
    }

    /// A string's bytes between its quotes, if it has no escapes or control characters (others
    /// are left to JSONDecoder); not checked to be UTF-8.
    mutating func rawString() -> UnsafeBufferPointer<UInt8>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while let byte = current {
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return raw
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }

    mutating func digits() {
        while isDigit(current) { index += 1 }
    }

    /// JSON's number grammar; integers of up to 15 digits exactly, others through Double's parser.
    mutating func number() -> Double? {
        let start = index
        let negative = take(UInt8(ascii: "-"))
        guard isDigit(current) else { return nil }
        if !take(UInt8(ascii: "0")) { digits() }
        let integerEnd = index
        if take(UInt8(ascii: ".")) {
            guard isDigit(current) else { return nil }
            digits()
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard isDigit(current) else { return nil }
            digits()
        }
        let digitStart = negative ? start + 1 : start
        if index == integerEnd, integerEnd - digitStart <= 15 {
            var magnitude: Int64 = 0
            for position in digitStart..<integerEnd { magnitude = magnitude * 10 + Int64(bytes[position] - 0x30) }
            return negative ? -Double(magnitude) : Double(magnitude)
        }
        guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)),
            value.isFinite
        else { return nil }
        // Underflow (a nonzero number read as 0 or as a subnormal) is JSONDecoder's to judge: it refuses some.
        if value == 0
            ? bytes[digitStart..<index].contains(where: { $0 >= 0x31 && $0 <= 0x39 })
            : abs(value) < Double.leastNormalMagnitude
        {
            return nil
        }
        return value
    }
}
