import Synchronization

/// The domains formed by zero, one or two coded breakdown variables, and each row's domain.
///
/// Domains are ordered by breakdown code, ascending, the first breakdown varying slowest, and
/// only combinations that occur in the data are kept. A row whose breakdown value is missing
/// (empty or a missing code) is in no domain, as in R's `svyby`.
struct DomainIndex: Sendable {
    let breakdowns: [String]
    let domains: [[DomainValue]]
    /// Domain of each row, or -1.
    let domainOfRow: [Int32]

    init(dataset: Dataset, breakdowns: [String]) throws(StatisticsError) {
        guard breakdowns.count <= 2 else {
            throw .invalidArgument("at most two breakdown variables, got \(breakdowns.count)")
        }
        if Set(breakdowns).count < breakdowns.count {
            throw .invalidArgument("breakdown variable named twice: \(breakdowns.joined(separator: ", "))")
        }
        self.breakdowns = breakdowns
        guard !breakdowns.isEmpty else {
            domains = [[]]
            domainOfRow = [Int32](repeating: 0, count: dataset.rowCount)
            return
        }
        var levelsPerBreakdown: [[ValueLabel]] = []
        var levelOfRowPerBreakdown: [[Int32]] = []
        for name in breakdowns {
            let variable = try dataset.variable(named: name)
            guard variable.kind == .singleChoice || variable.kind == .ordinal else {
                throw .wrongKind(
                    variable: name, expected: "a single-choice or ordinal breakdown", actual: variable.kind)
            }
            let levels = variable.valueLabels.sorted { $0.code < $1.code }
            let lookup = CodeLookup(codes: levels.map(\.code))
            let codes = try dataset.codes(of: name)
            levelsPerBreakdown.append(levels)
            levelOfRowPerBreakdown.append(codes.map { lookup.index(of: $0) })
        }
        // Combined level index, then keep only combinations that occur.
        let sizes = levelsPerBreakdown.map(\.count)
        let combinationCount = sizes.reduce(1, *)
        var combined = [Int32](repeating: -1, count: dataset.rowCount)
        var occurs = [Bool](repeating: false, count: combinationCount)
        for row in 0..<dataset.rowCount {
            var index = 0
            var valid = true
            for (position, levels) in levelOfRowPerBreakdown.enumerated() {
                let level = levels[row]
                if level < 0 {
                    valid = false
                    break
                }
                index = index * sizes[position] + Int(level)
            }
            if valid {
                combined[row] = Int32(index)
                occurs[index] = true
            }
        }
        var renumber = [Int32](repeating: -1, count: combinationCount)
        var domains: [[DomainValue]] = []
        for combination in 0..<combinationCount where occurs[combination] {
            renumber[combination] = Int32(domains.count)
            var remainder = combination
            var values: [DomainValue] = []
            for position in stride(from: breakdowns.count - 1, through: 0, by: -1) {
                let level = levelsPerBreakdown[position][remainder % sizes[position]]
                remainder /= sizes[position]
                values.insert(DomainValue(variable: breakdowns[position], code: level.code, label: level.label), at: 0)
            }
            domains.append(values)
        }
        self.domains = domains
        domainOfRow = combined.map { $0 < 0 ? -1 : renumber[Int($0)] }
    }
}

/// Maps integer codes to positions in a list, with a dense table when the codes are small.
struct CodeLookup: Sendable {
    private let offset: Int
    private let dense: [Int32]
    private let sparse: [Int: Int32]

    init(codes: [Int]) {
        let low = codes.min() ?? 0
        let high = codes.max() ?? 0
        if high - low < 65_536 {
            var table = [Int32](repeating: -1, count: high - low + 1)
            for (position, code) in codes.enumerated() { table[code - low] = Int32(position) }
            offset = low
            dense = table
            sparse = [:]
        } else {
            offset = 0
            dense = []
            sparse = Dictionary(codes.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The dense table (position of code `offset + i` at `i`, or -1), when the codes are small.
    var denseTable: (offset: Int, positions: [Int32])? { dense.isEmpty ? nil : (offset, dense) }

    /// Position of the code, or -1 when it is not in the list (system missing included).
    func index(of code: Int32) -> Int32 {
        if code == Column.systemMissing { return -1 }
        if dense.isEmpty { return sparse[Int(code)] ?? -1 }
        let position = Int(code) - offset
        return position >= 0 && position < dense.count ? dense[position] : -1
    }
}

/// Domain indexes already worked out for a dataset, shared by the copies of an `Estimator`.
final class DomainIndexCache: Sendable {
    private let dataset: Dataset
    private let indexes = Mutex<[[String]: DomainIndex]>([:])

    init(dataset: Dataset) { self.dataset = dataset }

    func index(for breakdowns: [String]) throws(StatisticsError) -> DomainIndex {
        if let index = indexes.withLock({ $0[breakdowns] }) { return index }
        let index = try DomainIndex(dataset: dataset, breakdowns: breakdowns)
        indexes.withLock { $0[breakdowns] = index }
        return index
    }
}
