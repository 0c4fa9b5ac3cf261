import Foundation

/// The first byte sequence of a file that is not valid UTF-8.
struct InvalidUTF8: Sendable {
    /// 1-based physical line, counting LF, CRLF and a lone CR as line ends.
    var line: Int
    /// Valid scalars before it; where the replacement character stands in the repaired text.
    var scalarOffset: Int
    var bytes: [UInt8]

    /// The message, naming the byte and what it would be in Windows-1252 as a hint (never a guess).
    var message: String {
        let hex = bytes.prefix(4).map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        var text = "not UTF-8; re-save as UTF-8 (in Excel: \"CSV UTF-8\"). The first bad byte is \(hex)"
        if let first = bytes.first, first >= 0x80, let scalar = Windows1252.scalar(for: first),
            !(0x80...0x9F).contains(scalar.value)
        {
            text +=
                ", which is \"\(Character(scalar))\" in Windows-1252; a file from an older Excel can be read with encoding windows1252"
        }
        return text
    }
}

/// Bytes to text for CSV reading. UTF-8 is checked, not assumed: a file in another encoding is
/// refused with the line of the first bad byte, because guessing Latin-1 would turn a wrong
/// guess into wrong labels without anyone noticing.
enum CSVTextDecoding {
    /// The decoded text (with U+FFFD in place of invalid bytes, so that the caller can still
    /// find the field they are in) and the first invalid sequence, if any.
    static func decode(
        _ data: Data, file: String, encoding: CSVOptions.Encoding
    ) throws(FormatError) -> (text: String, invalid: InvalidUTF8?) {
        let location = FileLocation(file: file)
        guard !data.isEmpty else { throw .located(location, "the file is empty") }
        let bytes = [UInt8](data)
        if let reason = foreignFormat(bytes) { throw .located(location, reason) }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = hasBOM ? bytes[3...] : bytes[...]
        switch encoding {
        case .utf8:
            if let text = String(validating: body, as: UTF8.self) { return (text, nil) }
            return (String(decoding: body, as: UTF8.self), firstInvalidUTF8(in: body))
        case .windows1252:
            if hasBOM {
                throw .located(
                    location,
                    "the file starts with a UTF-8 byte order mark but was to be read as Windows-1252; read it as UTF-8")
            }
            var scalars = String.UnicodeScalarView()
            for byte in body { scalars.append(Windows1252.scalar(for: byte) ?? "\u{FFFD}") }
            return (String(scalars), nil)
        }
    }

    /// Recognises files that are plainly not CSV text, to say what they are instead.
    private static func foreignFormat(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return "this is a ZIP file, probably an Excel workbook (.xlsx), not CSV; in Excel, save as \"CSV UTF-8\""
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return "this is an old Excel workbook (.xls), not CSV; in Excel, save as \"CSV UTF-8\""
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return "not UTF-8 but UTF-16 (Excel's \"Unicode text\"); re-save as UTF-8 (in Excel: \"CSV UTF-8\")"
        }
        return nil
    }

    private static func firstInvalidUTF8(in bytes: ArraySlice<UInt8>) -> InvalidUTF8? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        var scalars = 0
        var line = 1
        var previousWasCR = false
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let byte = encoded.first!
                if byte == 0x0A {
                    if !previousWasCR { line += 1 }
                } else if byte == 0x0D {
                    line += 1
                }
                previousWasCR = byte == 0x0D
                offset += encoded.count
                scalars += 1
            case .error(let length):
                return InvalidUTF8(
                    line: line, scalarOffset: scalars, bytes: Array(bytes[offset..<(offset + length)]))
            case .emptyInput:
                return nil
            }
        }
    }
}

/// Windows-1252 as WHATWG defines it: Latin-1 except for printable characters in 0x80–0x9F.
enum Windows1252 {
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func scalar(for byte: UInt8) -> Unicode.Scalar? {
        (0x80...0x9F).contains(byte) ? Unicode.Scalar(high[Int(byte) - 0x80]) : Unicode.Scalar(UInt32(byte))
    }
}
