import FornyeStatistics
import Foundation

/// The benchmark's flags, written `--name` or `--name=value` so that they never read as the
/// positional counts (rows, variables, breakdowns, replicates).
///
/// - `--overall`: each variable's share table for the whole population too, beside the tables by
///   each breakdown (the work of one `GROUPING SETS` query per variable in
///   `Benchmarks/baselines/duckdb-grouping-sets.py`); the plain loop then does the same.
/// - `--runs=N`: time the estimation and the plain loop N times in this process (default 1) and
///   report the best and the median.
/// - `--cells-out=FILE`: write every cell of the first run, one line each with its numbers to 17
///   significant digits, so that two builds can be compared (`Benchmarks/compare-cells.py`).
struct BenchmarkOptions {
    var overall = false
    var runs = 1
    var cellsOut: String?

    init(arguments: [String]) throws {
        for argument in arguments where argument.hasPrefix("--") {
            let parts = argument.dropFirst(2).split(separator: "=", maxSplits: 1).map(String.init)
            switch (parts[0], parts.count > 1 ? parts[1] : nil) {
            case ("overall", nil): overall = true
            case ("runs", let value?):
                guard let count = Int(value), (1...100).contains(count) else {
                    throw BenchmarkOptionError(message: "--runs takes a count from 1 to 100, got \(value)")
                }
                runs = count
            case ("cells-out", let path?) where !path.isEmpty: cellsOut = path
            default: throw BenchmarkOptionError(message: "unknown option \(argument)")
            }
        }
    }

    /// The shares of every variable's tables, one line per cell.
    static func cellLines(_ tables: [EstimateTable]) -> [String] {
        tables.flatMap { table in
            table.cells.map { cell in
                let domain = cell.domain.map { "\($0.variable)=\($0.code)" }.joined(separator: "&")
                let numbers = [
                    cell.estimate, cell.standardError, cell.lower, cell.upper, cell.designEffect ?? .nan,
                    cell.weightedBase,
                ].map { String(format: "%.17g", $0) }
                let key = [table.variable, domain.isEmpty ? "all" : domain, "\(cell.category?.code ?? -1)"]
                let counts = ["\(cell.baseCount)", "\(cell.cellCount)", "\(cell.degreesOfFreedom)"]
                let flags = cell.flags.map(\.rawValue).sorted().joined(separator: "|")
                return (key + counts + numbers + [flags]).joined(separator: "\t")
            }
        }
    }
}

struct BenchmarkOptionError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension Array where Element == Double {
    /// The middle value (the mean of the two middle values for an even count).
    var median: Double {
        let sorted = self.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
