import FornyeBarometer
import FornyeStatistics
import FornyeStorage
import FornyeWeb
import Foundation

/// Times a filtered results page (`/barometer/:wave?…`) recomputed without its cache: the report's
/// figures for the domain from the calibrated wave, rendered as the page. On the synthetic 2018
/// demo wave (1,786 responses) and on a 10,000-response wave resampled from it. Prints JSON lines;
/// the server itself is measured with wrk by the coordinator.
///
///     swift build -c release --product fornye-barometer-benchmark
///     .build/release/fornye-barometer-benchmark [repetitions]
@main
enum BarometerBenchmark {
    static func main() throws {
        let repetitions = CommandLine.arguments.dropFirst().compactMap { Int($0) }.first ?? 20
        let baseline = try SyntheticBarometer.baseline2018()
        let demo = StoredWave(
            slug: "2018-syntetisk", title: "Demo (SYNTETISKE DATA)", shortTitle: "2018",
            structureDate: baseline.structureDate.description, dataset: baseline.dataset,
            weights: baseline.design.weights, margins: baseline.population.margins)
        let large = try resample(demo, rows: 10_000, seed: 11)
        for (name, wave) in [("demo-1786", demo), ("resampled-10000", large)] {
            var clock = ContinuousClock.now
            let bench = try ResultsPageBenchmark(wave)
            let calibration = clock.duration(to: .now)
            let county = try largestCounty(wave.dataset)
            let filterSets: [(String, [String: String])] = [
                ("none", [:]),
                ("county", ["county": String(county)]),
                ("county+sector", ["county": String(county), "sector": "1"]),
            ]
            for (label, filters) in filterSets {
                _ = try bench.render(filters: filters)  // warm-up
                var times: [Double] = []
                var bytes = 0
                for _ in 0..<repetitions {
                    clock = .now
                    bytes = try bench.render(filters: filters)
                    times.append(milliseconds(clock.duration(to: .now)))
                }
                times.sort()
                print(
                    "{\"wave\":\"\(name)\",\"rows\":\(wave.dataset.rowCount),\"filters\":\"\(label)\","
                        + "\"calibration_ms\":\(format(milliseconds(calibration))),\"median_ms\":\(format(times[times.count / 2])),"
                        + "\"p90_ms\":\(format(times[times.count * 9 / 10])),\"min_ms\":\(format(times[0])),"
                        + "\"page_bytes\":\(bytes),\"repetitions\":\(repetitions)}")
            }
        }
    }

    /// Rows drawn with replacement (seeded), weights scaled so they still sum to the population.
    static func resample(_ wave: StoredWave, rows: Int, seed: UInt64) throws -> StoredWave {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % wave.dataset.rowCount
        }
        let picks = (0..<rows).map { _ in next() }
        var columns: [String: Column] = [:]
        for variable in wave.dataset.codebook.variables {
            switch try wave.dataset.column(named: variable.name) {
            case .codes(let codes): columns[variable.name] = .codes(picks.map { codes[$0] })
            case .numbers(let values): columns[variable.name] = .numbers(picks.map { values[$0] })
            case .texts(let texts): columns[variable.name] = .texts(picks.map { texts[$0] })
            }
        }
        let scale = Double(wave.dataset.rowCount) / Double(rows)
        return StoredWave(
            slug: "resampled", title: "Resampled (SYNTETISKE DATA)", shortTitle: "10k",
            structureDate: wave.structureDate, dataset: try Dataset(codebook: wave.dataset.codebook, columns: columns),
            weights: picks.map { wave.weights[$0] * scale }, margins: wave.margins)
    }

    static func largestCounty(_ dataset: Dataset) throws -> Int {
        let codes = try dataset.codes(of: "county").filter { $0 != Column.systemMissing }
        let counts = Dictionary(codes.map { (Int($0), 1) }, uniquingKeysWith: +)
        return counts.max { $0.value == $1.value ? $0.key > $1.key : $0.value < $1.value }!.key
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
