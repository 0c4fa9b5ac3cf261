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

    /// Gaussian elimination over all lines at once, for patterns the line rule misses (a hidden
    /// cell that bridges two otherwise protected blocks). Hidden zeros count as known: that only
    /// makes the audit stricter, and it lets every remaining unknown move both ways, so "not
    /// determined" really means another value fits.
    ///
    /// - Returns: The item to hide next, or nil when every sensitive item is safe (or cannot be
    ///   made safe by hiding more of this table).
    func auditComplement() -> Int? {
        let unknowns = items.indices.filter { items[$0].hidden && items[$0].value != 0 }
        guard unknowns.contains(where: { items[$0].isSensitive }) else { return nil }
        var column: [Int: Int] = [:]
        for (position, item) in unknowns.enumerated() { column[item] = position }
        var rows: [[Double]] = []
        for line in lines {
            var row = [Double](repeating: 0, count: unknowns.count)
            var touches = false
            for (item, coefficient) in zip(line.items, line.coefficients) {
                guard let position = column[item] else { continue }
                row[position] += Double(coefficient)
                touches = true
            }
            if touches { rows.append(row) }
        }
        let determined = LinearAudit.determined(rows: rows, unknownCount: unknowns.count)
        for (position, item) in unknowns.enumerated() where determined[position] && items[item].isSensitive {
            if let complement = nearestComplement(of: item) { return complement }
        }
        return nil
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
            if let complement = cheapestComplement(in: layer) { return complement }
            frontier = layer.flatMap { lines[$0].items }.filter { items[$0].hidden && seenItems.insert($0).inserted }
        }
        return nil
    }

    /// The published item of these lines that costs least to hide: the smallest non-zero
    /// count (a hidden zero protects nothing, since zeros are what a reader guesses first),
    /// first in table order on ties. Base lines offer bases, which hide a whole domain; other
    /// lines offer cells only.
    func cheapestComplement(in lineIndices: [Int]) -> Int? {
        var best: Int?
        for index in lineIndices {
            let line = lines[index]
            for item in line.items where !items[item].hidden && (items[item].cell == nil) == line.isBaseLine {
                guard let current = best else {
                    best = item
                    continue
                }
                let (value, bestValue) = (items[item].value, items[current].value)
                let isBetter =
                    (value == 0) != (bestValue == 0)
                    ? bestValue == 0 : (value, item) < (bestValue, current)
                if isBetter { best = item }
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
