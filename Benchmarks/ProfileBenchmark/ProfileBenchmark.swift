import FornyeBarometer
import FornyeReport
import FornyeStatistics
import Foundation

/// Times the municipality profile (`/kommuner/:nummer`, issue 17: < 50 ms p95 from cache,
/// < 300 ms cold) in its two parts, on the synthetic demo waves the server starts with:
///
/// - `cold`: what the server computes once per wave and data version before any profile can be
///   shown (`MunicipalityStore.compute`): every municipality's, county's and the country's
///   estimates for the seven indicators with disclosure control and the Fay–Herriot fits
///   (`MunicipalityWaveEstimates.build`), both demo waves, for the present build and the baseline
///   (`baseline: true`, as before session 12) side by side. Calibrating the waves is printed
///   apart (`calibrate`): the server's barometer store has done it before. The server computes
///   the estimates in the background at start (`MunicipalityStore.warm`).
/// - `profile`: what each request computes from those numbers (`MunicipalityProfile.build`: the
///   series, changes, peer group and rank intervals) for Oslo, Øksnes (small, rural, few
///   respondents) and Drammen (merged in 2020), each peer choice.
///
/// The page around it (the database reads of the project bank section and the HTML) is timed on
/// the running server with curl; see docs/PERFORMANCE.md. Prints JSON lines: wall times and, beside
/// them, CPU times (`cpu`: every thread of the process; per profile: this thread's), because on the
/// shared development machine the wall time mostly counts waiting for a core.
///
///     swift build -c release --product fornye-profile-benchmark
///     .build/release/fornye-profile-benchmark [repetitions]
@main
enum ProfileBenchmark {
    static func main() throws {
        let repetitions = CommandLine.arguments.dropFirst().compactMap { Int($0) }.first ?? 200
        var clock = ContinuousClock.now
        let register = try MunicipalityRegister.bundled()
        let synthetic = [try SyntheticBarometer.baseline2018(), try SyntheticBarometer.followUp2020()]
        print(#"{"work":"startup","register_and_synthetic_waves_ms":\#(format(ms(clock.duration(to: .now))))}"#)
        var prepared: [(index: Int, wave: Wave)] = []
        for (index, generated) in synthetic.enumerated() {
            clock = .now
            let cpuStart = processCPUMilliseconds()
            let weighting = try CalibratedDesign(
                raking: generated.design, data: generated.dataset, to: generated.population.margins)
            prepared.append(
                (
                    index,
                    Wave(
                        title: "Benchmark \(index) (SYNTETISKE DATA)", dataset: generated.dataset,
                        weighting: weighting, shortTitle: "\(index)", structureDate: generated.structureDate.description
                    )
                ))
            // The server's barometer store keeps the calibrated wave; it is not part of the estimates.
            print(
                #"{"work":"calibrate","wave":\#(index),"rows":\#(generated.dataset.rowCount),"#
                    + #""ms":\#(format(ms(clock.duration(to: .now)))),"cpu_ms":\#(format(processCPUMilliseconds() - cpuStart))}"#
            )
        }
        // Cold, side by side: the baseline (before session 12: indicators one after the other, the
        // audit's linear programme alone) and the present build, alternating, three rounds each.
        var waves: [MunicipalityWaveEstimates] = []
        for round in 0..<3 {
            for baseline in [true, false] {
                let start = ContinuousClock.now
                let cpuStart = processCPUMilliseconds()
                var built: [MunicipalityWaveEstimates] = []
                for (index, wave) in prepared {
                    built.append(
                        try MunicipalityWaveEstimates.build(
                            slug: "wave-\(index)", wave: wave, register: register, suppressed: true,
                            baseline: baseline))
                }
                print(
                    #"{"work":"cold","variant":"\#(baseline ? "baseline" : "present")","round":\#(round),"#
                        + #""both_waves_ms":\#(format(ms(start.duration(to: .now)))),"#
                        + #""both_waves_cpu_ms":\#(format(processCPUMilliseconds() - cpuStart))}"#)
                if !baseline { waves = built }
            }
        }
        let groups: [(String, FornyeReport.PeerGroup)] = [
            ("county", FornyeReport.PeerGroup.parse(group: "fylke", features: [])!),
            (
                "nearest",
                FornyeReport.PeerGroup.parse(group: "naermeste", features: ["folketall", "sentralitet", "innovasjon"])!
            ),
        ]
        for number in ["0301", "1868", "3301"] {
            for (name, group) in groups {
                var times: [Double] = []
                var cpuTimes: [Double] = []
                var series = 0
                for _ in 0..<repetitions {
                    clock = .now
                    let cpuStart = threadCPUMilliseconds()
                    let profile = try MunicipalityProfile.build(
                        number: number, waves: waves, register: register, group: group)
                    cpuTimes.append(threadCPUMilliseconds() - cpuStart)
                    times.append(ms(clock.duration(to: .now)))
                    series = profile.series.count
                }
                times.sort()
                cpuTimes.sort()
                print(
                    #"{"work":"profile","municipality":"\#(number)","group":"\#(name)","series":\#(series),"#
                        + #""p50_ms":\#(format(percentile(times, 0.5))),"p95_ms":\#(format(percentile(times, 0.95))),"#
                        + #""cpu_p50_ms":\#(format(percentile(cpuTimes, 0.5))),"#
                        + #""cpu_p95_ms":\#(format(percentile(cpuTimes, 0.95)))}"#
                )
            }
        }
    }

    static func ms(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    /// CPU time of this thread.
    static func threadCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }

    /// CPU time of every thread of the process (the estimates may use more than one).
    static func processCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
