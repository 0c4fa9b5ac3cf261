public import FluentKit
import FluentSQL
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a backup wrote and how it was checked.
public struct BackupReport: Sendable, Equatable {
    public struct TableCount: Sendable, Equatable {
        public var table: String
        /// Rows in the live database, counted right after the copy was taken.
        public var source: Int
        /// Rows in the copy; nil when the copy cannot be counted without restoring it (pg_dump).
        public var copy: Int?
    }

    public var destination: String
    /// `ok` from SQLite's `PRAGMA integrity_check`, or what pg_restore said of the archive.
    public var integrity: String
    public var tables: [TableCount]
}

public enum BackupError: Error, Equatable, CustomStringConvertible {
    case destinationExists(String)
    case integrityFailed(path: String, result: String)
    case pgDumpNotFound(command: String)
    case pgDumpFailed(status: Int32, output: String)
    case notSQLDatabase

    public var description: String {
        switch self {
        case .destinationExists(let path):
            return "\(path) exists already; choose another file or pass --force to replace it"
        case .integrityFailed(let path, let result):
            return "the copy \(path) failed PRAGMA integrity_check: \(result); it was not kept"
        case .pgDumpNotFound(let command):
            return "pg_dump is not on PATH. Install the PostgreSQL client tools, or run:\n  \(command)"
        case .pgDumpFailed(let status, let output):
            return "pg_dump exited with status \(status): \(output)"
        case .notSQLDatabase:
            return "the database driver does not speak SQL; backups need SQLite or PostgreSQL"
        }
    }
}

/// Online backups. SQLite: `VACUUM INTO` a new file, which SQLite makes from one read
/// transaction, so the copy is consistent while the server keeps writing; then the copy is
/// opened and checked with `PRAGMA integrity_check` before it replaces anything.
/// PostgreSQL: `pg_dump --format=custom`, the tool PostgreSQL documents for this.
public enum DatabaseBackup {
    /// Copies the SQLite database behind `database` to `destination`. The copy is written beside
    /// the destination under a temporary name and moved into place only after it checked out, so
    /// a failed backup never leaves a half-written file or clobbers an older backup.
    public static func sqlite(
        from database: any Database, to destination: String, force: Bool = false
    ) async throws -> BackupReport {
        let fileManager = FileManager.default
        if !force && fileManager.fileExists(atPath: destination) { throw BackupError.destinationExists(destination) }
        let target = URL(fileURLWithPath: destination)
        try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let partial = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).partial-\(UUID().uuidString)").path
        defer { try? fileManager.removeItem(atPath: partial) }

        let source = try sql(database)
        try await source.raw("VACUUM INTO \(bind: partial)").run()
        let sourceCounts = try await rowCounts(source, tables: sqliteTables(source))

        let copyRuntime = try StorageRuntime(configuration: .init(backend: .sqlite(path: partial)))
        let integrity: String
        let copyCounts: [String: Int]
        do {
            let copy = try sql(copyRuntime.database)
            integrity = try await copy.raw("PRAGMA integrity_check").all()
                .map { try $0.decode(column: "integrity_check", as: String.self) }
                .joined(separator: "; ")
            copyCounts = try await rowCounts(copy, tables: sqliteTables(copy))
        } catch {
            await copyRuntime.shutdown()
            throw error
        }
        await copyRuntime.shutdown()
        guard integrity == "ok" else { throw BackupError.integrityFailed(path: destination, result: integrity) }

        if force {
            // rename(2) replaces an existing file atomically.
            guard rename(partial, destination) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination])
            }
        } else {
            // Checked again here: another process may have created the file meanwhile.
            if fileManager.fileExists(atPath: destination) { throw BackupError.destinationExists(destination) }
            try fileManager.moveItem(atPath: partial, toPath: destination)
        }
        let names = Set(sourceCounts.keys).union(copyCounts.keys).sorted()
        return BackupReport(
            destination: destination, integrity: integrity,
            tables: names.map { .init(table: $0, source: sourceCounts[$0] ?? 0, copy: copyCounts[$0] ?? 0) })
    }

    /// The pg_dump invocation for `url`, as arguments. `schemas` limits the dump (tests use one
    /// schema each); empty dumps the whole database.
    public static func pgDumpArguments(url: String, destination: String, schemas: [String] = []) -> [String] {
        ["pg_dump", "--format=custom", "--no-owner", "--file=\(destination)"]
            + schemas.map { "--schema=\($0)" } + ["--dbname=\(url)"]
    }

    /// The same command as a line to paste into a shell, with the password left out.
    public static func pgDumpCommandLine(url: String, destination: String) -> String {
        var shown = url
        if var components = URLComponents(string: url), components.password != nil {
            components.password = nil
            shown = components.string ?? url
        }
        return pgDumpArguments(url: shown, destination: destination).map(shellQuoted).joined(separator: " ")
            + "   # the password from PGPASSWORD or ~/.pgpass"
    }

    /// Runs pg_dump (custom format) for the PostgreSQL database behind `database`, then lists
    /// the archive with pg_restore (when present) to check it is readable.
    public static func postgres(
        from database: any Database, url: String, to destination: String, schemas: [String] = [],
        force: Bool = false, path: String? = ProcessInfo.processInfo.environment["PATH"]
    ) async throws -> BackupReport {
        let fileManager = FileManager.default
        if !force && fileManager.fileExists(atPath: destination) { throw BackupError.destinationExists(destination) }
        guard let pgDump = executable(named: "pg_dump", path: path) else {
            throw BackupError.pgDumpNotFound(command: pgDumpCommandLine(url: url, destination: destination))
        }
        let target = URL(fileURLWithPath: destination)
        try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let partial = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).partial-\(UUID().uuidString)").path
        defer { try? fileManager.removeItem(atPath: partial) }

        let dump = try run(pgDump, Array(pgDumpArguments(url: url, destination: partial, schemas: schemas).dropFirst()))
        guard dump.status == 0 else { throw BackupError.pgDumpFailed(status: dump.status, output: dump.output) }
        var integrity = "pg_dump finished"
        if let pgRestore = executable(named: "pg_restore", path: path) {
            let list = try run(pgRestore, ["--list", partial])
            guard list.status == 0 else { throw BackupError.integrityFailed(path: destination, result: list.output) }
            let entries = list.output.split(separator: "\n").filter { $0.contains(" TABLE DATA ") }.count
            integrity = "pg_restore --list read \(entries) table data entries"
        }
        let source = try sql(database)
        let tables = try await source.raw(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        ).all().map { try $0.decode(column: "name", as: String.self) }
        let counts = try await rowCounts(source, tables: tables)
        if force {
            guard rename(partial, destination) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination])
            }
        } else {
            try fileManager.moveItem(atPath: partial, toPath: destination)
        }
        return BackupReport(
            destination: destination, integrity: integrity,
            tables: counts.keys.sorted().map { .init(table: $0, source: counts[$0] ?? 0, copy: nil) })
    }

    static func executable(named name: String, path: String?) -> String? {
        (path ?? "").split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    private static func shellQuoted(_ argument: String) -> String {
        argument.allSatisfy { $0.isLetter || $0.isNumber || "-_=./:@".contains($0) }
            ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private static func sql(_ database: any Database) throws -> any SQLDatabase {
        guard let sql = database as? any SQLDatabase else { throw BackupError.notSQLDatabase }
        return sql
    }

    private static func sqliteTables(_ database: any SQLDatabase) async throws -> [String] {
        try await database.raw(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).all().map { try $0.decode(column: "name", as: String.self) }
    }

    private static func rowCounts(_ database: any SQLDatabase, tables: [String]) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in tables {
            let row = try await database.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()
            counts[table] = try row?.decode(column: "n", as: Int.self) ?? 0
        }
        return counts
    }
}
