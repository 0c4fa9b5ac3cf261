@testable import FornyeStatistics

/// A reader who wants the hidden counts back. It knows every published count and base, the
/// margin tables published beside the table (a margin cell is published when it passes the
/// primary rules itself; a margin over a single domain is that domain, published with the same
/// suppression) and that counts are non-negative integers; optionally also what the primary
/// flags reveal. For each hidden count it searches exhaustively for another integer value that
/// fits every published sum.
///
/// Written apart from `SuppressionGrid` on purpose: it rebuilds the sums from the original
/// table and solves them by branch and bound, not by linear programming.
struct RecoveryAttack {
    private struct Equation {
        var terms: [(variable: Int, coefficient: Int)]
        var constant: Int
    }

    /// A hidden count: cell index (nil for a domain base) and its true value.
    struct Unknown {
        var cell: Int?
        /// "cell i", or "base j" with j the first cell of the domain.
        var name: String
        var value: Int
        /// Must not be recoverable: counted by a primary rule and not zero.
        var sensitive: Bool
    }

    private(set) var unknowns: [Unknown] = []
    private var equations: [Equation] = []
    private var lower: [Int] = []
    private var upper: [Int] = []

    /// - Parameter flags: When given, the attack also uses what the primary flags of this
    ///   table tell: a primary count in a published domain is between 1 and the minimum − 1, a
    ///   domain hidden by the base rule has fewer than `minimumBaseCount` respondents.
    init(original: EstimateTable, published: EstimateTable, rules: DisclosureRules, flags: EstimateTable? = nil) {
        var groups: [[String]: [Int]] = [:]
        var order: [[String]] = []
        for (index, cell) in original.cells.enumerated() {
            let signature = cell.domain.map(\.variable)
            if groups[signature] == nil { order.append(signature) }
            groups[signature, default: []].append(index)
        }
        for signature in order {
            addGroup(
                groups[signature]!, dimensions: signature.count, original: original, published: published, rules: rules)
        }
        lower = Array(repeating: 0, count: unknowns.count)
        let cap = original.cells.reduce(0) { $0 + max($1.cellCount, 0) + max($1.baseCount, 0) }
        upper = Array(repeating: cap, count: unknowns.count)
        if let flags { applyFlagBounds(original: original, published: flags, rules: rules) }
        let consistent = propagate(&lower, &upper)
        precondition(consistent, "the true counts must satisfy the published sums")
    }

    /// Bounds a reader infers from the flags. A hidden domain whose cells are all primary was
    /// hidden by the base rule (or is a complement made only of small cells).
    private mutating func applyFlagBounds(original: EstimateTable, published: EstimateTable, rules: DisclosureRules) {
        let small = rules.minimumCellCount - 1
        func domainCells(_ cell: Int) -> [Int] {
            let key = original.cells[cell].domain
            return original.cells.indices.filter { original.cells[$0].domain == key }
        }
        func allPrimary(_ cell: Int) -> Bool {
            domainCells(cell).allSatisfy { published.cells[$0].flags.contains(.suppressedPrimary) }
        }
        for (variable, unknown) in unknowns.enumerated() {
            let firstCell = unknown.cell ?? Int(unknown.name.split(separator: " ")[1])!
            let cells = domainCells(firstCell).count
            let baseRuleTop = max(rules.minimumBaseCount - 1, cells * small)
            guard let cell = unknown.cell else {
                // Small complements make multiple-response cells no bound on the base.
                if allPrimary(firstCell) && original.kind != .shareOfRespondents {
                    (lower[variable], upper[variable]) = (1, baseRuleTop)
                }
                continue
            }
            let shown = published.cells[cell]
            guard shown.flags.contains(.suppressedPrimary) else { continue }
            let base = original.cells[cell].baseCount
            if shown.baseCount == -1 && allPrimary(cell) {
                let isBase = original.kind == .mean || original.kind == .total
                // Multiple response: a hidden domain of small complements bounds nothing.
                if original.kind != .shareOfRespondents {
                    (lower[variable], upper[variable]) = (isBase ? 1 : 0, max(baseRuleTop, small))
                }
            } else {
                upper[variable] = original.kind == .shareOfRespondents ? base - 1 : small
                lower[variable] = 1
            }
        }
    }

    /// A term of a sum: a known count or an unknown.
    private enum Term {
        case known(Int)
        case unknown(Int)
    }

    private mutating func addGroup(
        _ cellIndices: [Int], dimensions: Int, original: EstimateTable, published: EstimateTable,
        rules: DisclosureRules
    ) {
        let kind = original.kind
        var domainKeys: [[Int]] = []
        var cellsOfDomain: [[Int]: [Int]] = [:]
        for index in cellIndices {
            let key = original.cells[index].domain.map(\.code)
            if cellsOfDomain[key] == nil { domainKeys.append(key) }
            cellsOfDomain[key, default: []].append(index)
        }
        var cellTerm: [Int: Term] = [:]
        for index in cellIndices {
            let cell = original.cells[index]
            if published.cells[index].cellCount == -1 {
                let isPrimary = published.cells[index].flags.contains(.suppressedPrimary)
                unknowns.append(
                    Unknown(
                        cell: index, name: "cell \(index)", value: cell.cellCount,
                        sensitive: isPrimary && cell.cellCount > 0))
                cellTerm[index] = .unknown(unknowns.count - 1)
            } else {
                cellTerm[index] = .known(cell.cellCount)
            }
        }
        var baseTerm: [[Int]: Term] = [:]
        var trueBase: [[Int]: Int] = [:]
        for key in domainKeys {
            let first = cellsOfDomain[key]![0]
            trueBase[key] = original.cells[first].baseCount
            if kind == .mean || kind == .total {
                baseTerm[key] = cellTerm[first]
            } else if published.cells[first].baseCount == -1 {
                let base = original.cells[first].baseCount
                unknowns.append(
                    Unknown(
                        cell: nil, name: "base \(first)", value: base,
                        sensitive: 0 < base && base < rules.minimumBaseCount))
                baseTerm[key] = .unknown(unknowns.count - 1)
            } else {
                baseTerm[key] = .known(original.cells[first].baseCount)
            }
        }
        if kind == .share {
            for key in domainKeys {
                addEquation(cellsOfDomain[key]!.map { (cellTerm[$0]!, 1) } + [(baseTerm[key]!, -1)], total: 0)
            }
        }
        for dimension in 0..<dimensions {
            var margins: [[Int]: [[Int]]] = [:]
            for key in domainKeys {
                var rest = key
                rest.remove(at: dimension)
                margins[rest, default: []].append(key)
            }
            for keys in margins.values where keys.count > 1 {
                let marginBase = keys.reduce(0) { $0 + trueBase[$1]! }
                guard marginBase == 0 || marginBase >= rules.minimumBaseCount else { continue }
                if kind == .mean || kind == .total {
                    if marginBase == 0 || marginBase >= rules.minimumCellCount {
                        addEquation(keys.map { (baseTerm[$0]!, 1) }, total: marginBase)
                    }
                    continue
                }
                addEquation(keys.map { (baseTerm[$0]!, 1) }, total: marginBase)
                var byCategory: [Category: [Int]] = [:]
                for key in keys {
                    for index in cellsOfDomain[key]! {
                        byCategory[original.cells[index].category!, default: []].append(index)
                    }
                }
                for members in byCategory.values {
                    let total = members.reduce(0) { $0 + original.cells[$1].cellCount }
                    let smallCount = 0 < total && total < rules.minimumCellCount
                    let complement = marginBase - total
                    let smallComplement =
                        kind == .shareOfRespondents && 0 < complement && complement < rules.minimumCellCount
                    if !smallCount && !smallComplement {
                        addEquation(members.map { (cellTerm[$0]!, 1) }, total: total)
                    }
                }
            }
        }
    }

    private mutating func addEquation(_ terms: [(Term, Int)], total: Int) {
        var equation = Equation(terms: [], constant: total)
        for (term, coefficient) in terms {
            switch term {
            case .known(let value): equation.constant -= coefficient * value
            case .unknown(let variable): equation.terms.append((variable, coefficient))
            }
        }
        if !equation.terms.isEmpty { equations.append(equation) }
    }

    /// The table with every count hidden: what the margins alone tell.
    static func withholdingEverything(_ table: EstimateTable) -> EstimateTable {
        var blind = table
        for index in blind.cells.indices { blind.cells[index].withhold(as: .suppressedSecondary, wholeDomain: true) }
        return blind
    }

    /// True when no other value of the unknown fits the published sums; nil when the search
    /// gave up after `budget` nodes (never seen in the suites' tables, but it bounds a run).
    func isRecovered(_ unknown: Int, budget: Int = 2_000_000) -> Bool? {
        let truth = unknowns[unknown].value
        let distance = max(truth - lower[unknown], upper[unknown] - truth)
        guard distance > 0 else { return true }
        var nodes = 0
        for step in 1...distance {
            for value in [truth - step, truth + step] where lower[unknown] <= value && value <= upper[unknown] {
                var low = lower
                var high = upper
                low[unknown] = value
                high[unknown] = value
                switch isFeasible(low, high, nodes: &nodes, budget: budget) {
                case true?: return false
                case false?: continue
                case nil: return nil
                }
            }
        }
        return true
    }

    private func isFeasible(_ lowIn: [Int], _ highIn: [Int], nodes: inout Int, budget: Int) -> Bool? {
        nodes += 1
        guard nodes <= budget else { return nil }
        var low = lowIn
        var high = highIn
        guard propagate(&low, &high) else { return false }
        let open = low.indices.filter { low[$0] < high[$0] }
        guard let branch = open.min(by: { high[$0] - low[$0] < high[$1] - low[$1] }) else { return true }
        for value in low[branch]...high[branch] {
            var branchLow = low
            var branchHigh = high
            branchLow[branch] = value
            branchHigh[branch] = value
            switch isFeasible(branchLow, branchHigh, nodes: &nodes, budget: budget) {
            case true?: return true
            case false?: continue
            case nil: return nil
            }
        }
        return false
    }

    /// Interval propagation over the equations; false when they cannot hold.
    private func propagate(_ low: inout [Int], _ high: inout [Int]) -> Bool {
        var changed = true
        while changed {
            changed = false
            for equation in equations {
                var minimum = 0
                var maximum = 0
                for (variable, coefficient) in equation.terms {
                    minimum += coefficient > 0 ? coefficient * low[variable] : coefficient * high[variable]
                    maximum += coefficient > 0 ? coefficient * high[variable] : coefficient * low[variable]
                }
                guard minimum <= equation.constant && equation.constant <= maximum else { return false }
                for (variable, coefficient) in equation.terms {
                    let ownMinimum = coefficient > 0 ? coefficient * low[variable] : coefficient * high[variable]
                    let ownMaximum = coefficient > 0 ? coefficient * high[variable] : coefficient * low[variable]
                    // coefficient · x lies in [constant − others' maximum, constant − others' minimum].
                    let from = equation.constant - (maximum - ownMaximum)
                    let to = equation.constant - (minimum - ownMinimum)
                    let (newLow, newHigh) = coefficient > 0 ? (from, to) : (-to, -from)
                    if newLow > low[variable] {
                        low[variable] = newLow
                        changed = true
                    }
                    if newHigh < high[variable] {
                        high[variable] = newHigh
                        changed = true
                    }
                    if low[variable] > high[variable] { return false }
                }
                if changed { break }
            }
        }
        return true
    }
}
