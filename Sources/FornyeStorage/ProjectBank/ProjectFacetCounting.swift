import FluentSQL
import FornyeProjectBank

/// The active facet filters as sets of allowed codes, tested on packed codes in Swift and written
/// as SQL on the narrow table's columns.
struct FacetFilter: Sendable {
    /// Per facet (in `ProjectSearch.facetNames` order) the allowed values, nil = no filter.
    /// Types and Los themes are bit masks (any shared bit passes); the others value codes.
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
        // An unknown theme matches no project (the API refuses it before).
        if !query.themes.isEmpty { allowed[8] = Set(query.themes.map { LosThemes.theme(slug: $0)?.code ?? 0 }) }
    }

    static let columns = [
        "types", "stage", "sector", "county", "centrality", "research", "evaluated", "stage", "themes",
    ]

    var sql: [SQLQueryString] {
        allowed.enumerated().compactMap { facet, values -> SQLQueryString? in
            guard let values else { return nil }
            let sorted = values.sorted()
            switch facet {
            case 0, 8:
                let mask = sorted.filter { $0 > 0 }.reduce(0) { $0 | 1 << ($1 - 1) }
                return "(f.\(unsafeRaw: Self.columns[facet]) & \(literal: mask)) <> 0"
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
    /// Per facet (× 256), count per value code (type: 1–4; evaluated, discontinued: 1 yes, 2 no; theme:
    /// 1–14); one flat array, and the values of a match in a SIMD vector: counting 7,000 matches
    /// allocates nothing.
    private var counts: [Int]
    private let filtered: Bool

    init(filter: FacetFilter) {
        self.filter = filter
        counts = Array(repeating: 0, count: 256 * ProjectSearch.facetNames.count)
        filtered = filter.allowed.contains { $0 != nil }
    }

    static let facetCount = 9
    /// The bit masks among the facets (types, Los themes): a match counts once for each bit set.
    /// A switch, not a dictionary: it is asked nine times per match, and large searches count
    /// tens of thousands of matches.
    @inline(__always)
    private static func maskBits(_ facet: Int) -> Int? {
        switch facet {
        case 0: 4
        case 8: themeBits
        default: nil
        }
    }
    private static let themeBits = LosThemes.all.count

    static func values(_ packed: Int) -> [Int] {
        let vector = vector(packed)
        return (0..<facetCount).map { vector[$0] }
    }

    private static func vector(_ packed: Int) -> SIMD16<Int> {
        let stage = (packed >> 4) & 15
        var vector = SIMD16<Int>.zero
        vector[0] = packed & 15
        vector[1] = stage
        vector[2] = (packed >> 8) & 15
        vector[3] = (packed >> 12) & 255
        vector[4] = (packed >> 20) & 15
        vector[5] = (packed >> 24) & 15
        vector[6] = (packed >> 28) & 3
        vector[7] = discontinued(stage)
        vector[8] = (packed >> 30) & 16383
        return vector
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
                    Self.maskBits(facet) != nil
                    ? allowed.contains { $0 > 0 && values[facet] & (1 << ($0 - 1)) != 0 }
                    : allowed.contains(values[facet])
                if !passes {
                    failures += 1
                    failed = facet
                    if failures > 1 { return false }
                }
            }
        }
        if failed < 0 {
            total += 1
            for facet in 0..<Self.facetCount { count(facet, values) }
            return true
        }
        count(failed, values)
        return false
    }

    private mutating func count(_ facet: Int, _ values: SIMD16<Int>) {
        if let bits = Self.maskBits(facet) {
            for bit in 0..<bits where values[facet] & (1 << bit) != 0 { counts[facet * 256 + bit + 1] += 1 }
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
        case 8: LosThemes.theme(code: code)?.slug ?? String(code)
        default: String(code)
        }
    }
}
