public import Crypto
public import Foundation

/// The server's secret, from which keys with one purpose each are derived (invitation links
/// today). Every process serving one database must hold the same secret: the links a process
/// shows must be the ones another accepts.
///
/// Where it comes from, first found wins: `FORNYE_SECRET_KEY` (base64 of at least 32 random
/// bytes), the file named by `FORNYE_SECRET_KEY_FILE`, or `secret.key` in the data directory,
/// created on first use with owner-only permissions. It is deliberately not in the database: a
/// copy of the database alone must not yield working invitation links.
public struct ServerSecret: Sendable {
    private let key: SymmetricKey

    /// A secret from raw bytes; at least 32 of them.
    public init(bytes: some ContiguousBytes) throws(ServerSecretError) {
        let key = SymmetricKey(data: bytes)
        guard key.bitCount >= 256 else { throw .tooShort(bits: key.bitCount) }
        self.key = key
    }

    /// A secret of 32 random bytes, for tests and one-off runs.
    public static func random() -> ServerSecret {
        // 32 bytes always pass the length check.
        try! ServerSecret(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
    }

    /// The secret for the process: from the environment, or from (and if need be into) the file.
    public static func load(environment: [String: String], defaultFile: String) throws(ServerSecretError)
        -> ServerSecret
    {
        if let text = environment["FORNYE_SECRET_KEY"], !text.isEmpty {
            guard let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw .notBase64(source: "FORNYE_SECRET_KEY")
            }
            return try ServerSecret(bytes: bytes)
        }
        let path = environment["FORNYE_SECRET_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultFile
        return try file(path, create: environment["FORNYE_SECRET_KEY_FILE"] == nil)
    }

    /// The secret for a process using `storage`: `secret.key` under `FORNYE_DATA_DIR`, else
    /// beside the SQLite file, else in `data/` (PostgreSQL without a data directory).
    public static func load(storage: StorageConfiguration, environment: [String: String]) throws(ServerSecretError)
        -> ServerSecret
    {
        let file: String
        if let directory = environment["FORNYE_DATA_DIR"], !directory.isEmpty {
            file = (directory as NSString).appendingPathComponent("secret.key")
        } else if case .sqlite(let path) = storage.backend, path != ":memory:" {
            file = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("secret.key")
        } else {
            file = "data/secret.key"
        }
        return try load(environment: environment, defaultFile: file)
    }

    /// Reads the base64 secret in `path`; with `create`, writes a new one there when the file
    /// does not exist (mode 0600, the directory created too).
    static func file(_ path: String, create: Bool) throws(ServerSecretError) -> ServerSecret {
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            guard create else { throw .unreadable(path: path, reason: "no such file") }
            let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
            let directory = (path as NSString).deletingLastPathComponent
            do {
                if !directory.isEmpty {
                    try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                }
                // Created empty with owner-only permissions before the secret is written into it.
                guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw CocoaError(.fileWriteNoPermission)
                }
                try Data((bytes.base64EncodedString() + "\n").utf8).write(to: URL(filePath: path))
            } catch {
                throw .unreadable(path: path, reason: "cannot create it: \(error.localizedDescription)")
            }
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        guard let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw .notBase64(source: path)
        }
        return try ServerSecret(bytes: bytes)
    }

    /// A key for one purpose: HKDF of the secret with the purpose as info, so a key leaked from
    /// one use tells nothing about another.
    public func key(for purpose: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: key, salt: Data("fornye".utf8), info: Data(purpose.utf8), outputByteCount: 32)
    }
}

/// Why the server secret could not be had.
public enum ServerSecretError: Error, Sendable, Equatable, CustomStringConvertible {
    case tooShort(bits: Int)
    case notBase64(source: String)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .tooShort(let bits):
            "the server secret has \(bits) bits; it needs at least 256 (32 random bytes, base64)"
        case .notBase64(let source):
            "\(source) is not base64; make one with: head -c 32 /dev/urandom | base64"
        case .unreadable(let path, let reason):
            "cannot read the server secret in \(path): \(reason)"
        }
    }
}
