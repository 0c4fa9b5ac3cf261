import FluentSQL
import FornyeStorage
import FornyeTestSupport
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

/// The backup and restore drill (issue 18): back up a serving database the way `fornye backup`
/// does, restore it into a fresh database as docs/OPERATIONS.md says, start an instance on the
/// restored copy and compare what it serves with what the original served.
@Suite struct BackupRestoreDrillTests {
    static let paths = [
        "/", "/barometer", "/barometer/\(DemoContent.baselineSlug)", "/api/v1/waves", "/prosjekter",
        "/prosjekter?q=skole", "/prosjekter/eksport.csv",
    ]

    /// The pages as the public gets them, with the per-session CSRF token masked.
    static func pages(_ app: Application) async throws -> [String: String] {
        var pages: [String: String] = [:]
        for path in paths {
            let response = try await app.get(path)
            #expect(response.status == .ok, "\(path)")
            if response.headers.contentType == .json {
                // Swift's encoder does not keep key order from one process to the next.
                let object = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8))
                let sorted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                pages[path] = String(decoding: sorted, as: UTF8.self)
            } else {
                pages[path] = response.body.string.replacing(
                    #/name="_csrf" value="[^"]*"/#, with: "name=\"_csrf\" value=\"…\"")
            }
        }
        return pages
    }

    static func counts(_ app: Application) async throws -> [String: Int] {
        let sql = try #require(app.db as? any SQLDatabase)
        var counts: [String: Int] = [:]
        for table in ["waves", "responses", "projects", "project_versions", "users", "audit_log"] {
            counts[table] = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?
                .decode(column: "n", as: Int.self)
        }
        return counts
    }

    static func settings(_ storage: StorageConfiguration) -> WebSettings {
        WebSettings(storage: storage, seedDemoContent: true, bcryptCost: 4, seedImportedCases: false)
    }

    @Test func sqliteBackupRestoredIntoAFreshFileServesTheSamePagesAndData() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-drill-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let live = directory.appendingPathComponent("live.sqlite").path
        let backup = directory.appendingPathComponent("backup/fornye.sqlite").path
        let restored = directory.appendingPathComponent("restored/fornye.sqlite").path
        var before: [String: String] = [:]
        var counted: [String: Int] = [:]
        try await withTestApp(settings: Self.settings(.init(backend: .sqlite(path: live)))) { app in
            before = try await Self.pages(app)
            counted = try await Self.counts(app)
            let report = try await DatabaseBackup.sqlite(from: app.db, to: backup)
            #expect(report.integrity == "ok")
        }
        // Restore: copy the backup to the database path of a fresh instance.
        try FileManager.default.createDirectory(
            atPath: (restored as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: backup, toPath: restored)
        var settings = Self.settings(.init(backend: .sqlite(path: restored)))
        settings.seedDemoContent = false
        try await withTestApp(settings: settings) { app in
            #expect(try await Self.counts(app) == counted)
            let after = try await Self.pages(app)
            for path in Self.paths { #expect(after[path] == before[path], "\(path)") }
        }
    }

    @Test(.requiresPostgres) func postgresDumpRestoredIntoAFreshSchemaServesTheSamePagesAndData() async throws {
        let url = try #require(TestDatabase.postgresURL)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fornye-drill-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let dump = directory.appendingPathComponent("fornye.dump").path
        try await TestDatabase.postgres.withConfiguration { storage in
            let schema = try #require(storage.postgresSearchPath?.first)
            var before: [String: String] = [:]
            var counted: [String: Int] = [:]
            try await withTestApp(settings: Self.settings(storage)) { app in
                before = try await Self.pages(app)
                counted = try await Self.counts(app)
                _ = try await DatabaseBackup.postgres(from: app.db, url: url, to: dump, schemas: [schema])
            }
            // The original moves aside; pg_restore makes the schema anew from the archive.
            let admin = try StorageRuntime(configuration: .init(backend: .postgres(url: url)))
            do {
                let sql = try #require(admin.database as? any SQLDatabase)
                try await sql.raw("ALTER SCHEMA \(ident: schema) RENAME TO \(ident: schema + "_old")").run()
                let restore = Process()
                restore.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                restore.arguments = ["pg_restore", "--no-owner", "--exit-on-error", "--dbname=\(url)", dump]
                try restore.run()
                restore.waitUntilExit()
                #expect(restore.terminationStatus == 0)
                var settings = Self.settings(storage)
                settings.seedDemoContent = false
                try await withTestApp(settings: settings) { app in
                    #expect(try await Self.counts(app) == counted)
                    let after = try await Self.pages(app)
                    for path in Self.paths { #expect(after[path] == before[path], "\(path)") }
                }
                try await sql.raw("DROP SCHEMA \(ident: schema + "_old") CASCADE").run()
            } catch {
                await admin.shutdown()
                throw error
            }
            await admin.shutdown()
        }
    }
}
