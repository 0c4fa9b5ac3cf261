import FluentKit
import FornyeBarometer
import FornyeFormats
import FornyeStatistics
import FornyeStorage
import Foundation

/// The web import's phases for a response file of N rows (default 100,000; the synthetic 2018
/// wave repeated, SYNTETISKE DATA): reading the upload into cells, checking every row through the
/// mapping (what the preview waits for), and storing the rows in one transaction (what confirm
/// does), on a SQLite file and, given a URL, on PostgreSQL. Wall and CPU seconds; one JSON object.
///
/// ```sh
/// swift build -c release --product fornye-import-benchmark
/// .build/release/fornye-import-benchmark 100000 [postgres://...]  # uses schema fornye_bench_collectweb
/// ```
@main
enum ImportBenchmark {
    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let rows = arguments.first.flatMap { Int($0) } ?? 100_000
        let postgres = arguments.dropFirst().first
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fornye-import-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let instrument = try Instrument.innovasjonsbarometer2018
        let wave = try SyntheticBarometer.baseline2018().dataset
        var codebook = instrument.codebook()
        var columns: [String: Column] = [:]
        for variable in codebook.variables {
            columns[variable.name] = repeated(try wave.column(named: variable.name), to: rows)
        }
        codebook.synthetic = true
        let csvURL = folder.appendingPathComponent("responses.csv")
        try DatasetCSVWriter.write(try Dataset(codebook: codebook, columns: columns), to: csvURL)
        let data = try Data(contentsOf: csvURL)

        var results: [String: String] = ["rows": "\(rows)", "csv_bytes": "\(data.count)"]
        let (table, read) = try measure { try SourceReader.read(data, file: "responses.csv", format: .csv) }
        results["upload_read_cells"] = read
        let mapping = ImportMapping(name: "benchmark")
        let (imported, check) = try measure {
            try ResponseImporter.run(table, mapping: mapping, instrument: instrument)
        }
        results["preview_check_all_rows"] = check

        var targets = [
            ("sqlite", StorageConfiguration(backend: .sqlite(path: folder.appendingPathComponent("b.sqlite").path)))
        ]
        if let postgres {
            // Its own schema, so the benchmark's tables never mix with anyone else's.
            var configuration = try StorageConfiguration(databaseURL: postgres)
            configuration.postgresSearchPath = ["fornye_bench_collectweb"]
            targets.append(("postgres", configuration))
        }
        for (name, configuration) in targets {
            let runtime = try StorageRuntime(configuration: configuration)
            do {
                try await runtime.migrate()
                let repository = CollectionRepository(database: runtime.database)
                let slug = "bench-\(UUID().uuidString.prefix(8).lowercased())"
                let record = try await repository.createWave(
                    slug: slug, title: "Benchmark (SYNTETISKE DATA)", instrument: instrument, mode: .anonymous,
                    structureDate: CalendarDay("2026-03-01")!, units: [], synthetic: true)
                let cpu = cpuSeconds()
                let start = ContinuousClock.now
                let stored = try await repository.importResponses(
                    waveID: try record.requireID(), dataset: imported.dataset)
                results["confirm_store_\(name)"] = format(start.duration(to: .now), cpuSeconds() - cpu)
                results["stored_\(name)"] = "\(stored)"
                try await ResponseRecord.query(on: runtime.database).filter(\.$wave.$id == record.requireID()).delete()
                try await record.delete(on: runtime.database)
            } catch {
                await runtime.shutdown()
                throw error
            }
            await runtime.shutdown()
        }
        print(
            "{" + results.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
                + ", \"note\": \"SYNTETISKE DATA; times are {wall_s, cpu_s}\"}")
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func format(_ wall: Duration, _ cpu: Double) -> String {
        let seconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
        return String(format: "{\"wall_s\": %.3f, \"cpu_s\": %.3f}", seconds, cpu)
    }

    static func measure<T>(_ body: () throws -> T) throws -> (T, String) {
        let cpu = cpuSeconds()
        let start = ContinuousClock.now
        let value = try body()
        return (value, format(start.duration(to: .now), cpuSeconds() - cpu))
    }

    static func repeated(_ column: Column, to rows: Int) -> Column {
        func cycle<T>(_ values: [T]) -> [T] { (0..<rows).map { values[$0 % values.count] } }
        return switch column {
        case .codes(let codes): .codes(cycle(codes))
        case .numbers(let numbers): .numbers(cycle(numbers))
        case .texts(let texts): .texts(cycle(texts))
        }
    }
}
