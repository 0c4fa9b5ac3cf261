import FornyeBarometer
import FornyeReport
import FornyeStatistics
import Foundation

/// Times a filtered results page (`/barometer/:wave?…`) recomputed without its cache: every
/// figure of the report for the domain (`BarometerReport.build` with `ReportOptions.domain`, what
/// `BarometerStore.build` runs on a cache miss) from the calibrated wave, then rendered to HTML
/// with its SVG charts and tables (`HTMLRenderer`, standing in for the page's typed views, which
/// render the same charts and tables). On the synthetic 2018 demo wave (1,786 responses) and a
/// 10,000-response wave resampled from it. Prints JSON lines; the server itself (routing, the
/// database read of a wave, the cache) is measured with wrk by the coordinator.
///
///     swift build -c release --product fornye-barometer-benchmark
///     .build/release/fornye-barometer-benchmark [repetitions]
///     FORNYE_BENCH_ONLY=resampled-10000/county/prepared .build/release/fornye-barometer-benchmark 10
///
/// Each page is timed two ways: "prepared" is what the server does per filtered request (the
/// wave's `BarometerReport.prepare` is made once per wave and data version, like its
/// calibration), "scratch" derives and calibrates again for every page. `page_fnv1a` fingerprints
/// the HTML, so builds can be checked to give the same bytes.
@main
enum BarometerBenchmark {
    static func main() throws {
        let repetitions = CommandLine.arguments.dropFirst().compactMap { Int($0) }.first ?? 20
        let selfTest = CommandLine.arguments.dropFirst().contains("selftest")
        // Start-up work the server pays once: the municipal register and the synthetic demo wave.
        var start = ContinuousClock.now
        _ = try MunicipalityRegister.bundled()
        let registerLoad = start.duration(to: .now)
        start = .now
        let baseline = try SyntheticBarometer.baseline2018()
        let generation = start.duration(to: .now)
        print(
            #"{"work":"startup","register_load_ms":\#(format(milliseconds(registerLoad))),"#
                + #""synthetic_2018_ms":\#(format(milliseconds(generation)))}"#)
        let demo = Sample(
            dataset: baseline.dataset, weights: baseline.design.weights, margins: baseline.population.margins)
        let large = try resample(demo, rows: 10_000, seed: 11)
        for (name, sample) in [("demo-1786", demo), ("resampled-10000", large)] {
            var clock = ContinuousClock.now
            // As the server prepares a wave once per data version: rake to the margins.
            let weighting = try CalibratedDesign(
                raking: try SurveyDesign(rowCount: sample.dataset.rowCount, weights: sample.weights),
                data: sample.dataset, to: sample.margins)
            let wave = Wave(title: "Benchmark (SYNTETISKE DATA)", dataset: sample.dataset, weighting: weighting)
            let calibration = clock.duration(to: .now)
            if selfTest {
                try SelfTestTiming.run(
                    name: name, dataset: sample.dataset, design: weighting.design, repetitions: repetitions)
                continue
            }
            // And, also once per wave and data version, what every report of it shares (the
            // derived variables): the server keeps this with the wave.
            clock = .now
            let prepared = try BarometerReport.prepare(wave)
            let preparation = clock.duration(to: .now)
            print(
                #"{"wave":"\#(name)","work":"prepare","prepare_ms":\#(format(milliseconds(preparation))),"#
                    + #""derived_bytes":\#(prepared.derivedByteCount)}"#)
            let county = try largestCounty(sample.dataset)
            let filterSets: [(String, [DomainFilter.Condition])] = [
                ("none", []),
                ("county", [.init(variable: "county", codes: [county])]),
                ("county+sector", [.init(variable: "county", codes: [county]), .init(variable: "sector", codes: [1])]),
            ]
            // For profiling one case: FORNYE_BENCH_ONLY=resampled-10000/county/prepared (any part may be empty).
            let only = (ProcessInfo.processInfo.environment["FORNYE_BENCH_ONLY"] ?? "").split(
                separator: "/", omittingEmptySubsequences: false
            ).map(String.init)
            func wanted(_ part: Int, _ value: String) -> Bool {
                only.count <= part || only[part].isEmpty || only[part] == value
            }
            guard wanted(0, name) else { continue }
            for ((label, conditions), path) in filterSets.flatMap({ set in ["prepared", "scratch"].map { (set, $0) } })
            where wanted(1, label) && wanted(2, path) {
                let domain = try DomainFilter(conditions, in: sample.dataset)
                let options = ReportOptions(domain: domain.isEmpty ? nil : domain)
                // "prepared" is what the server does per filtered request; "scratch" also derives
                // and calibrates (what every page cost before the prepared wave).
                var hash: UInt64 = 0
                func page() throws -> Int {
                    let document =
                        path == "prepared"
                        ? try BarometerReport.build(prepared, options: options)
                        : try BarometerReport.build(wave, options: options)
                    let html = HTMLRenderer.render(document)
                    hash = fnv1a(html)
                    return html.utf8.count
                }
                _ = try page()  // warm-up
                var times: [Double] = []
                var cpu: [Double] = []
                var processCPU: [Double] = []
                var bytes = 0
                for _ in 0..<repetitions {
                    clock = .now
                    let cpuStart = threadCPUMilliseconds()
                    let processStart = processCPUMilliseconds()
                    bytes = try page()
                    cpu.append(threadCPUMilliseconds() - cpuStart)
                    processCPU.append(processCPUMilliseconds() - processStart)
                    times.append(milliseconds(clock.duration(to: .now)))
                }
                times.sort()
                cpu.sort()
                processCPU.sort()
                print(
                    "{\"wave\":\"\(name)\",\"rows\":\(sample.dataset.rowCount),\"filters\":\"\(label)\","
                        + "\"path\":\"\(path)\","
                        + "\"calibration_ms\":\(format(milliseconds(calibration))),\"median_ms\":\(format(times[times.count / 2])),"
                        + "\"p90_ms\":\(format(times[times.count * 9 / 10])),\"min_ms\":\(format(times[0])),"
                        + "\"cpu_median_ms\":\(format(cpu[cpu.count / 2])),"
                        + "\"process_cpu_median_ms\":\(format(processCPU[processCPU.count / 2])),"
                        + "\"page_bytes\":\(bytes),\"page_fnv1a\":\"\(String(hash, radix: 16))\",\"repetitions\":\(repetitions)}"
                )
            }
        }
    }

    struct Sample {
        var dataset: Dataset
        var weights: [Double]
        var margins: [PopulationMargin]
    }

    /// Rows drawn with replacement (seeded), weights scaled so they still sum to the population.
    static func resample(_ sample: Sample, rows: Int, seed: UInt64) throws -> Sample {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % sample.dataset.rowCount
        }
        let picks = (0..<rows).map { _ in next() }
        var columns: [String: Column] = [:]
        for variable in sample.dataset.codebook.variables {
            switch try sample.dataset.column(named: variable.name) {
            case .codes(let codes): columns[variable.name] = .codes(picks.map { codes[$0] })
            case .numbers(let values): columns[variable.name] = .numbers(picks.map { values[$0] })
            case .texts(let texts): columns[variable.name] = .texts(picks.map { texts[$0] })
            }
        }
        let scale = Double(sample.dataset.rowCount) / Double(rows)
        return Sample(
            dataset: try Dataset(codebook: sample.dataset.codebook, columns: columns),
            weights: picks.map { sample.weights[$0] * scale }, margins: sample.margins)
    }

    static func largestCounty(_ dataset: Dataset) throws -> Int {
        let codes = try dataset.codes(of: "county").filter { $0 != Column.systemMissing }
        let counts = Dictionary(codes.map { (Int($0), 1) }, uniquingKeysWith: +)
        return counts.max { $0.value == $1.value ? $0.key > $1.key : $0.value < $1.value }!.key
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    /// CPU time of this thread: on a shared machine the wall time also counts waiting for a core.
    static func threadCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }

    /// CPU time of every thread of the process: the page computes its figures on all cores, and
    /// `cpu_median_ms` (this thread) then misses the work done on the others.
    static func processCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }

    /// A fingerprint of the page, so that runs of different builds can be checked to give the same bytes.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
