import Foundation
import Logging
import Testing

@testable import FornyeWeb

/// The hand-written JSON log line: what `JSONSerialization` would read back, byte for byte where
/// the format is fixed.
@Suite struct JSONLogLineTests {
    @Test func escapesEverythingJSONRequiresAndKeepsTheRest() throws {
        let message = "quote \" backslash \\ newline \n tab \t bell \u{07} nul \u{0} æøå 😀 </script>"
        let line = JSONLogHandler.line(
            date: Date(timeIntervalSince1970: 1_772_446_504.512), level: .warning, label: "a\"b", message: message,
            metadata: [
                "z": "last", "a": .stringConvertible(42), "nested": ["k\n": ["x", .dictionary(["y": "1"])]],
            ])
        #expect(!line.contains("\n"))
        #expect(line.hasPrefix("{\"label\":\"a\\\"b\",\"level\":\"warning\",\"message\":"))
        #expect(line.contains("\\u0007") && line.contains("\\u0000") && line.contains("æøå 😀"))
        #expect(line.hasSuffix(",\"timestamp\":\"2026-03-02T10:15:04.512Z\"}"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["message"] as? String == message)
        #expect(object["label"] as? String == "a\"b")
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["a"] as? String == "42")
        let nested = try #require((metadata["nested"] as? [String: Any])?["k\n"] as? [Any])
        #expect(nested.first as? String == "x")
        #expect((nested.last as? [String: String])?["y"] == "1")
        // Metadata keys in sorted order, so lines diff and grep alike.
        let keys = ["\"a\":", "\"nested\":", "\"z\":"].compactMap { line.range(of: $0)?.lowerBound }
        #expect(keys.count == 3 && keys == keys.sorted())
    }

    @Test func timestampsAreUTCWithMilliseconds() {
        #expect(JSONLogHandler.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(JSONLogHandler.timestamp(Date(timeIntervalSince1970: 951_782_400.0994)) == "2000-02-29T00:00:00.099Z")
        #expect(JSONLogHandler.timestamp(Date(timeIntervalSince1970: 4_102_444_799.999)) == "2099-12-31T23:59:59.999Z")
    }
}
