import FornyeBarometer
import FornyeFormats
import FornyeStatistics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Benchmark for issue 5 "Performance": importing a response file of 100,000 rows (CSV and SPSS)
/// through a mapping into a validated dataset. The rows are the synthetic 2018 wave repeated
/// (SYNTETISKE DATA). Writes the files to a folder so that baselines (PSPP, ReadStat) can read the
/// same files, and prints one JSON object.
///
///     swift run -c release fornye-formats-benchmark [rows] [folder]
@main
enum FormatsBenchmark {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let rows = arguments.first.flatMap { Int($0) } ?? 100_000
        let folder = URL(
            fileURLWithPath: arguments.dropFirst().first ?? FileManager.default.temporaryDirectory.path
                + "/fornye-bench")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let instrument = try Instrument.innovasjonsbarometer2018
        let wave = try SyntheticBarometer.baseline2018().dataset
        // Only the instrument's variables: the derived ones (county, weight, ...) are not answers.
        let codebook = instrument.codebook()
        var columns: [String: Column] = [:]
        for variable in codebook.variables {
            columns[variable.name] = repeated(try wave.column(named: variable.name), to: rows)
        }
        var synthetic = codebook
        synthetic.synthetic = true
        synthetic.title = SyntheticBarometer.title
        let dataset = try Dataset(codebook: synthetic, columns: columns)
        let csv = folder.appendingPathComponent("responses.csv")
        let sav = folder.appendingPathComponent("responses.sav")
        var clock = ContinuousClock.now
        try DatasetCSVWriter.write(dataset, to: csv)
        let writeCSV = clock.duration(to: .now)
        clock = .now
        try SAVDatasetMapping.write(dataset, to: sav)
        let writeSAV = clock.duration(to: .now)
        let mapping = ImportMapping(name: "benchmark", automatic: true)

        // CPU time beside wall time: on a shared machine the wall time mostly measures the others.
        clock = .now
        var cpu = cpuSeconds()
        let csvTable = try SourceReader.read(csv, format: .csv)
        let csvImport = try ResponseImporter.run(csvTable, mapping: mapping, instrument: instrument)
        let importCSV = clock.duration(to: .now)
        let importCSVCPU = cpuSeconds() - cpu

        clock = .now
        cpu = cpuSeconds()
        let savTable = try SourceReader.read(sav, format: .sav)
        let savImport = try ResponseImporter.run(savTable, mapping: mapping, instrument: instrument)
        let importSAV = clock.duration(to: .now)
        let importSAVCPU = cpuSeconds() - cpu

        clock = .now
        let direct = try SAVDatasetMapping.read(contentsOf: sav)
        let readSAV = clock.duration(to: .now)

        // Phases of the mapped CSV import: reading cells, and the instrument's routing + validation.
        clock = .now
        _ = try SourceReader.read(csv, format: .csv)
        let readCSVTable = clock.duration(to: .now)
        clock = .now
        cpu = cpuSeconds()
        _ = try instrument.dataset(responses: csvImport.answers)
        let routing = clock.duration(to: .now)
        let routingCPU = cpuSeconds() - cpu
        // For comparison: only the first step of the evaluation this replaced, the tree-walking
        // `completing` of every response (a lower bound of the old routing phase).
        cpu = cpuSeconds()
        let completed = csvImport.answers.map(instrument.completing)
        let referenceCPU = cpuSeconds() - cpu

        func seconds(_ duration: Duration) -> String {
            String(format: "%.3f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        }
        let size = { (url: URL) in (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0 }
        print(
            """
            {"rows": \(rows), "variables": \(codebook.variables.count), "csv_bytes": \(size(csv)), "sav_bytes": \(size(sav)),
             "write_csv_s": \(seconds(writeCSV)), "write_sav_s": \(seconds(writeSAV)),
             "import_csv_mapped_s": \(seconds(importCSV)), "import_sav_mapped_s": \(seconds(importSAV)),
             "read_sav_to_dataset_s": \(seconds(readSAV)), "phase_read_csv_cells_s": \(seconds(readCSVTable)),
             "phase_instrument_routing_and_dataset_s": \(seconds(routing)),
             "cpu_import_csv_mapped_s": \(String(format: "%.3f", importCSVCPU)),
             "cpu_import_sav_mapped_s": \(String(format: "%.3f", importSAVCPU)),
             "cpu_phase_instrument_routing_and_dataset_s": \(String(format: "%.3f", routingCPU)),
             "cpu_reference_tree_walking_completing_only_s": \(String(format: "%.3f", referenceCPU)),
             "imported_rows": [\(csvImport.answers.count), \(savImport.answers.count), \(direct.rowCount), \(completed.count)],
             "files": "\(folder.path)", "note": "SYNTETISKE DATA (the synthetic 2018 wave repeated)"}
            """)
    }

    /// CPU seconds this process has used (all threads).
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
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
