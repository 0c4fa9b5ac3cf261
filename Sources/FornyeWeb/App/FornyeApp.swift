import Fluent
import FornyeBarometer
public import FornyeStorage
import Foundation
public import Vapor

/// Sets up a Vapor application as Fornye: storage, migrations, demo content, middleware, routes.
///
/// ```swift
/// let app = try await Application.make(.production)
/// try await FornyeApp.configure(app, settings: WebSettings(storage: configuration))
/// try await app.execute()
/// ```
public enum FornyeApp {
    public static func configure(_ app: Application, settings: WebSettings) async throws {
        app.storage[WebSettingsKey.self] = settings
        // Every SQLite query and file read runs on the blocking pool. NIO's default is one pool of
        // a thread per core for the whole process, so one app's slow work (or, in the tests,
        // hundreds of apps) queued every other query behind it.
        app.threadPool = NIOThreadPool(numberOfThreads: settings.blockingThreads)
        let hashing = PasswordHashingPool(numberOfThreads: System.coreCount)
        app.storage[PasswordHashingPoolKey.self] = hashing
        app.lifecycle.use(hashing)
        // A resource file: read at start, so a build without it stops here, not on a request.
        _ = OpenAPIDocument.json
        let metrics = FornyeMetrics()
        app.storage[FornyeMetricsKey.self] = metrics
        // Outermost first. Telemetry sees the final status of every response; the security
        // headers land on error pages too because the error middleware, innermost, has already
        // turned errors into responses (problem details for the API, pages for people). Replaces
        // Vapor's default RouteLoggingMiddleware (one line per request comes from the telemetry
        // middleware instead) and its metrics, which would label requests by a second scheme.
        app.http.server.configuration.reportMetrics = false
        app.middleware = Middlewares()
        app.middleware.use(RequestTelemetryMiddleware(metrics: metrics))
        app.middleware.use(SecurityHeadersMiddleware(behindTLS: settings.behindTLS))
        // Outside the error middleware, so an error page answering `?lang=` keeps the choice too.
        app.middleware.use(LanguageCookieMiddleware())
        app.middleware.use(FornyeErrorMiddleware())
        // Sorted keys: every instance (and every restart) writes the same bytes for the same
        // answer, so ETags and cached copies agree behind a load balancer.
        ContentConfiguration.global.use(
            encoder: JSONEncoder.custom(dates: .iso8601, format: .sortedKeys), for: .json)
        try StorageSetup.register(settings.storage, on: app.databases)
        if case .sqlite = settings.storage.backend {
            app.logger.notice(
                "SQLite: run one instance only; several instances behind a load balancer need PostgreSQL (docs/OPERATIONS.md)"
            )
        }
        StorageSetup.addMigrations(to: app.migrations)
        try await StorageSetup.prepare(settings.storage, databases: app.databases, logger: app.logger)
        // Instances starting together on one PostgreSQL migrate and seed one after the other. With
        // nothing to do no connection is taken: a start must not wait for an unreachable database.
        if settings.migrateOnStart || settings.seedDemoContent {
            try await MigrationLock.around(app.db) {
                if settings.migrateOnStart { try await app.autoMigrate() }
                if settings.seedDemoContent { try await seedDemoContent(app, settings: settings) }
            }
        }
        app.routes.defaultMaxBodySize = "1mb"
        app.storage[BarometerStoreKey.self] = BarometerStore()
        app.storage[MunicipalityStoreKey.self] = MunicipalityStore(register: try MunicipalityRegister.bundled())
        app.storage[SelfTestAnalysesKey.self] = SelfTestAnalyses()
        let spool = settings.importSpoolDirectory.map { ImportSpool(directory: URL(fileURLWithPath: $0)) }
        // Uploads older than their lifetime are not kept across a restart either.
        let uploads = ImportUploadStore(spool: spool)
        spool?.expire(before: Date().addingTimeInterval(-uploads.lifetime))
        app.storage[ImportUploadStoreKey.self] = uploads
        app.storage[ProgrammeUploadStoreKey.self] = ProgrammeUploadStore()
        let jobs = ImportJobRunner()
        app.storage[ImportJobRunnerKey.self] = jobs
        app.lifecycle.use(jobs)
        // PostgreSQL: any instance may queue a job or die mid-import, so every instance polls.
        // SQLite serves one instance: it runs what its own requests queue, and once at start what
        // a previous process left unfinished.
        jobs.start(app, polling: !settings.storage.isSQLite)
        let writing = try await StorageSetup.submissionWriting(
            settings.storage, databases: app.databases, logger: app.logger)
        app.storage[SubmissionWriterKey.self] = SubmissionWriter(
            database: writing.database, durability: writing.durability,
            walCheckpointInterval: writing.walCheckpointInterval)
        // The client talks to OpenID Connect providers only: no redirects followed (a token
        // endpoint that redirects is refused), every request with its own deadline.
        app.http.client.configuration.redirectConfiguration = .disallow
        app.storage[OIDCProvidersKey.self] = OIDCProviders(settings: settings.oidcProviders, client: app.client)
        // Before every route, so handlers and `RequireRole` know who is asking.
        app.middleware.use(SessionAuthenticator())
        app.middleware.use(CacheInvalidationMiddleware())
        try Routes.register(on: app)
    }

    /// The synthetic demo waves, demo projects and programme register, each only into an empty database.
    static func seedDemoContent(_ app: Application, settings: WebSettings) async throws {
        let seeded = try await DemoContent.seedIfEmpty(app.db)
        if !seeded.isEmpty { app.logger.notice("seeded synthetic demo waves", metadata: ["waves": "\(seeded)"]) }
        let projects = try await ProjectDemoContent.seedIfEmpty(app.db, includeIPSX: settings.seedImportedCases)
        if projects > 0 { app.logger.notice("seeded demo projects", metadata: ["projects": "\(projects)"]) }
        let programme = try await ProgrammeDemoContent.seedIfEmpty(app.db)
        if programme.lines > 0 {
            app.logger.notice(
                "seeded synthetic programme register and report interview cases",
                metadata: ["lines": "\(programme.lines)", "cases": "\(programme.cases)"])
        }
    }
}

struct WebSettingsKey: StorageKey {
    typealias Value = WebSettings
}

struct SubmissionWriterKey: StorageKey {
    typealias Value = SubmissionWriter
}

struct FornyeMetricsKey: StorageKey {
    typealias Value = FornyeMetrics
}

extension Application {
    /// The settings the app was configured with.
    public var fornyeSettings: WebSettings {
        guard let settings = storage[WebSettingsKey.self] else {
            fatalError("FornyeApp.configure was not called on this Application")
        }
        return settings
    }

    /// The tokens of invitation links, from the configured server secret.
    public var invitationTokens: InvitationTokens { InvitationTokens(secret: fornyeSettings.secret) }

    /// The one writer of questionnaire submissions (group commit).
    public var submissionWriter: SubmissionWriter {
        guard let writer = storage[SubmissionWriterKey.self] else {
            fatalError("FornyeApp.configure was not called on this Application")
        }
        return writer
    }

    /// The app's own metrics registry (served at /metrics).
    public var fornyeMetrics: FornyeMetrics {
        guard let metrics = storage[FornyeMetricsKey.self] else {
            fatalError("FornyeApp.configure was not called on this Application")
        }
        return metrics
    }
}
