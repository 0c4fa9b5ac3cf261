import ArgumentParser
import FornyeStorage
import Foundation

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a file while the server keeps running.",
        discussion: """
            SQLite: VACUUM INTO a new file (a consistent snapshot even while the server writes), then \
            PRAGMA integrity_check on the copy and row counts per table. PostgreSQL: pg_dump --format=custom \
            when pg_dump is on PATH (restore with pg_restore), otherwise the exact command is printed. \
            An existing file is never replaced without --force. See docs/OPERATIONS.md.
            """)

    @OptionGroup var storage: StorageOptions

    @Option(help: ArgumentHelp("The backup file to write.", valueName: "file"))
    var out: String

    @Flag(help: "Replace the file if it exists.")
    var force = false

    func run() async throws {
        let configuration = try storage.configuration()
        let runtime = try StorageRuntime(configuration: configuration)
        let report: BackupReport
        do {
            switch configuration.backend {
            case .sqlite(let path):
                guard path == ":memory:" || FileManager.default.fileExists(atPath: path) else {
                    throw ValidationError("\(path) does not exist; nothing to back up")
                }
                report = try await DatabaseBackup.sqlite(from: runtime.database, to: out, force: force)
            case .postgres(let url):
                report = try await DatabaseBackup.postgres(
                    from: runtime.database, url: url, to: out, schemas: configuration.postgresSearchPath ?? [],
                    force: force)
            }
        } catch {
            // A BackupError says what went wrong and what to do; it is printed as is (exit 1).
            await runtime.shutdown()
            throw error
        }
        await runtime.shutdown()
        print("\(configuration.displayName) → \(report.destination)")
        print("integrity: \(report.integrity)")
        let width = max(5, report.tables.map(\.table.count).max() ?? 0)
        for table in report.tables {
            let name = table.table.padding(toLength: width, withPad: " ", startingAt: 0)
            let copy = table.copy.map { "copy \($0)" } ?? "copy (in archive)"
            let note = table.copy.map { $0 == table.source ? "" : "  (rows changed since the snapshot)" } ?? ""
            print("  \(name)  source \(table.source)  \(copy)\(note)")
        }
    }
}
