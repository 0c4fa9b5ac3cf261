public import FornyeStorage

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

    public init(
        storage: StorageConfiguration, seedDemoContent: Bool = true, migrateOnStart: Bool = true,
        behindTLS: Bool = false, seedImportedCases: Bool = true
    ) {
        self.seedImportedCases = seedImportedCases
        self.storage = storage
        self.seedDemoContent = seedDemoContent
        self.migrateOnStart = migrateOnStart
        self.behindTLS = behindTLS
    }
}
