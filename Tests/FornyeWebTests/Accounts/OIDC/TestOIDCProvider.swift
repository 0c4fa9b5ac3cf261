import Foundation

/// The local OpenID Connect provider (scripts/oidc/provider.py, built on authlib), started once
/// per test process on a free port and ended when the process's stdin closes.
final class TestOIDCProvider: Sendable {
    static let clientID = "fornye-test"
    /// Synthetic test secret.
    static let clientSecret = "syntetisk-hemmelighet"

    let issuer: String
    private let process: Process
    private let input: Pipe

    /// A python3 that can import authlib: FORNYE_TEST_PYTHON, Debian's /usr/bin/python3, or the first on PATH.
    static let python: String? = {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["FORNYE_TEST_PYTHON"], "/usr/bin/python3", "/bin/python3"].compactMap { $0 }
        return candidates.first { candidate in
            guard FileManager.default.isExecutableFile(atPath: candidate) else { return false }
            let check = Process()
            check.executableURL = URL(fileURLWithPath: candidate)
            check.arguments = ["-c", "import authlib.jose, authlib.oauth2.rfc7636"]
            check.standardOutput = FileHandle.nullDevice
            check.standardError = FileHandle.nullDevice
            guard (try? check.run()) != nil else { return false }
            check.waitUntilExit()
            return check.terminationStatus == 0
        }
    }()

    /// Tests run unless python3 with authlib is missing; where `.ci/run` installed it
    /// (`FORNYE_REQUIRE_OIDC_PROVIDER=1`) a provider that does not start fails the suite instead.
    static var available: Bool {
        python != nil || ProcessInfo.processInfo.environment["FORNYE_REQUIRE_OIDC_PROVIDER"] == "1"
    }

    static let shared: TestOIDCProvider? = try? TestOIDCProvider()

    private init() throws {
        guard let python = Self.python else { throw ProviderMissing() }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../../scripts/oidc/provider.py").standardized
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, "--client-id", Self.clientID, "--client-secret", Self.clientSecret]
        let output = Pipe()
        input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw ProviderMissing() }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else { throw ProviderMissing() }
        issuer = "http://127.0.0.1:\(port)"
    }

    struct ProviderMissing: Error, CustomStringConvertible {
        var description: String {
            "the local OpenID Connect provider did not start: install python3-authlib (apt-get install python3-authlib)"
        }
    }
}
