import FornyeFormats
import FornyeStatistics

/// Each row of a dataset as the `answers_json` object stored with its response: keys sorted,
/// system-missing values left out, the same text `JSONEncoder` with `.sortedKeys` gave for
/// ``ResponseAnswers/answers(of:row:)``, written directly because the Codable route was a quarter
/// of a 100,000-row import. Written as UTF-8 bytes with each key's `"name":` made once: building
/// a `String` piece by piece was a tenth of an import's CPU time.
struct AnswerRows: Sendable {
    private let columns: [(key: [UInt8], name: String, column: Column)]

    init(_ dataset: Dataset) throws {
        columns = try dataset.codebook.variables.map { variable in
            var key = ""
            JSONLiteral.appendString(variable.name, to: &key)
            return (Array((key + ":").utf8), variable.name, try dataset.column(named: variable.name))
        }
        .sorted { $0.name < $1.name }
    }

    func json(row: Int) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1_024)
        out.append(UInt8(ascii: "{"))
        for (key, name, column) in columns {
            switch column {
            case .codes(let codes):
                guard codes[row] != Column.systemMissing else { continue }
                Self.appendKey(key, to: &out)
                Self.appendInteger(codes[row], to: &out)
            case .numbers(let values):
                guard !values[row].isNaN else { continue }
                Self.appendKey(key, to: &out)
                var number = ""
                guard JSONLiteral.appendNumber(values[row], to: &number) else {
                    throw StorageError.corruptResponse(row: row + 1, variable: name, "\(values[row]) is not a number")
                }
                out.append(contentsOf: number.utf8)
            case .texts(let texts):
                guard let text = texts[row] else { continue }
                Self.appendKey(key, to: &out)
                Self.appendString(text, to: &out)
            }
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendKey(_ key: [UInt8], to out: inout [UInt8]) {
        if out.count > 1 { out.append(UInt8(ascii: ",")) }
        out.append(contentsOf: key)
    }

    private static func appendInteger(_ value: Int32, to out: inout [UInt8]) {
        // Codes are mostly one digit.
        if (0..<10).contains(value) {
            out.append(UInt8(ascii: "0") + UInt8(value))
        } else {
            out.append(contentsOf: String(value).utf8)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `JSONLiteral.appendString` on bytes: quotes, backslashes and control characters escaped;
    /// everything else, including multi-byte UTF-8 (whose bytes are all ≥ 0x80), kept.
    static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
