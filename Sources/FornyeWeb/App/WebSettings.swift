public import FornyeIdentity
public import FornyeStorage
import Foundation

/// How the web app is set up; read from the environment by `fornye serve`.
public struct WebSettings: Sendable {
    public var storage: StorageConfiguration
    /// Seeds the synthetic demo waves into an empty database.
    public var seedDemoContent: Bool
    /// With the demo content, also imports the 853 IPS-X cases into an empty project bank.
    public var seedImportedCases: Bool
    /// Runs the migrations at start (`fornye serve` does; tests and `fornye migrate` may too).
    public var migrateOnStart: Bool
    /// True when a TLS-terminating proxy is in front: cookies become Secure and HSTS is sent.
    public var behindTLS: Bool
    /// `FORNYE_METRICS_TOKEN`: when set, `/metrics` needs `Authorization: Bearer <token>`;
    /// when nil, `/metrics` answers loopback requests only.
    public var metricsToken: String?
    /// The bcrypt cost for new password hashes: `Passwords.cost` in production; tests use the
    /// minimum, 4, to stay fast.
    public var bcryptCost: Int
    /// Sign-in attempts one client address may make per `LoginRateLimit.window` (15 minutes),
    /// counted in the database across every instance.
    public var loginAttemptsPerWindow: Int
    /// Where pending response uploads are kept so a restart does not lose them (`fornye serve`:
    /// `import-spool` beside the SQLite file or under `FORNYE_DATA_DIR`); nil keeps them in memory.
    public var importSpoolDirectory: String?
    /// The address respondents reach Fornye at (`FORNYE_PUBLIC_URL`), without a trailing slash:
    /// invitation links are built from it, never from a request's Host header.
    public var publicBaseURL: String
    /// Keys for invitation links (and whatever else must agree across processes).
    public var secret: ServerSecret
    /// Threads for blocking work (SQLite queries, file reads); see
    /// `StorageSetup.blockingThreadsSuggestion` for why more than the SQLite connections.
    public var blockingThreads = StorageSetup.blockingThreadsSuggestion
    /// OpenID Connect providers (`FORNYE_OIDC_<ID>_*`, docs/ACCOUNTS.md); empty for passwords only.
    public var oidcProviders: [OIDCProviderSettings]

    public init(
        storage: StorageConfiguration, seedDemoContent: Bool = true, migrateOnStart: Bool = true,
        behindTLS: Bool = false, metricsToken: String? = nil, bcryptCost: Int = Passwords.cost,
        loginAttemptsPerWindow: Int = 10,
        seedImportedCases: Bool = true, importSpoolDirectory: String? = nil,
        publicBaseURL: String = "http://127.0.0.1:8080", secret: ServerSecret = .random(),
        oidcProviders: [OIDCProviderSettings] = []
    ) {
        self.oidcProviders = oidcProviders
        self.publicBaseURL = publicBaseURL.hasSuffix("/") ? String(publicBaseURL.dropLast()) : publicBaseURL
        self.secret = secret
        self.importSpoolDirectory = importSpoolDirectory
        self.seedImportedCases = seedImportedCases
        self.storage = storage
        self.seedDemoContent = seedDemoContent
        self.migrateOnStart = migrateOnStart
        self.behindTLS = behindTLS
        self.metricsToken = metricsToken
        self.bcryptCost = bcryptCost
        self.loginAttemptsPerWindow = loginAttemptsPerWindow
    }
}

extension WebSettings {
    /// `FORNYE_PUBLIC_URL` checked: an http(s) address with a host and no query or fragment.
    public static func publicBaseURL(_ text: String) -> String? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil
        else { return nil }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// The spool `fornye serve` uses: `FORNYE_IMPORT_SPOOL` when set, else `import-spool` under
    /// `FORNYE_DATA_DIR`, else beside the SQLite file, else `data/import-spool`.
    public static func defaultImportSpool(storage: StorageConfiguration, environment: [String: String]) -> String {
        if let spool = environment["FORNYE_IMPORT_SPOOL"], !spool.isEmpty { return spool }
        if let directory = environment["FORNYE_DATA_DIR"], !directory.isEmpty {
            return directory + "/import-spool"
        }
        if case .sqlite(let path) = storage.backend, path != ":memory:", path.contains("/") {
            return String(path[..<path.lastIndex(of: "/")!]) + "/import-spool"
        }
        return "data/import-spool"
    }
}
