import FluentKit
import FornyeTestSupport
import Foundation
import Testing

@testable import FornyeStorage

@Suite struct BackupTests {
    /// A temporary directory, removed afterwards.
    private func withDirectory(_ body: (URL) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-backup-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await body(directory)
    }

    /// Backs up an SQLite file while its runtime (the "server") holds it open and keeps writing,
    /// then opens the copy as Fornye storage and reads the waves back.
    @Test func sqliteBackupOfALiveDatabaseIsCompleteAndIntact() async throws {
        try await withDirectory { directory in
            let live = try StorageRuntime(
                configuration: .init(backend: .sqlite(path: directory.appendingPathComponent("live.sqlite").path)))
            let out = directory.appendingPathComponent("backup/fornye-backup.sqlite").path
            do {
                try await live.migrate()
                try await DemoContent.seedIfEmpty(live.database)
                let report = try await DatabaseBackup.sqlite(from: live.database, to: out)
                #expect(report.integrity == "ok")
                let byTable = Dictionary(uniqueKeysWithValues: report.tables.map { ($0.table, $0) })
                #expect(byTable["waves"]?.copy == 2)
                let responses = try await ResponseRecord.query(on: live.database).count()
                #expect(responses > 500)
                #expect(byTable["responses"]?.copy == responses)
                #expect(byTable["_fluent_migrations"]?.copy == StorageMigrations.all.count)
                #expect(report.tables.allSatisfy { $0.copy == $0.source })
                // The server keeps writing after the snapshot; the copy does not change.
                try await ResponseRecord.query(on: live.database).filter(\.$weight > 0).limit(1).first()?
                    .delete(on: live.database)
            } catch {
                await live.shutdown()
                throw error
            }
            await live.shutdown()

            let copy = try StorageRuntime(configuration: .init(backend: .sqlite(path: out)))
            do {
                #expect(try await copy.migrate().isEmpty, "the copy has every migration")
                let wave = try await WaveRepository(database: copy.database).load(slug: DemoContent.baselineSlug)
                #expect(wave.synthetic)
                #expect(wave.dataset.rowCount > 0)
            } catch {
                await copy.shutdown()
                throw error
            }
            await copy.shutdown()
            let leftovers = try FileManager.default.contentsOfDirectory(
                atPath: directory.appendingPathComponent("backup").path)
            #expect(leftovers == ["fornye-backup.sqlite"], "no partial files are left behind")
        }
    }

    @Test func anExistingFileIsKeptUnlessForced() async throws {
        try await withDirectory { directory in
            let out = directory.appendingPathComponent("old.sqlite").path
            try Data("older backup".utf8).write(to: URL(fileURLWithPath: out))
            try await TestDatabase.sqlite.withRuntime { runtime in
                await #expect(throws: BackupError.destinationExists(out)) {
                    try await DatabaseBackup.sqlite(from: runtime.database, to: out)
                }
                #expect(try String(contentsOfFile: out, encoding: .utf8) == "older backup")
                let report = try await DatabaseBackup.sqlite(from: runtime.database, to: out, force: true)
                #expect(report.integrity == "ok")
                #expect(report.tables.first { $0.table == "waves" }?.copy == 0)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["old.sqlite"])
        }
    }

    @Test func pgDumpCommandLeavesThePasswordOut() {
        let line = DatabaseBackup.pgDumpCommandLine(
            url: "postgres://fornye:s3cret@db.example:5432/fornye", destination: "/var/backups/fornye.dump")
        #expect(!line.contains("s3cret"))
        #expect(line.hasPrefix("pg_dump --format=custom --no-owner --file=/var/backups/fornye.dump"))
        #expect(line.contains("--dbname=postgres://fornye@db.example:5432/fornye"))
    }

    @Test func withoutPgDumpTheCommandIsGiven() async throws {
        try await TestDatabase.sqlite.withRuntime { runtime in
            await #expect {
                try await DatabaseBackup.postgres(
                    from: runtime.database, url: "postgres://u@h/d", to: "/tmp/never-written-\(UUID()).dump",
                    path: "/nonexistent")
            } throws: { error in
                guard case BackupError.pgDumpNotFound(let command) = error else { return false }
                return command.hasPrefix("pg_dump --format=custom")
            }
        }
    }

    @Test(.requiresPostgres) func postgresBackupWithPgDump() async throws {
        try await withDirectory { directory in
            try await TestDatabase.postgres.withRuntime { runtime in
                guard case .postgres(let url) = runtime.configuration.backend else { return }
                try await DemoContent.seedIfEmpty(runtime.database)
                let out = directory.appendingPathComponent("fornye.dump").path
                let report = try await DatabaseBackup.postgres(
                    from: runtime.database, url: url, to: out,
                    schemas: runtime.configuration.postgresSearchPath ?? [])
                #expect(report.tables.first { $0.table == "waves" }?.source == 2)
                // Every table of the schema is in the archive, data included.
                #expect(
                    report.integrity.contains("read \(report.tables.count) table data entries"),
                    "\(report.integrity) for \(report.tables.count) tables")
                #expect(FileManager.default.fileExists(atPath: out))
            }
        }
    }
}
