import FornyeStorage
import FornyeTestSupport
import Foundation
import Logging
import Synchronization
import Testing
import Vapor
import VaporTesting

@testable import FornyeWeb

/// Collects log lines in memory.
final class LogCapture: Sendable {
    struct Line: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    private let storage = Mutex<[Line]>([])
    var lines: [Line] { storage.withLock { $0 } }

    func logger() -> Logger {
        Logger(label: "test") { _ in Handler(capture: self) }
    }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var metadataProvider: Logger.MetadataProvider?
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let line = Line(
                level: event.level, message: "\(event.message)",
                metadata: metadata.merging(event.metadata ?? [:]) { _, new in new })
            capture.storage.withLock { $0.append(line) }
        }
    }
}

@Suite struct RequestLoggingTests {
    /// A request to a database that is gone logs from the pool, the handler and the access log:
    /// each line carries the request's id. The query string is not logged.
    @Test func aGeneratedRequestIDIsOnTheResponseAndEveryLogLine() async throws {
        let settings = WebSettings(
            storage: StorageConfiguration(backend: .postgres(url: "postgres://fornye:x@127.0.0.1:1/none")),
            seedDemoContent: false, migrateOnStart: false)
        try await withTestApp(settings: settings) { app in
            let capture = LogCapture()
            app.logger = capture.logger()
            var id = ""
            try await app.testing().test(.GET, "/health?token=hemmelig") { response in
                #expect(response.status == .serviceUnavailable)
                id = response.headers.first(name: "X-Request-Id") ?? ""
            }
            #expect(UUID(uuidString: id) != nil)
            let lines = capture.lines
            #expect(lines.count >= 2)
            #expect(lines.contains { $0.message == "health check: database unreachable" })
            for line in lines {
                #expect(line.metadata["request-id"] == .string(id), "\(line.message)")
            }
            let access = try #require(lines.last)
            #expect(access.message == "GET /health 503")
            #expect(access.level == .error)
            #expect(access.metadata["route"] == .string("/health"))
            #expect(access.metadata["status"]?.description == "503")
            #expect(Double(access.metadata["duration_ms"]?.description ?? "") != nil)
            #expect(!lines.contains { "\($0.message)\($0.metadata)".contains("hemmelig") })
        }
    }

    @Test func notFoundIsLoggedWithoutItsPath() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let capture = LogCapture()
            app.logger = capture.logger()
            try await app.testing().test(.GET, "/hemmelig-sti?password=hemmelig") { response in
                #expect(response.status == .notFound)
            }
            let lines = capture.lines
            #expect(lines.last?.message == "GET (unmatched) 404")
            #expect(!lines.contains { "\($0.message)\($0.metadata)".contains("hemmelig") })
        }
    }

    @Test func aCallersRequestIDIsKeptWhenWellFormed() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let capture = LogCapture()
            app.logger = capture.logger()
            try await app.testing().test(.GET, "/health", headers: ["X-Request-Id": "proxy-42.a_b"]) { response in
                #expect(response.headers.first(name: "X-Request-Id") == "proxy-42.a_b")
            }
            #expect(capture.lines.last?.metadata["request-id"] == .string("proxy-42.a_b"))
            try await app.testing().test(.GET, "/health", headers: ["X-Request-Id": "bad id\" injected"]) { response in
                let id = response.headers.first(name: "X-Request-Id") ?? ""
                #expect(UUID(uuidString: id) != nil)
            }
        }
    }

    @Test func requestIDsAreValidatedByCharacterAndLength() {
        #expect(RequestTelemetryMiddleware.acceptedID("abc-123") == "abc-123")
        #expect(RequestTelemetryMiddleware.acceptedID(String(repeating: "a", count: 128)) != nil)
        #expect(RequestTelemetryMiddleware.acceptedID(String(repeating: "a", count: 129)) == nil)
        #expect(RequestTelemetryMiddleware.acceptedID("") == nil)
        #expect(RequestTelemetryMiddleware.acceptedID("a\nb") == nil)
        #expect(RequestTelemetryMiddleware.acceptedID("ø") == nil)
        #expect(RequestTelemetryMiddleware.acceptedID(nil) == nil)
    }

    @Test func jsonLinesCarryTimestampLevelLabelMessageAndMetadata() throws {
        let written = Mutex<[String]>([])
        var logger = Logger(label: "fornye.test") { label in
            JSONLogHandler(label: label) { line in written.withLock { $0.append(line) } }
        }
        logger[metadataKey: "request-id"] = "r-1"
        logger.info("first\nline \"quoted\"", metadata: ["status": .stringConvertible(200), "tags": ["a", "b"]])
        logger.debug("below the level")
        let lines = written.withLock { $0 }
        try #require(lines.count == 1)
        #expect(!lines[0].contains("\n"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["level"] as? String == "info")
        #expect(object["label"] as? String == "fornye.test")
        #expect(object["message"] as? String == "first\nline \"quoted\"")
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["request-id"] as? String == "r-1")
        #expect(metadata["status"] as? String == "200")
        #expect(metadata["tags"] as? [String] == ["a", "b"])
        let timestamp = try #require(object["timestamp"] as? String)
        #expect((try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(timestamp)) != nil)
    }
}
