extension SuppressionGrid {
    /// Checks all lines at once, for patterns the line rule misses: a hidden cell that bridges
    /// two otherwise protected blocks, or bounds that pin a count through several lines.
    ///
    /// - Returns: The item to hide next, near the first sensitive item that is still pinned;
    ///   nil when every sensitive item is safe or cannot be made safe by hiding more of this table.
    mutating func auditComplement() -> Int? {
        let sensitive = items.indices.filter { items[$0].hidden && items[$0].isSensitive && !provenSafe.contains($0) }
        for item in sensitive {
            // A count nothing can be hidden around is left as it is; no need to examine it.
            guard let complement = nearestComplement(of: item) else { continue }
            if isPinned(item) { return complement }
            // Hiding more only widens what a reader must consider: safe stays safe.
            provenSafe.insert(item)
        }
        return nil
    }

    /// Whether the published sums and the flags' bounds fix the hidden count of `item`: a small
    /// linear programme asks whether the count could be one more or one less while every
    /// published sum holds and every hidden count stays within what its flag reveals (a zero
    /// cannot go down, a primary count stays between 1 and the minimum − 1). A count fixed by
    /// the sums alone (what Gaussian elimination finds in GaussSuppression) fails both ways.
    /// With one breakdown the sums form a network, whose linear programmes have integer
    /// solutions, so the answer is exact; with two breakdowns a real solution need not be an
    /// integer one, and asking for a whole step (not any small move) closes most of that gap.
    func isPinned(_ item: Int) -> Bool {
        // A small balanced move found directly answers as the programme would, at a fraction of its cost.
        if usesWitness && (hasWitness(item, step: 1) || hasWitness(item, step: -1)) { return false }
        // Only the hidden items connected to `item` through lines matter.
        var unknowns = [item]
        var position = [item: 0]
        var componentLines: [Int] = []
        var seenLines = Set<Int>()
        var next = 0
        while next < unknowns.count {
            for line in linesOfItem[unknowns[next]] where seenLines.insert(line).inserted {
                componentLines.append(line)
                for member in lines[line].items where items[member].hidden && position[member] == nil {
                    position[member] = unknowns.count
                    unknowns.append(member)
                }
            }
            next += 1
        }
        let rows = componentLines.map { line in
            var row = [Double](repeating: 0, count: unknowns.count)
            for (member, coefficient) in zip(lines[line].items, lines[line].coefficients) {
                if let column = position[member] { row[column] += Double(coefficient) }
            }
            return row
        }
        let bounds = unknowns.map { (items[$0].lowerBound, items[$0].upperBound) }
        let values = unknowns.map { Double(items[$0].value) }
        return ![-1.0, 1.0].contains { step in
            Self.canMove(0, by: step, rows: rows, values: values, bounds: bounds)
        }
    }

    /// Whether the row sums can still hold after unknown `target` moves by `step`, every other
    /// unknown moving within its bounds (by real amounts). The changes, not the values, are the
    /// variables: only the rows through `target` start out of balance, so few pivots are needed.
    private static func canMove(
        _ target: Int, by step: Double, rows: [[Double]], values: [Double], bounds: [(Double, Double)]
    ) -> Bool {
        let moved = values[target] + step
        guard bounds[target].0 <= moved && moved <= bounds[target].1 else { return false }
        // Each other unknown may rise by up to its room above and fall by up to its room below.
        var columns: [(unknown: Int, sign: Double, room: Double)] = []
        for unknown in values.indices where unknown != target {
            let above = bounds[unknown].1 - values[unknown]
            let below = values[unknown] - bounds[unknown].0
            if above > 0 { columns.append((unknown, 1, above)) }
            if below > 0 { columns.append((unknown, -1, below)) }
        }
        let matrix = rows.map { row in columns.map { $0.sign * row[$0.unknown] } }
        return NonnegativeSolution.exists(
            matrix: matrix, rhs: rows.map { -step * $0[target] }, upper: columns.map(\.room))
    }

    /// The cheapest published item in the lines of `item`, or failing that in the lines of
    /// the hidden items those lines reach, and so on outwards.
    private func nearestComplement(of item: Int) -> Int? {
        var seenLines = Set<Int>()
        var seenItems: Set = [item]
        var frontier = [item]
        while !frontier.isEmpty {
            var layer: [Int] = []
            for member in frontier {
                for line in linesOfItem[member] where seenLines.insert(line).inserted { layer.append(line) }
            }
            if let complement = cheapestComplement(in: layer) ?? cheapestComplement(in: layer, basesAnywhere: true) {
                return complement
            }
            frontier = layer.flatMap { lines[$0].items }.filter { items[$0].hidden && seenItems.insert($0).inserted }
        }
        return nil
    }
}
