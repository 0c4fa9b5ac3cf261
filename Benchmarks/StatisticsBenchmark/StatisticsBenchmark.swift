import FornyeBarometer
import FornyeStatistics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Benchmark for issue "survey statistics engine": every categorical variable of a synthetic
/// survey by each breakdown, with standard errors and intervals, timed against a plain loop that
/// only forms weighted counts. Prints one JSON object; docs/PERFORMANCE.md records the figures.
///
///     swift run -c release fornye-statistics-benchmark [rows] [variables] [breakdowns] [replicates]
///         [--overall] [--runs=N] [--cells-out=FILE]
///
/// The flags are `BenchmarkOptions`'; `Benchmarks/baselines/side-by-side.sh` runs this beside DuckDB.
/// With a replicate count, the same tables are also made with that many bootstrap replicate weights
/// and both times are reported (issue 15: 80 replicates at 100,000 rows under 10× Taylor), and
/// five percentiles of a score with those replicates are timed (`replicate_quantiles`).
@main
enum StatisticsBenchmark {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
        let options = try BenchmarkOptions(arguments: Array(CommandLine.arguments.dropFirst()))
        let rows = arguments.first ?? 1_000_000
        let variables = arguments.dropFirst().first ?? 60
        let breakdowns = arguments.dropFirst(2).first ?? 5

        var clock = ContinuousClock.now
        let survey = try SyntheticSurvey(
            shape: .init(
                rows: rows, categoricalVariables: variables, categories: 5, breakdowns: breakdowns, strata: 20,
                seed: 1))
        let design = try survey.design()
        let generation = clock.duration(to: .now)
        let rawColumnBytes =
            rows * (variables + breakdowns) * MemoryLayout<Int32>.size
            + rows * (MemoryLayout<Double>.size + MemoryLayout<Int32>.size)

        let estimator = Estimator(dataset: survey.dataset, design: design)
        let breakdownSets = (options.overall ? [[]] : []) + survey.breakdownNames.map { [$0] }
        var cellCount = 0
        var checksum = 0.0
        var estimationTimes: [Double] = []
        for run in 0..<options.runs {
            clock = .now
            cellCount = 0
            checksum = 0.0
            var tables: [EstimateTable] = []
            for variable in survey.variableNames {
                for table in try estimator.sharesTables(of: variable, byEach: breakdownSets) {
                    cellCount += table.cells.count
                    for cell in table.cells where cell.standardError.isFinite { checksum += cell.upper - cell.lower }
                    if run == 0 && options.cellsOut != nil { tables.append(table) }
                }
            }
            estimationTimes.append(clock.duration(to: .now).seconds)
            if let path = options.cellsOut, run == 0 {
                let text = BenchmarkOptions.cellLines(tables).joined(separator: "\n") + "\n"
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            }
        }

        var plain = 0.0
        var plainTimes: [Double] = []
        for _ in 0..<options.runs {
            clock = .now
            plain = try plainWeightedShares(survey: survey, overall: options.overall)
            plainTimes.append(clock.duration(to: .now).seconds)
        }

        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peakBytes = Int(usage.ru_maxrss) * 1024

        let replicateCount = arguments.dropFirst(3).first ?? 0
        let replicateTiming =
            replicateCount > 0
            ? try replicateTimes(survey: survey, design: design, breakdownSets: breakdownSets, count: replicateCount)
            : [:]
        let quantileTiming =
            replicateCount > 0
            ? try replicateQuantileTimes(survey: survey, design: design, count: replicateCount) : [:]

        var report: [String: Any] = [
            "synthetic": true,
            "rows": rows, "variables": variables, "breakdowns": breakdowns, "cells": cellCount,
            "generation_seconds": generation.seconds,
            "overall": options.overall, "runs": options.runs,
            "estimation_seconds": estimationTimes.min()!,
            "estimation_median_seconds": estimationTimes.median,
            "plain_loop_point_estimates_seconds": plainTimes.min()!,
            "plain_loop_median_seconds": plainTimes.median,
            "plain_loop_checksum": plain,
            "interval_width_checksum": checksum,
            "peak_rss_bytes": peakBytes,
            "raw_column_bytes": rawColumnBytes,
            "peak_over_raw": Double(peakBytes) / Double(rawColumnBytes),
        ]
        report.merge(replicateTiming) { first, _ in first }
        report.merge(quantileTiming) { first, _ in first }
        let data = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    /// The least work any tool must do for the point estimates: one weighted count per
    /// (breakdown level, category) and a division. No variance, no intervals. With `overall`,
    /// also the shares of the whole population.
    static func plainWeightedShares(survey: SyntheticSurvey, overall: Bool) throws -> Double {
        let weights = survey.weights
        var checksum = 0.0
        for variable in survey.variableNames {
            let codes = try survey.dataset.codes(of: variable)
            if overall {
                var sums = [Double](repeating: 0, count: 128)
                var total = 0.0
                for row in 0..<weights.count {
                    let code = codes[row]
                    guard code >= 1 && code <= 5 else { continue }
                    sums[Int(code)] += weights[row]
                    total += weights[row]
                }
                if total > 0 { for code in 1...5 { checksum += sums[code] / total } }
            }
            for breakdown in survey.breakdownNames {
                let groups = try survey.dataset.codes(of: breakdown)
                var sums = [Double](repeating: 0, count: 16 * 128)
                var totals = [Double](repeating: 0, count: 16)
                for row in 0..<weights.count {
                    let code = codes[row]
                    guard code >= 1 && code <= 5 else { continue }
                    let group = Int(groups[row])
                    sums[group * 128 + Int(code)] += weights[row]
                    totals[group] += weights[row]
                }
                for group in 0..<16 where totals[group] > 0 {
                    for code in 1...5 { checksum += sums[group * 128 + code] / totals[group] }
                }
            }
        }
        return checksum
    }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
