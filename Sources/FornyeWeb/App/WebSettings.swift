public import FornyeStorage

/// How the web app is set up; read from the environment by `fornye serve`.
public struct WebSettings: Sendable {
    public var storage: StorageConfiguration
    /// Seeds the synthetic demo waves into an empty database.
    public var seedDemoContent: Bool
    /// Runs the migrations at start (`fornye serve` does; tests and `fornye migrate` may too).
    public var migrateOnStart: Bool
    /// True when a TLS-terminating proxy is in front: cookies become Secure and HSTS is sent.
    public var behindTLS: Bool
    /// The bcrypt cost for new password hashes: 12 in production (about a quarter of a second);
    /// tests use the minimum, 4, to stay fast.
    public var bcryptCost: Int
    /// Sign-in attempts one client address may make per `LoginRateLimiter.window` (15 minutes).
    public var loginAttemptsPerWindow: Int

    public init(
        storage: StorageConfiguration, seedDemoContent: Bool = true, migrateOnStart: Bool = true,
        behindTLS: Bool = false, bcryptCost: Int = 12, loginAttemptsPerWindow: Int = 10
    ) {
        self.storage = storage
        self.seedDemoContent = seedDemoContent
        self.migrateOnStart = migrateOnStart
        self.behindTLS = behindTLS
        self.bcryptCost = bcryptCost
        self.loginAttemptsPerWindow = loginAttemptsPerWindow
    }
}
