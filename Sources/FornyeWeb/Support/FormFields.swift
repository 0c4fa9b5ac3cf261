import Foundation
import Vapor

/// The one parser of URL-encoded form bodies (`application/x-www-form-urlencoded`): the fields
/// in order, with repeated names kept (checkboxes). Every form handler reads its fields through
/// `request.formFields()`; multipart uploads and the JSON API have their own decoders.
///
/// Bounded: a body over ``maxBytes`` or with more than ``maxFields`` fields is refused with
/// ``FormFieldsError`` (413) before anything is decoded, so a crafted body cannot make a handler
/// build an unbounded list.
struct FormFields: Sendable {
    /// The largest body read: what `CSRFMiddleware` collects for a page by default.
    static let maxBytes = 1_048_576
    /// More than any form of Fornye sends (the project form with 50 rows in each list stays
    /// under 500).
    static let maxFields = 2_000

    var pairs: [(String, String)]

    init(body: String, maxBytes: Int = Self.maxBytes, maxFields: Int = Self.maxFields) throws(FormFieldsError) {
        // Byte by byte: Foundation's `replacingOccurrences` + `removingPercentEncoding` per value
        // cost more than storing the submission. Same results: "+" is a space, "%XX" a byte; a
        // value with a broken escape or bytes that are not UTF-8 is kept with only "+" replaced.
        let bytes = Array(body.utf8)
        guard bytes.count <= maxBytes else { throw .tooLarge(bytes: bytes.count, limit: maxBytes) }
        var pairs: [(String, String)] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "&") { end += 1 }
            if end > start {
                guard pairs.count < maxFields else { throw .tooManyFields(limit: maxFields) }
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

    /// Every value sent under `name`, in order.
    func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }
    /// The first value sent under `name`.
    func first(_ name: String) -> String? { pairs.first { $0.0 == name }?.1 }
    /// Every name sent, once each, in the order first sent.
    var names: [String] {
        var seen = Set<String>()
        return pairs.map(\.0).filter { seen.insert($0).inserted }
    }
}

/// A form body the parser refuses; said to the user as a 413 page.
enum FormFieldsError: Error, Equatable, AbortError {
    case tooLarge(bytes: Int, limit: Int)
    case tooManyFields(limit: Int)

    var status: HTTPResponseStatus { .payloadTooLarge }

    var reason: String { message(.en) }

    func message(_ language: Language) -> String {
        switch self {
        case .tooLarge(let bytes, let limit):
            language.pick(
                "Skjemaet er for stort: \(bytes) byte, høyst \(limit) leses.",
                "The form is too large: \(bytes) bytes, at most \(limit) are read.")
        case .tooManyFields(let limit):
            language.pick(
                "Skjemaet har for mange felt: høyst \(limit) leses.",
                "The form has too many fields: at most \(limit) are read.")
        }
    }
}

extension Request {
    /// The request's URL-encoded form, parsed once and kept for the request (the CSRF check
    /// and the handler read the same parse). A body sent as another type (multipart, JSON) has
    /// no fields here; one sent without a type is read as a form, as browsers' forms are.
    func formFields() throws(FormFieldsError) -> FormFields {
        if let parsed = storage[FormFieldsKey.self] { return parsed }
        let isForm = headers.contentType.map { $0 == .urlEncodedForm } ?? true
        let fields = try FormFields(body: isForm ? body.string ?? "" : "")
        storage[FormFieldsKey.self] = fields
        return fields
    }
}

private struct FormFieldsKey: StorageKey {
    typealias Value = FormFields
}
