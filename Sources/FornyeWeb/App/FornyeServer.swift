public import Logging
import Vapor

/// Runs the web server until SIGINT or SIGTERM, then shuts down gracefully (in-flight requests
/// finish, database connections close).
public enum FornyeServer {
    public static func run(settings: WebSettings, hostname: String, port: Int, logLevel: Logger.Level) async throws {
        let environment = Environment(
            name: "production", arguments: ["fornye", "serve", "--hostname", hostname, "--port", String(port)])
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardOutput(label: label)
            handler.logLevel = logLevel
            return handler
        }
        let app = try await Application.make(environment)
        do {
            try await FornyeApp.configure(app, settings: settings)
            print("Fornye: \(settings.storage.displayName)")
            print("Fornye kjører på / is running at http://\(hostname == "0.0.0.0" ? "127.0.0.1" : hostname):\(port)/")
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
