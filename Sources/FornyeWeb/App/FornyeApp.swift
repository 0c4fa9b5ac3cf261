import Fluent
import FornyeStorage
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
        try StorageSetup.register(settings.storage, on: app.databases)
        StorageSetup.addMigrations(to: app.migrations)
        try await StorageSetup.prepare(settings.storage, databases: app.databases, logger: app.logger)
        if settings.migrateOnStart {
            try await app.autoMigrate()
        }
        if settings.seedDemoContent {
            let seeded = try await DemoContent.seedIfEmpty(app.db)
            if !seeded.isEmpty { app.logger.notice("seeded synthetic demo waves", metadata: ["waves": "\(seeded)"]) }
        }
        app.routes.defaultMaxBodySize = "1mb"
        app.storage[LoginRateLimiterKey.self] = LoginRateLimiter(limit: settings.loginAttemptsPerWindow)
        // Before every route, so handlers and `RequireRole` know who is asking.
        app.middleware.use(SessionAuthenticator())
        try Routes.register(on: app)
    }
}

struct WebSettingsKey: StorageKey {
    typealias Value = WebSettings
}

extension Application {
    /// The settings the app was configured with.
    public var fornyeSettings: WebSettings {
        guard let settings = storage[WebSettingsKey.self] else {
            fatalError("FornyeApp.configure was not called on this Application")
        }
        return settings
    }
}
