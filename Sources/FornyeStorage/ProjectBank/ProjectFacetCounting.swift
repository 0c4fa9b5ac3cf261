import FluentSQL
import FornyeProjectBank

/// The active facet filters as sets of allowed codes, tested on packed codes in Swift and written
/// as SQL on the narrow table's columns.
struct FacetFilter: Sendable {
    /// Per facet (in `ProjectSearch.facetNames` order) the allowed values, nil = no filter.
    /// Types are a bit mask (any shared bit passes); the others value codes.
    var allowed: [Set<Int>?]

    init(_ query: ProjectQuery) {
        allowed = Array(repeating: nil, count: ProjectSearch.facetNames.count)
        if !query.types.isEmpty { allowed[0] = Set(query.types.filter { (1...4).contains($0) }) }
        if !query.stages.isEmpty { allowed[1] = Set(query.stages.map(ProjectFacetCode.of)) }
        if !query.sectors.isEmpty { allowed[2] = Set(query.sectors) }
        if !query.counties.isEmpty { allowed[3] = Set(query.counties.map { Int($0) ?? -1 }) }
        if !query.centralities.isEmpty { allowed[4] = Set(query.centralities) }
        if !query.researchLevels.isEmpty { allowed[5] = Set(query.researchLevels.map { $0 + 1 }) }
        // Yes/no facets: 1 yes, 2 no; unknown (0) matches neither filter.
        if let evaluated = query.evaluated { allowed[6] = [ProjectFacetCode.answer(evaluated)] }
        if let discontinued = query.discontinued { allowed[7] = [ProjectFacetCode.answer(discontinued)] }
    }

    static let columns = ["types", "stage", "sector", "county", "centrality", "research", "evaluated", "stage"]

    var sql: [SQLQueryString] {
        allowed.enumerated().compactMap { facet, values -> SQLQueryString? in
            guard let values else { return nil }
            let sorted = values.sorted()
            switch facet {
            case 0:
                let mask = sorted.reduce(0) { $0 | 1 << ($1 - 1) }
                return "(f.types & \(literal: mask)) <> 0"
            case 7:
                // Not discontinued is a known stage other than discontinued; an unknown stage is neither.
                return values.contains(1)
                    ? "f.stage = \(literal: ProjectFacetCode.discontinued)"
                    : "f.stage NOT IN (0, \(literal: ProjectFacetCode.discontinued), \(literal: ProjectFacetCode.unknownStage))"
            default:
                return "f.\(unsafeRaw: Self.columns[facet]) IN (\(binds: sorted))"
            }
        }
    }
}

/// Counts disjunctive facets over packed codes: a facet's value counts the matches that pass
/// every *other* facet's filter, so ticking «Oslo» still shows how many «Bergen» would add.
struct FacetCounter: Sendable {
    let filter: FacetFilter
    private(set) var total = 0
    /// Per facet (× 256), count per value code (type: 1–4; evaluated, discontinued: 1 yes, 2 no); one
    /// flat array, and the values of a match in a SIMD vector: counting 7,000 matches allocates nothing.
    private var counts: [Int]
    private let filtered: Bool

    init(filter: FacetFilter) {
        self.filter = filter
        counts = Array(repeating: 0, count: 256 * ProjectSearch.facetNames.count)
        filtered = filter.allowed.contains { $0 != nil }
    }

    static func values(_ packed: Int) -> [Int] {
        let vector = vector(packed)
        return (0..<8).map { vector[$0] }
    }

    private static func vector(_ packed: Int) -> SIMD8<Int> {
        let stage = (packed >> 4) & 15
        return SIMD8(
            packed & 15, stage, (packed >> 8) & 15, (packed >> 12) & 255, (packed >> 20) & 15, (packed >> 24) & 15,
            (packed >> 28) & 3, discontinued(stage))
    }

    /// The discontinued facet of a stage code: 1 yes, 2 another known stage, 0 unknown.
    private static func discontinued(_ stage: Int) -> Int {
        switch stage {
        case ProjectFacetCode.discontinued: 1
        case 0, ProjectFacetCode.unknownStage: 0
        default: 2
        }
    }

    /// Counts one match; true when it passes every filter (it belongs to the results).
    mutating func add(_ packed: Int) -> Bool {
        let values = Self.vector(packed)
        var failed = -1
        if filtered {
            var failures = 0
            for (facet, allowed) in filter.allowed.enumerated() {
                guard let allowed else { continue }
                let passes =
                    facet == 0
                    ? allowed.contains { values[0] & (1 << ($0 - 1)) != 0 } : allowed.contains(values[facet])
                if !passes {
                    failures += 1
                    failed = facet
                    if failures > 1 { return false }
                }
            }
        }
        if failed < 0 {
            total += 1
            for facet in 0..<8 { count(facet, values) }
            return true
        }
        count(failed, values)
        return false
    }

    private mutating func count(_ facet: Int, _ values: SIMD8<Int>) {
        if facet == 0 {
            for bit in 0..<4 where values[0] & (1 << bit) != 0 { counts[bit + 1] += 1 }
        } else if values[facet] > 0 {
            counts[facet * 256 + values[facet]] += 1
        }
    }

    func facets() -> [ProjectFacet] {
        ProjectSearch.facetNames.enumerated().map { facet, name in
            let entries = counts[(facet * 256)..<(facet * 256 + 256)].enumerated().filter { $0.element > 0 }.map {
                code, count in
                (value: Self.label(facet, code), count: count)
            }
            return ProjectFacet(name: name, counts: entries.sorted { $0.value < $1.value })
        }
    }

    static func label(_ facet: Int, _ code: Int) -> String {
        switch facet {
        case 1:
            ProjectStage.allCases[ProjectStage.allCases.index(ProjectStage.allCases.startIndex, offsetBy: code - 1)]
                .rawValue
        case 3: code < 10 ? "0\(code)" : String(code)
        case 5: String(code - 1)
        case 6, 7: code == 1 ? "true" : "false"
        default: String(code)
        }
    }
}
