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
