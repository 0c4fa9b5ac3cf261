/// The unweighted counts of one table, seen as a reader who wants to recompute hidden counts
/// sees them: items (cell counts and domain bases) tied together by sums that are published
/// (lines).
///
/// Lines are the within-domain sums (the categories of a single-choice variable add up to the
/// base) and the sums across the domains of one breakdown, whose totals are the cells of the
/// margin table published beside it. A margin total that would itself be suppressed (a small
/// count or base) is taken as unknown.
struct SuppressionGrid {
    struct Item {
        /// The true count.
        var value: Int
        /// Index of the cell in the table, or nil for a domain base.
        var cell: Int?
        var domain: Int
        var hidden = false
        /// Hidden by a primary rule.
        var primary = false
        /// What a reader who sees the flags knows about a hidden value.
        var lowerBound = 0.0
        var upperBound = Double.infinity
    }

    struct Line {
        var items: [Int]
        var coefficients: [Int]
        /// The published total of `Σ coefficient · value`.
        var total: Int
        var isBaseLine = false
    }

    var items: [Item] = []
    var lines: [Line] = []
    var linesOfItem: [[Int]] = []
    /// Item indices of the cells of each domain.
    var cellsOfDomain: [[Int]] = []
    /// The base item of each domain, for share tables; nil when the base is the cell itself.
    var baseOfDomain: [Int?] = []
    /// Unweighted base of each domain.
    var domainBase: [Int] = []
    /// Sensitive items the audit has shown cannot be recomputed.
    var provenSafe = Set<Int>()
    /// Whether the audit tries `hasWitness` before its linear programme (the same answers, faster).
    var usesWitness = true

    /// Builds the grid of the cells at `cellIndices`, which all break down by the same
    /// `dimensions` breakdown variables (their domains list them in the same order).
    init(table: EstimateTable, cellIndices: [Int], dimensions: Int, rules: DisclosureRules) {
        var domainIndex: [[Int]: Int] = [:]
        var domainKeys: [[Int]] = []
        var baseCounts: [Int] = []
        for cellIndex in cellIndices {
            let cell = table.cells[cellIndex]
            let key = cell.domain.map(\.code)
            let domain: Int
            if let known = domainIndex[key] {
                domain = known
            } else {
                domain = domainKeys.count
                domainIndex[key] = domain
                domainKeys.append(key)
                baseCounts.append(cell.baseCount)
                cellsOfDomain.append([])
            }
            cellsOfDomain[domain].append(items.count)
            items.append(Item(value: cell.cellCount, cell: cellIndex, domain: domain))
        }
        domainBase = baseCounts
        let kind = table.kind
        let hasBaseItems = kind != .mean && kind != .total
        baseOfDomain = baseCounts.indices.map { domain in
            guard hasBaseItems else { return nil }
            items.append(Item(value: baseCounts[domain], cell: nil, domain: domain))
            return items.count - 1
        }

        var categoryOfItem: [Category?] = items.map { item in item.cell.map { table.cells[$0].category } ?? nil }
        if !hasBaseItems { categoryOfItem = categoryOfItem.map { _ in nil } }

        // Cross lines first: base lines among them, so that a whole small domain is matched
        // by a whole other domain before single categories pick complements of their own.
        for dimension in 0..<dimensions {
            var groups: [[Int]: [Int]] = [:]
            var order: [[Int]] = []
            for (domain, key) in domainKeys.enumerated() {
                var rest = key
                rest.remove(at: dimension)
                if groups[rest] == nil { order.append(rest) }
                groups[rest, default: []].append(domain)
            }
            for rest in order {
                guard let domains = groups[rest], domains.count > 1 else { continue }
                addCrossLines(
                    domains: domains, baseCounts: baseCounts, categoryOfItem: categoryOfItem, kind: kind,
                    rules: rules)
            }
        }
        if kind == .share || kind == .shareOfResponses {
            for domain in cellsOfDomain.indices { addWithinLine(domain: domain, kind: kind) }
        }
        linesOfItem = Array(repeating: [], count: items.count)
        for (index, line) in lines.enumerated() {
            for item in line.items { linesOfItem[item].append(index) }
        }
    }

    private mutating func addCrossLines(
        domains: [Int], baseCounts: [Int], categoryOfItem: [Category?], kind: EstimateKind, rules: DisclosureRules
    ) {
        let marginBase = domains.reduce(0) { $0 + baseCounts[$1] }
        let marginPublished = !rules.isSmallBase(marginBase)
        let bases = domains.compactMap { baseOfDomain[$0] }
        if marginPublished && bases.count > 1 {
            lines.append(Line(items: bases, coefficients: bases.map { _ in 1 }, total: marginBase, isBaseLine: true))
        }
        var byCategory: [Category?: [Int]] = [:]
        var order: [Category?] = []
        for domain in domains {
            for item in cellsOfDomain[domain] {
                let category = categoryOfItem[item]
                if byCategory[category] == nil { order.append(category) }
                byCategory[category, default: []].append(item)
            }
        }
        for category in order {
            guard let members = byCategory[category], members.count > 1 else { continue }
            let total = members.reduce(0) { $0 + items[$1].value }
            let base = baseOfDomain[domains[0]] == nil ? total : marginBase
            guard marginPublished, !rules.isSmall(count: total, base: base, kind: kind) else { continue }
            lines.append(Line(items: members, coefficients: members.map { _ in 1 }, total: total))
        }
    }

    /// The categories of a single-choice variable add up to the base. For shares of all
    /// responses the shares add up to 1; their counts' total is not published, but treating
    /// it as known protects the shares just as well.
    private mutating func addWithinLine(domain: Int, kind: EstimateKind) {
        let cells = cellsOfDomain[domain]
        let sum = cells.reduce(0) { $0 + items[$1].value }
        if kind == .share, let base = baseOfDomain[domain], items[base].value == sum {
            lines.append(Line(items: cells + [base], coefficients: cells.map { _ in 1 } + [-1], total: 0))
        } else if cells.count > 1 {
            lines.append(Line(items: cells, coefficients: cells.map { _ in 1 }, total: sum))
        }
    }
}
