import FornyeTestSupport
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import FornyeWeb

@Suite struct MetricsTests {
    static let token = "test-metrics-token-0123456789"

    @Test(arguments: TestDatabase.all)
    func countsRequestsByRoutePatternAndStatus(database: TestDatabase) async throws {
        try await withTestApp(database: database, seedDemoContent: false, adjust: { $0.metricsToken = Self.token }) {
            app in
            let tester = try app.testing()
            try await tester.test(.GET, "/") { #expect($0.status == .ok) }
            try await tester.test(.GET, "/") { #expect($0.status == .ok) }
            try await tester.test(.GET, "/wp-admin/x") { #expect($0.status == .notFound) }
            try await tester.test(.GET, "/metrics", headers: ["Authorization": "Bearer \(Self.token)"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers.first(name: .contentType) == MetricsController.contentType)
                let text = response.body.string
                let lines = text.split(separator: "\n").map(String.init)
                #expect(lines.contains(#"fornye_http_requests_total{method="GET",route="/",status="200"} 2"#))
                // A raw path never becomes a label: not-found requests share one series.
                #expect(
                    lines.contains(#"fornye_http_requests_total{method="GET",route="(unmatched)",status="404"} 1"#))
                #expect(!text.contains("wp-admin"))
                #expect(
                    lines.contains(
                        #"fornye_http_request_duration_seconds_count{method="GET",route="/",status="200"} 2"#))
                #expect(lines.contains("fornye_database_up 1.0"))
                #if os(Linux)
                    let rss = lines.first { $0.hasPrefix("process_resident_memory_bytes ") }
                    #expect((rss?.split(separator: " ").last.flatMap { Double($0) } ?? 0) > 1_000_000)
                #endif
            }
        }
    }

    /// Two apps in one process keep separate counts (tests make many apps).
    @Test func eachAppHasItsOwnRegistry() async throws {
        try await withTestApp(seedDemoContent: false) { first in
            try await first.testing().test(.GET, "/health") { _ in }
            try await withTestApp(seedDemoContent: false) { second in
                #expect(first.fornyeMetrics.registry !== second.fornyeMetrics.registry)
                #expect(!second.fornyeMetrics.registry.emitToString().contains("/health"))
                #expect(first.fornyeMetrics.registry.emitToString().contains(#"route="/health""#))
            }
        }
    }

    @Test func tokenIsRequiredWhenSet() async throws {
        try await withTestApp(seedDemoContent: false, adjust: { $0.metricsToken = Self.token }) { app in
            let tester = try app.testing()
            try await tester.test(.GET, "/metrics") { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers.first(name: "WWW-Authenticate")?.hasPrefix("Bearer") == true)
                #expect(!response.body.string.contains("fornye_http"))
            }
            try await tester.test(.GET, "/metrics", headers: ["Authorization": "Bearer wrong"]) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    /// Without a token: served over loopback, refused when a proxy forwarded the request, and
    /// refused when there is no peer address to check (the in-memory tester).
    @Test func withoutATokenOnlyLoopbackMayRead() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            try await app.testing().test(.GET, "/metrics") { #expect($0.status == .forbidden) }
            let live = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            try await live.test(.GET, "/metrics") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("fornye_database_up"))
            }
            try await live.test(.GET, "/metrics", headers: ["X-Forwarded-For": "203.0.113.9"]) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func loopbackRecognition() throws {
        #expect(MetricsController.isLoopback(try SocketAddress(ipAddress: "127.0.0.1", port: 1)))
        #expect(MetricsController.isLoopback(try SocketAddress(ipAddress: "::1", port: 1)))
        #expect(!MetricsController.isLoopback(try SocketAddress(ipAddress: "10.0.0.1", port: 1)))
        #expect(!MetricsController.isLoopback(try SocketAddress(ipAddress: "2001:db8::1", port: 1)))
    }
}
