extension SuppressionGrid {
    /// The most hidden items, besides the one asked about, a witness may change.
    static let witnessDepth = 3

    /// A quick proof that `item` is not pinned: a whole step of its hidden count, balanced by
    /// whole steps of at most `witnessDepth` other hidden counts, that keeps every published sum
    /// and every flag's bounds. Such a move is a solution of the linear programme `isPinned`
    /// solves, so where one is found the programme would answer the same, and where none is
    /// found the programme decides. In a table of shares the usual witnesses are a rectangle
    /// (this cell up, another category of its domain down, the same two categories of another
    /// hidden domain the other way) or a hidden base moving with it.
    func hasWitness(_ item: Int, step: Int) -> Bool {
        let moved = Double(items[item].value + step)
        guard items[item].lowerBound <= moved && moved <= items[item].upperBound else { return false }
        var imbalance: [Int: Int] = [:]
        var changed: [Int: Int] = [item: step]
        apply(item, step, to: &imbalance)
        return balance(&imbalance, changed: &changed, depth: Self.witnessDepth)
    }

    /// Adds `step` times the item's coefficient to the imbalance of every line through it.
    private func apply(_ item: Int, _ step: Int, to imbalance: inout [Int: Int]) {
        for line in linesOfItem[item] {
            let entry = lines[line]
            for (member, coefficient) in zip(entry.items, entry.coefficients) where member == item {
                imbalance[line, default: 0] += coefficient * step
            }
            if imbalance[line] == 0 { imbalance[line] = nil }
        }
    }

    /// Depth-first: takes the unbalanced line with the fewest hidden, unchanged items and tries
    /// each of them as the one that balances it.
    private func balance(_ imbalance: inout [Int: Int], changed: inout [Int: Int], depth: Int) -> Bool {
        if imbalance.isEmpty { return true }
        guard depth > 0 else { return false }
        var chosen: (line: Int, candidates: [(item: Int, coefficient: Int)])?
        for (line, _) in imbalance {
            let entry = lines[line]
            var candidates: [(item: Int, coefficient: Int)] = []
            for (member, coefficient) in zip(entry.items, entry.coefficients)
            where items[member].hidden && changed[member] == nil {
                candidates.append((member, coefficient))
            }
            if candidates.isEmpty { return false }
            if chosen == nil || candidates.count < chosen!.candidates.count
                || (candidates.count == chosen!.candidates.count && line < chosen!.line)
            {
                chosen = (line, candidates)
            }
        }
        guard let (line, candidates) = chosen else { return true }
        let missing = imbalance[line]!
        for (candidate, coefficient) in candidates {
            // Coefficients are ±1, so the balancing step is whole.
            guard missing % coefficient == 0 else { continue }
            let step = -missing / coefficient
            let value = Double(items[candidate].value + step)
            guard items[candidate].lowerBound <= value && value <= items[candidate].upperBound else { continue }
            var nextImbalance = imbalance
            apply(candidate, step, to: &nextImbalance)
            changed[candidate] = step
            if balance(&nextImbalance, changed: &changed, depth: depth - 1) { return true }
            changed[candidate] = nil
        }
        return false
    }
}
