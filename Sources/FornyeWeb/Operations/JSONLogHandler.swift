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

    static func line(
        date: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata
    ) -> String {
        let object: [String: Any] = [
            "timestamp": date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)),
            "level": level.rawValue, "label": label, "message": message,
            "metadata": metadata.mapValues(jsonValue),
        ]
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{\"level\":\"error\",\"message\":\"log line could not be encoded\"}" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func jsonValue(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let string): return string
        case .stringConvertible(let convertible): return convertible.description
        case .array(let values): return values.map(jsonValue)
        case .dictionary(let values): return values.mapValues(jsonValue)
        }
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
