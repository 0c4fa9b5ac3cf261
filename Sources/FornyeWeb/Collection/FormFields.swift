import Foundation

/// The fields of a URL-encoded form body in order, with repeated names kept (checkboxes).
struct FormFields: Sendable {
    var pairs: [(String, String)]

    init(body: String) {
        // Byte by byte: Foundation's `replacingOccurrences` + `removingPercentEncoding` per value
        // cost more than storing the submission. Same results: "+" is a space, "%XX" a byte; a
        // value with a broken escape or bytes that are not UTF-8 is kept with only "+" replaced.
        var pairs: [(String, String)] = []
        let bytes = Array(body.utf8)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "&") { end += 1 }
            if end > start {
                var equals = start
                while equals < end && bytes[equals] != UInt8(ascii: "=") { equals += 1 }
                let name = Self.decode(bytes[start..<equals])
                pairs.append((name, equals < end ? Self.decode(bytes[(equals + 1)..<end]) : ""))
            }
            start = end + 1
        }
        self.pairs = pairs
    }

    static func decode(_ text: ArraySlice<UInt8>) -> String {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(text.count)
        var index = text.startIndex
        var broken = false
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "+") {
                decoded.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                if index + 2 < text.endIndex, let high = hexValue(text[index + 1]), let low = hexValue(text[index + 2])
                {
                    decoded.append(high << 4 | low)
                    index += 2
                } else {
                    broken = true
                    decoded.append(byte)
                }
            } else {
                decoded.append(byte)
            }
            index += 1
        }
        if !broken, let string = String(validating: decoded, as: UTF8.self) { return string }
        return String(decoding: text.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }
    func first(_ name: String) -> String? { pairs.first { $0.0 == name }?.1 }
}
