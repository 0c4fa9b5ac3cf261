import ArgumentParser
import FornyeStorage
import Foundation
import Testing

@testable import FornyeCommands

@Suite struct BackupCommandTests {
    /// `fornye migrate` then `fornye backup` on an SQLite file; a second backup to the same file
    /// is refused, and `--force` replaces it.
    @Test func backupWritesAVerifiedCopyAndRefusesToOverwrite() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-cli-backup-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("fornye.sqlite").path
        let out = directory.appendingPathComponent("backup.sqlite").path

        let migrate = try #require(
            try FornyeCommand.parseAsRoot(["migrate", "--database-url", database]) as? MigrateCommand)
        try await migrate.run()
        let backup = try #require(
            try FornyeCommand.parseAsRoot(["backup", "--database-url", database, "--out", out])
                as? BackupCommand)
        try await backup.run()
        #expect(FileManager.default.fileExists(atPath: out))
        let size = try FileManager.default.attributesOfItem(atPath: out)[.size] as? Int ?? 0
        #expect(size > 0)

        await #expect(throws: BackupError.destinationExists(out)) { try await backup.run() }
        let forced = try #require(
            try FornyeCommand.parseAsRoot(["backup", "--database-url", database, "--out", out, "--force"])
                as? BackupCommand)
        try await forced.run()
    }

    @Test func outIsRequired() {
        let error = #expect(throws: (any Error).self) { try FornyeCommand.parseAsRoot(["backup"]) }
        #expect(FornyeCommand.message(for: error!).contains("Missing expected argument '--out <file>'"))
    }
}
