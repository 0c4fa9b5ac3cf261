import Foundation
import Testing

@testable import FornyeStorage

@Suite struct ServerSecretTests {
    @Test func theFileIsCreatedOwnerOnlyAndReadBack() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-secret-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let storage = StorageConfiguration(backend: .sqlite(path: directory.appendingPathComponent("db.sqlite").path))
        let first = try ServerSecret.load(storage: storage, environment: [:])
        let path = directory.appendingPathComponent("secret.key").path
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let second = try ServerSecret.load(storage: storage, environment: [:])
        let id = UUID()
        // The same secret gives the same links in another process; another secret gives others.
        #expect(InvitationTokens(secret: first).token(for: id) == InvitationTokens(secret: second).token(for: id))
        #expect(InvitationTokens(secret: .random()).token(for: id) != InvitationTokens(secret: first).token(for: id))
        #expect(InvitationToken.isWellFormed(InvitationTokens(secret: first).token(for: id)))
    }

    @Test func theEnvironmentWinsAndIsChecked() throws {
        let storage = StorageConfiguration(backend: .sqlite(path: ":memory:"))
        let key = Data(repeating: 7, count: 32).base64EncodedString()
        let a = try ServerSecret.load(storage: storage, environment: ["FORNYE_SECRET_KEY": key])
        let b = try ServerSecret.load(storage: storage, environment: ["FORNYE_SECRET_KEY": key + "\n"])
        let id = UUID()
        #expect(InvitationTokens(secret: a).token(for: id) == InvitationTokens(secret: b).token(for: id))
        #expect(throws: ServerSecretError.tooShort(bits: 128)) {
            try ServerSecret.load(
                storage: storage, environment: ["FORNYE_SECRET_KEY": Data(count: 16).base64EncodedString()])
        }
        #expect(throws: ServerSecretError.notBase64(source: "FORNYE_SECRET_KEY")) {
            try ServerSecret.load(storage: storage, environment: ["FORNYE_SECRET_KEY": "not base64!"])
        }
        #expect(throws: ServerSecretError.unreadable(path: "/nonexistent/secret", reason: "no such file")) {
            try ServerSecret.load(storage: storage, environment: ["FORNYE_SECRET_KEY_FILE": "/nonexistent/secret"])
        }
    }
}
