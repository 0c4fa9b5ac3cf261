import Foundation

/// Where Fornye keeps its data: an SQLite file by default, PostgreSQL when `DATABASE_URL` says so.
///
/// ```swift
/// let configuration = try StorageConfiguration(environment: ProcessInfo.processInfo.environment)
/// ```
public struct StorageConfiguration: Sendable, Equatable {
    public enum Backend: Sendable, Equatable {
        /// An SQLite database file; `:memory:` keeps it in memory (tests).
        case sqlite(path: String)
        /// A PostgreSQL connection URL, `postgres://user:password@host:port/database`.
        case postgres(url: String)
    }

    public var backend: Backend
    /// PostgreSQL only: the schemas unqualified names resolve to (`SET search_path` on every
    /// connection). Nil keeps the server's default; tests use a fresh schema each for isolation.
    public var postgresSearchPath: [String]?
    /// PostgreSQL only: connections each event loop may open (so an instance holds at most this
    /// times its event loops); two at least, as `MigrationLock` holds one while the migrations use
    /// another. Several instances share the server's `max_connections`.
    public var postgresConnectionsPerEventLoop: Int
    /// How long a query waits for a free pooled connection before it fails (and its request
    /// answers 500). The drivers' ten seconds by default; the test suites, which start hundreds of
    /// apps at once on two cores, wait longer.
    public var connectionWaitSeconds: Int
    /// PostgreSQL only: whether the server's JIT compiler may compile Fornye's statements. Off by
    /// default (`jit=off` as a startup parameter of every connection): JIT compiles a statement
    /// whose *estimated* cost passes `jit_above_cost`, and the project search's term-key statement
    /// at 100,000 projects was estimated in the millions, then spent 0.8 s compiling to run in
    /// 40 ms (docs/PERFORMANCE.md, session 15). `FORNYE_POSTGRES_JIT=on` leaves the server's
    /// setting, e.g. behind a pooler that refuses unknown startup parameters.
    public var postgresJIT: Bool = false

    public init(
        backend: Backend, postgresSearchPath: [String]? = nil, postgresConnectionsPerEventLoop: Int = 4,
        connectionWaitSeconds: Int = 10
    ) {
        self.backend = backend
        self.postgresSearchPath = postgresSearchPath
        self.postgresConnectionsPerEventLoop = postgresConnectionsPerEventLoop
        self.connectionWaitSeconds = connectionWaitSeconds
    }

    /// The default SQLite file, relative to the working directory.
    public static let defaultSQLitePath = "data/fornye.sqlite"

    /// `DATABASE_URL` (postgres:// or postgresql:// for PostgreSQL, sqlite:PATH or a plain path for
    /// SQLite) when set, otherwise `FORNYE_DATA_DIR/fornye.sqlite`, otherwise `data/fornye.sqlite`.
    public init(environment: [String: String]) throws(StorageConfigurationError) {
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            self = try Self(databaseURL: url)
            postgresJIT = environment["FORNYE_POSTGRES_JIT"] == "on"
        } else if let directory = environment["FORNYE_DATA_DIR"], !directory.isEmpty {
            self.init(backend: .sqlite(path: (directory as NSString).appendingPathComponent("fornye.sqlite")))
        } else {
            self.init(backend: .sqlite(path: Self.defaultSQLitePath))
        }
    }

    public init(databaseURL: String) throws(StorageConfigurationError) {
        let lowered = databaseURL.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            guard URL(string: databaseURL)?.host != nil else { throw .invalidURL(databaseURL) }
            self.init(backend: .postgres(url: databaseURL))
        } else if lowered.hasPrefix("sqlite:") {
            let path = String(databaseURL.dropFirst("sqlite:".count)).replacingOccurrences(of: "//", with: "")
            guard !path.isEmpty else { throw .invalidURL(databaseURL) }
            self.init(backend: .sqlite(path: path))
        } else if lowered.contains("://") {
            throw .unsupportedScheme(databaseURL)
        } else {
            self.init(backend: .sqlite(path: databaseURL))
        }
    }

    /// A description for logs and the start-up message, without the password.
    public var displayName: String {
        switch backend {
        case .sqlite(let path): return "SQLite \(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "PostgreSQL" }
            if components.password != nil { components.password = "***" }
            return "PostgreSQL \(components.string ?? "")"
        }
    }

    public var isSQLite: Bool {
        if case .sqlite = backend { return true }
        return false
    }
}

public enum StorageConfigurationError: Error, Equatable, CustomStringConvertible {
    case invalidURL(String)
    case unsupportedScheme(String)

    public var description: String {
        switch self {
        case .invalidURL(let url):
            return "DATABASE_URL «\(Self.redacted(url))» is not a valid database URL"
        case .unsupportedScheme(let url):
            return "DATABASE_URL «\(Self.redacted(url))» has an unsupported scheme; use postgres:// or sqlite:PATH"
        }
    }

    private static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
