import FornyeBarometer
import FornyeStatistics
import Foundation

/// Times Innovasjonstesten's result (issue 16: < 100 ms p95 on a 10,000-response wave): the peer
/// group, every option's peer share with disclosure control, and the factors' percentiles and
/// Woodruff quartiles, for a full "yes" answer set, as `SelfTestController` computes it per
/// request. The national tables are made once per wave (`SelfTestAnalysis.init`, kept by the
/// server per wave version) and timed apart.
///
///     .build/release/fornye-barometer-benchmark selftest [repetitions]
enum SelfTestTiming {
    static let answers: AnswerSet = [
        "innovated_service": .code(1), "innovated_product": .code(2), "innovated_organisation": .code(1),
        "innovated_communication": .code(2), "newest_type": .codes([1, 3]),
        "novelty": .code(2), "inspiration": .code(2), "trigger": .codes([1, 2, 11]), "financing": .codes([1, 4]),
        "results": .codes([1, 2, 3]), "partners": .codes([1, 6, 8]), "spread": .code(1),
        "factor_employee_participation": .code(5), "factor_internal_collaboration": .code(4),
        "factor_financial_resources": .code(2), "factor_operations_focus": .code(3), "factor_politics": .code(3),
        "factor_handling_mistakes": .code(4), "factor_leadership": .code(5), "factor_competence": .code(4),
        "factor_user_participation": .code(3), "factor_external_collaboration": .code(4),
        "factor_technology": .code(2), "factor_regulations": .code(2), "factor_time": .code(1),
    ]

    static func run(name: String, dataset: Dataset, design: SurveyDesign, repetitions: Int) throws {
        let register = try MunicipalityRegister.bundled()
        let instrument = try Instrument.innovasjonsbarometer2018
        var clock = ContinuousClock.now
        let analysis = try SelfTestAnalysis(instrument: instrument, dataset: dataset, design: design)
        let national = BarometerBenchmark.milliseconds(clock.duration(to: .now))
        // Oslo's kindergartens (a "similar" group) and Bodø's nursing homes.
        let day = CalendarDay("2018-06-01")!
        let profiles = [
            SelfTestProfile(sector: 2, unitType: 4, municipality: try register.municipality(number: "0301", on: day)),
            SelfTestProfile(sector: 1, unitType: 1, municipality: try register.municipality(number: "1804", on: day)),
        ]
        let loop = try SelfTestPlainLoop(instrument: instrument, dataset: dataset, weights: design.weights)
        for (index, profile) in profiles.enumerated() {
            _ = try analysis.result(answers, profile: profile, scope: .similar, waveTitle: name, synthetic: true)
            var times: [Double] = []
            var cpu: [Double] = []
            var peers = 0
            for _ in 0..<repetitions {
                clock = .now
                let cpuStart = BarometerBenchmark.threadCPUMilliseconds()
                let result = try analysis.result(
                    answers, profile: profile, scope: .similar, waveTitle: name, synthetic: true)
                cpu.append(BarometerBenchmark.threadCPUMilliseconds() - cpuStart)
                times.append(BarometerBenchmark.milliseconds(clock.duration(to: .now)))
                peers = result.peerCount
            }
            // The baseline on the same peer rows, timed right after the engine.
            let peerRows = try analysis.peerGroup(profile, scope: .similar).rows
            var loopTimes: [Double] = []
            var loopCPU: [Double] = []
            var checksum = 0.0
            for _ in 0..<repetitions {
                clock = .now
                let cpuStart = BarometerBenchmark.threadCPUMilliseconds()
                checksum += loop.run(peers: peerRows)
                loopCPU.append(BarometerBenchmark.threadCPUMilliseconds() - cpuStart)
                loopTimes.append(BarometerBenchmark.milliseconds(clock.duration(to: .now)))
            }
            let f = BarometerBenchmark.format
            print(
                "{\"wave\":\"\(name)\",\"work\":\"selftest\",\"profile\":\(index),\"rows\":\(dataset.rowCount),"
                    + "\"peers\":\(peers),\"national_once_ms\":\(f(national)),"
                    + "\"median_ms\":\(f(percentile(times, 0.5))),\"p95_ms\":\(f(percentile(times, 0.95))),"
                    + "\"max_ms\":\(f(percentile(times, 1))),\"cpu_median_ms\":\(f(percentile(cpu, 0.5))),"
                    + "\"cpu_p95_ms\":\(f(percentile(cpu, 0.95))),"
                    + "\"plain_loop_median_ms\":\(f(percentile(loopTimes, 0.5))),"
                    + "\"plain_loop_p95_ms\":\(f(percentile(loopTimes, 0.95))),"
                    + "\"plain_loop_cpu_median_ms\":\(f(percentile(loopCPU, 0.5))),"
                    + "\"plain_loop_checksum\":\(f(checksum)),\"repetitions\":\(repetitions)}")
        }
    }

    /// The nearest-rank percentile `p` of `values` (1 gives the largest).
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * p).rounded(.up)) - 1))]
    }
}
