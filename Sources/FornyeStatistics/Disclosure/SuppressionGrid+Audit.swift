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

    /// Whether the published sums and the flags' bounds fix the hidden count of `item`.
    ///
    /// Gaussian elimination finds counts fixed by the sums alone. For the others a small linear
    /// programme asks whether the count could be one more or one less while every published sum
    /// holds and every hidden count stays within what its flag reveals (a zero cannot go down,
    /// a primary count stays between 1 and the minimum − 1). With one breakdown the sums form a
    /// network, whose linear programmes have integer solutions, so the answer is exact; with two
    /// breakdowns a real solution need not be an integer one, and asking for a whole step (not
    /// any small move) closes most of that gap.
    private func isPinned(_ item: Int) -> Bool {
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
        var rows: [[Double]] = []
        var totals: [Double] = []
        for line in componentLines {
            var row = [Double](repeating: 0, count: unknowns.count)
            var total = 0.0
            for (member, coefficient) in zip(lines[line].items, lines[line].coefficients) {
                guard let column = position[member] else { continue }
                row[column] += Double(coefficient)
                total += Double(coefficient * items[member].value)
            }
            rows.append(row)
            totals.append(total)
        }
        if LinearAudit.determined(rows: rows, unknownCount: unknowns.count)[0] { return true }
        let bounds = unknowns.map { (items[$0].lowerBound, items[$0].upperBound) }
        let value = Double(items[item].value)
        return ![value - 1, value + 1].contains { other in
            Self.fits(0, at: other, rows: rows, totals: totals, bounds: bounds)
        }
    }

    /// Whether the row sums can hold with unknown `target` at `value` and every unknown within
    /// its bounds (real values allowed).
    private static func fits(
        _ target: Int, at value: Double, rows: [[Double]], totals: [Double], bounds: [(Double, Double)]
    ) -> Bool {
        guard bounds[target].0 <= value && value <= bounds[target].1 else { return false }
        // Unknowns become lower bound + a non-negative shift; a finite upper bound adds a slack row.
        let others = bounds.indices.filter { $0 != target }
        let capped = others.filter { bounds[$0].1.isFinite }
        var matrix: [[Double]] = []
        var rhs: [Double] = []
        for (row, total) in zip(rows, totals) {
            matrix.append(others.map { row[$0] } + capped.map { _ in 0 })
            var remainder = total - row[target] * value
            for other in others { remainder -= row[other] * bounds[other].0 }
            rhs.append(remainder)
        }
        for (slack, other) in capped.enumerated() {
            var row = others.map { $0 == other ? 1.0 : 0 } + capped.map { _ in 0.0 }
            row[others.count + slack] = 1
            matrix.append(row)
            rhs.append(bounds[other].1 - bounds[other].0)
        }
        return NonnegativeSolution.exists(matrix: matrix, rhs: rhs)
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
