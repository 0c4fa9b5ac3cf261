import ArgumentParser
import FornyeIdentity
import FornyeStorage
import FornyeWeb
import Foundation
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the Fornye web server.",
        discussion: """
            With no configuration the server keeps an SQLite database in data/fornye.sqlite, runs the migrations \
            and seeds the synthetic demo waves on first start. Set DATABASE_URL=postgres://... (or --database-url) \
            for PostgreSQL. OpenID Connect providers: FORNYE_OIDC_<ID>_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _DISPLAY_NAME, _SCOPES (docs/ACCOUNTS.md). FORNYE_BEHIND_TLS=1 marks cookies Secure and sends HSTS (set it behind an HTTPS proxy). \
            /metrics needs FORNYE_METRICS_TOKEN as a bearer token when that is set, otherwise answers loopback \
            only. SIGINT or SIGTERM shut the server down gracefully. See docs/OPERATIONS.md.
            """)

    @OptionGroup var storage: StorageOptions

    @Option(help: "The address to listen on.")
    var hostname = ProcessInfo.processInfo.environment["FORNYE_HOST"] ?? "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = Int(ProcessInfo.processInfo.environment["FORNYE_PORT"] ?? "") ?? 8080

    @Flag(help: "Do not seed the synthetic demo waves into an empty database.")
    var noDemo = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "info"

    @Option(help: "Log format: text (readable lines) or json (one JSON object per line).")
    var logFormat = ProcessInfo.processInfo.environment["FORNYE_LOG_FORMAT"] ?? "text"

    func run() async throws {
        let configuration = try storage.configuration()
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError(
                "--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let format = LogFormat(rawValue: logFormat.lowercased()) else {
            throw ValidationError("--log-format (FORNYE_LOG_FORMAT) must be text or json, not «\(logFormat)»")
        }
        let environment = ProcessInfo.processInfo.environment
        let behindTLS = ["1", "true", "yes"].contains(environment["FORNYE_BEHIND_TLS"]?.lowercased() ?? "")
        let metricsToken = environment["FORNYE_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        var publicURL = "http://\(hostname):\(port)"
        if let text = environment["FORNYE_PUBLIC_URL"], !text.isEmpty {
            guard let checked = WebSettings.publicBaseURL(text) else {
                throw ValidationError(
                    "FORNYE_PUBLIC_URL must be an http or https address such as https://fornye.example.no, not «\(text)»"
                )
            }
            publicURL = checked
        }
        let secret: ServerSecret
        do {
            secret = try ServerSecret.load(storage: configuration, environment: environment)
        } catch {
            throw ValidationError("\(error)")
        }
        let providers: [OIDCProviderSettings]
        do {
            providers = try OIDCProviderSettings.fromEnvironment(environment)
        } catch {
            throw ValidationError("OpenID Connect: \(error)")
        }
        try await FornyeServer.run(
            settings: WebSettings(
                storage: configuration, seedDemoContent: !noDemo, behindTLS: behindTLS, metricsToken: metricsToken,
                importSpoolDirectory: WebSettings.defaultImportSpool(storage: configuration, environment: environment),
                publicBaseURL: publicURL, secret: secret, oidcProviders: providers),
            hostname: hostname, port: port, logLevel: level, logFormat: format)
    }
}
