extension SuppressionGrid.Item {
    /// A hidden count that must not be recomputable. Zero counts are published anyway.
    var isSensitive: Bool { primary && value != 0 }
}

extension SuppressionGrid {
    /// Primary suppression: small domains whole, then small counts.
    mutating func suppressPrimary(kind: EstimateKind, rules: DisclosureRules) {
        for domain in cellsOfDomain.indices {
            let base = domainBase[domain]
            if rules.isSmallBase(base) {
                hideDomain(domain, primary: true, rules: rules)
                continue
            }
            let upper = kind == .shareOfRespondents ? base - 1 : rules.minimumCellCount - 1
            for item in cellsOfDomain[domain] where rules.isSmall(count: items[item].value, base: base, kind: kind) {
                items[item].hidden = true
                items[item].primary = true
                items[item].lowerBound = 1
                items[item].upperBound = Double(max(upper, 1))
            }
        }
    }

    /// Secondary suppression: hides further items until no line gives a hidden count away on
    /// its own and no sensitive count is determined by all lines together. Every round hides
    /// at least one more item, so the loop ends (at worst with everything hidden).
    mutating func suppressSecondary(rules: DisclosureRules) {
        while true {
            if protectLines(rules: rules) { continue }
            guard let complement = auditComplement() else { return }
            hide(complement, rules: rules)
        }
    }

    /// The rule of thumb, line by line: a line with one hidden item gives it away, and so does
    /// a line whose hidden items must all sit at the edge of what their flags allow (two
    /// primary cells summing to 2 are both 1). Each such line gets its cheapest published item hidden.
    private mutating func protectLines(rules: DisclosureRules) -> Bool {
        var changed = false
        for index in lines.indices {
            while !pinnedByLine(lines[index]).isEmpty, let complement = cheapestComplement(in: [index]) {
                hide(complement, rules: rules)
                changed = true
            }
        }
        return changed
    }

    /// Hidden non-zero items whose value follows from this line alone and the bounds their
    /// flags reveal.
    func pinnedByLine(_ line: Line) -> [Int] {
        var rest = Double(line.total)
        var hiddenTerms: [(item: Int, coefficient: Double)] = []
        for (item, coefficient) in zip(line.items, line.coefficients) {
            if items[item].hidden {
                hiddenTerms.append((item, Double(coefficient)))
            } else {
                rest -= Double(coefficient * items[item].value)
            }
        }
        let lows = hiddenTerms.map {
            min($0.coefficient * items[$0.item].lowerBound, $0.coefficient * items[$0.item].upperBound)
        }
        let highs = hiddenTerms.map {
            max($0.coefficient * items[$0.item].lowerBound, $0.coefficient * items[$0.item].upperBound)
        }
        return hiddenTerms.indices.compactMap { term in
            let (item, coefficient) = hiddenTerms[term]
            guard items[item].value != 0 else { return nil }
            var othersLow = 0.0
            var othersHigh = 0.0
            for other in hiddenTerms.indices where other != term {
                othersLow += lows[other]
                othersHigh += highs[other]
            }
            var from = (rest - othersHigh) / coefficient
            var to = (rest - othersLow) / coefficient
            if from > to { swap(&from, &to) }
            from = max(from, items[item].lowerBound)
            to = min(to, items[item].upperBound)
            return from.rounded(.up) >= to.rounded(.down) ? item : nil
        }
    }

    /// Checks all lines at once, for patterns the line rule misses (a hidden cell that bridges
    /// two otherwise protected blocks, or bounds that pin a count through several lines).
    /// Gaussian elimination finds the counts fixed by the sums alone; for the others a small
    /// linear programme asks whether the count could be one more or one less while every
    /// published sum holds and every hidden count stays within what its flag reveals. With one
    /// breakdown the sums form a network, so a real solution means an integer one too; with
    /// two breakdowns that is not guaranteed, but asking for a whole step (not just any move)
    /// closes most of the gap.
    ///
    /// - Returns: The item to hide next, or nil when every sensitive item is safe (or cannot be
    ///   made safe by hiding more of this table).
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

    /// The published item of these lines that costs least to hide: the smallest non-zero count,
    /// first in table order on ties, and a zero only when nothing else is left (a hidden zero
    /// is weak cover: zero is what a reader guesses first, and it cannot go down; Statistics
    /// Norway's GaussSuppression avoids them by default too). Cells of empty domains are never
    /// chosen: their published base of 0 tells their value. Base lines offer bases, which hide
    /// a whole domain; other lines offer cells only, unless `basesAnywhere`.
    func cheapestComplement(in lineIndices: [Int], basesAnywhere: Bool = false) -> Int? {
        var best: Int?
        for index in lineIndices {
            let line = lines[index]
            for item in line.items where !items[item].hidden {
                let isBase = items[item].cell == nil
                guard isBase == line.isBaseLine || (basesAnywhere && isBase) else { continue }
                let domain = items[item].domain
                if !isBase && domainBase[domain] == 0, let base = baseOfDomain[domain], !items[base].hidden { continue }
                // Zeros sort after every other count.
                let cost = items[item].value == 0 ? Int.max : items[item].value
                if let current = best {
                    let currentCost = items[current].value == 0 ? Int.max : items[current].value
                    if (currentCost, current) <= (cost, item) { continue }
                }
                best = item
            }
        }
        return best
    }

    /// Hides a complement: a cell on its own, a base with its whole domain.
    private mutating func hide(_ item: Int, rules: DisclosureRules) {
        if items[item].cell == nil {
            hideDomain(items[item].domain, primary: false, rules: rules)
        } else {
            items[item].hidden = true
        }
    }

    /// Hides every cell of a domain and its base. Hidden by the base rule, a reader knows the
    /// base is below the minimum; hidden as a complement, nothing new (cells already primary
    /// keep what their own flag says).
    private mutating func hideDomain(_ domain: Int, primary: Bool, rules: DisclosureRules) {
        let limit = Double(max(rules.minimumBaseCount - 1, 1))
        let members = cellsOfDomain[domain] + (baseOfDomain[domain].map { [$0] } ?? [])
        for item in members where !items[item].hidden || primary {
            items[item].hidden = true
            guard primary else { continue }
            items[item].primary = true
            let isBase = items[item].cell == nil || baseOfDomain[domain] == nil
            items[item].lowerBound = isBase ? 1 : 0
            items[item].upperBound = limit
        }
    }
}
