import FornyeStorage
import Glibc
import Testing
import VaporTesting

@testable import FornyeWeb

@Suite struct HealthTests {
    /// A database that cannot be reached (nothing listens on port 1) makes /health answer 503,
    /// and the app still answers, with its headers.
    @Test func healthIs503WhenTheDatabaseIsGone() async throws {
        let settings = WebSettings(
            storage: StorageConfiguration(backend: .postgres(url: "postgres://fornye:x@127.0.0.1:1/none")),
            seedDemoContent: false, migrateOnStart: false)
        try await withTestApp(settings: settings) { app in
            try await app.testing().test(.GET, "/health") { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.body.string.contains("\"database\":\"unreachable\""))
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
            }
        }
    }

    /// A database that accepts the connection and never answers (a listening socket nobody
    /// serves) gives the ping's own timeout, not the pool's 10 s wait: the check says it timed out.
    /// (No wall-clock bound here: under a full parallel test run the clock says little.)
    @Test func aHungDatabaseTimesOutThePing() async throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let settings = WebSettings(
            storage: StorageConfiguration(
                backend: .postgres(url: "postgres://fornye:x@127.0.0.1:\(listener.port)/none")),
            seedDemoContent: false, migrateOnStart: false)
        try await withTestApp(settings: settings) { app in
            let request = Request(application: app, on: app.eventLoopGroup.next())
            let failure = await DatabasePing.failure(of: request, timeout: .milliseconds(300))
            #expect((failure as? Abort)?.reason == "database check timed out")
        }
    }
}

/// A TCP socket on 127.0.0.1 that listens and never accepts: connections complete in the kernel's
/// backlog and then hear nothing, like a hung database server.
private struct SilentListener {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && listen(descriptor, 8) == 0
                    && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard descriptor >= 0, bound else { throw Abort(.internalServerError, reason: "no listening socket") }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { _ = Glibc.close(descriptor) }
}
