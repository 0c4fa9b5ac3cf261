public import Logging
import Metrics
import Vapor

/// Runs the web server until SIGINT or SIGTERM, then shuts down gracefully: the listening socket
/// closes, requests in flight are answered, then database connections close (docs/OPERATIONS.md).
public enum FornyeServer {
    public static func run(
        settings: WebSettings, hostname: String, port: Int, logLevel: Logger.Level, logFormat: LogFormat = .text
    ) async throws {
        let environment = Environment(
            name: "production", arguments: ["fornye", "serve", "--hostname", hostname, "--port", String(port)])
        LoggingSystem.bootstrap { label in
            switch logFormat {
            case .text:
                var handler = StreamLogHandler.standardOutput(label: label)
                handler.logLevel = logLevel
                return handler
            case .json:
                var handler = JSONLogHandler(label: label)
                handler.logLevel = logLevel
                return handler
            }
        }
        let app = try await Application.make(environment)
        do {
            try await FornyeApp.configure(app, settings: settings)
            // Once per process, so libraries reporting through swift-metrics share /metrics.
            MetricsSystem.bootstrap(app.fornyeMetrics.factory)
            // The profiles' numbers for every municipality, made while the server starts listening
            // and again after each write that changes a wave.
            app.municipalityStore.warmAtStartAndAfterWrites(app)
            let shownHost = hostname == "0.0.0.0" ? "127.0.0.1" : hostname
            switch logFormat {
            case .text:
                print("Fornye: \(settings.storage.displayName)")
                print("Fornye kjører på / is running at http://\(shownHost):\(port)/")
            case .json:
                app.logger.notice(
                    "Fornye is running",
                    metadata: ["database": "\(settings.storage.displayName)", "url": "http://\(shownHost):\(port)/"])
            }
            try await app.execute()
            // SIGTERM/SIGINT end `execute`. Quiesce the HTTP server first — stop accepting, let
            // requests in flight finish (up to Vapor's 10 s shutdown timeout) — because
            // `asyncShutdown` closes the database pool before Vapor's own server shutdown runs,
            // and a request still running would then find no database (it crashed the process).
            await app.http.server.shared.shutdown()
            // A warming still reading waves would find the database pool closed.
            await app.municipalityStore.stopWarming()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
