import FornyeFormats
import Foundation
public import Logging

/// A log handler that writes one JSON object per line: `timestamp` (ISO 8601, UTC), `level`,
/// `label`, `message` and `metadata` (with `request-id` for lines about a request). Chosen by
/// `FORNYE_LOG_FORMAT=json`; the default stays swift-log's human-readable lines.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .info
    public let label: String
    private let write: @Sendable (String) -> Void

    /// `write` receives each line without its newline; the default appends one and writes the
    /// line to standard output in a single call, so concurrent lines do not interleave.
    public init(
        label: String, metadataProvider: Logger.MetadataProvider? = nil,
        write: @escaping @Sendable (String) -> Void = JSONLogHandler.standardOutput
    ) {
        self.label = label
        self.metadataProvider = metadataProvider
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        if let error = event.error { merged["error"] = .string("\(error)") }
        write(Self.line(date: Date(), level: event.level, label: label, message: "\(event.message)", metadata: merged))
    }

    /// The line, written by hand rather than with `JSONSerialization`: a line is logged for
    /// every request, and Foundation's encoder and date formatter cost more than the request
    /// itself on a cached read. Keys are in sorted order, as before, and metadata keys sorted too.
    static func line(
        date: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata
    ) -> String {
        var out = "{\"label\":"
        out.reserveCapacity(256)
        appendString(label, to: &out)
        out += ",\"level\":"
        appendString(level.rawValue, to: &out)
        out += ",\"message\":"
        appendString(message, to: &out)
        out += ",\"metadata\":"
        appendValue(.dictionary(metadata), to: &out)
        out += ",\"timestamp\":\""
        out += timestamp(date)
        out += "\"}"
        return out
    }

    private static func appendValue(_ value: Logger.Metadata.Value, to out: inout String) {
        switch value {
        case .string(let string): appendString(string, to: &out)
        case .stringConvertible(let convertible): appendString(convertible.description, to: &out)
        case .array(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                appendValue(value, to: &out)
            }
            out += "]"
        case .dictionary(let values):
            out += "{"
            for (index, key) in values.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                appendString(key, to: &out)
                out += ":"
                appendValue(values[key] ?? .string(""), to: &out)
            }
            out += "}"
        }
    }

    /// A JSON string literal (shared with storage's answer encoding).
    static func appendString(_ string: String, to out: inout String) {
        JSONLiteral.appendString(string, to: &out)
    }

    /// `2026-03-02T10:15:04.512Z`: ISO 8601 in UTC with milliseconds, from the C library's
    /// calendar conversion instead of a Foundation formatter.
    static func timestamp(_ date: Date) -> String {
        // Rounded to the nearest millisecond from the whole count, so 0.512 s is not printed as .511.
        let total = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var seconds = time_t(total / 1000)
        var milliseconds = Int(total % 1000)
        if milliseconds < 0 {
            seconds -= 1
            milliseconds += 1000
        }
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(parts.tm_year + 1900, 4) + "-" + pad(parts.tm_mon + 1, 2) + "-" + pad(parts.tm_mday, 2) + "T"
            + pad(parts.tm_hour, 2) + ":" + pad(parts.tm_min, 2) + ":" + pad(parts.tm_sec, 2) + "."
            + pad(Int32(milliseconds), 3) + "Z"
    }

    public static let standardOutput: @Sendable (String) -> Void = { line in
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// How `fornye serve` writes its log.
public enum LogFormat: String, Sendable, CaseIterable {
    /// swift-log's `StreamLogHandler`: readable lines with metadata.
    case text
    /// `JSONLogHandler`: one JSON object per line.
    case json
}
