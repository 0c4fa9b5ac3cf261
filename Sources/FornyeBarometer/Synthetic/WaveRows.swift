import FornyeStatistics

/// The respondents of a wave while it is being generated: background and latent traits, one
/// entry per row, and the coded answers filled in stage by stage.
struct WaveRows {
    let count: Int
    var unitType: [Int]
    var role: [Int]
    /// Fylkesnummer.
    var county: [Int]
    var landsdel: [Int]
    /// Index into the frame's municipalities, or -1 when the respondent gave none.
    var municipality: [Int]
    /// Latent traits: a workplace's innovation climate, the respondent's care with the
    /// questionnaire, and how outward-looking the workplace is. They tie answers together the
    /// way real answers hang together where the report says nothing.
    var drive: [Double]
    var diligence: [Double]
    var openness: [Double]
    var innovated: [Bool]
    /// The newest innovation's types as bits (bit `t − 1` for type `t`), research collaboration,
    /// MEPIN novelty (0: not answered) and financing from the own budget alone, kept beside the
    /// coded answers because later stages condition on them.
    var newestTypes: [UInt8]
    var research: [Bool]
    var novelty: [Int]
    var ownBudgetOnly: [Bool]
    /// Coded answers by variable name; `Column.systemMissing` where not asked.
    var codes: [String: [Int32]] = [:]

    init(count: Int) {
        self.count = count
        unitType = Array(repeating: 0, count: count)
        role = Array(repeating: 0, count: count)
        county = Array(repeating: 0, count: count)
        landsdel = Array(repeating: 0, count: count)
        municipality = Array(repeating: -1, count: count)
        drive = Array(repeating: 0, count: count)
        diligence = Array(repeating: 0, count: count)
        openness = Array(repeating: 0, count: count)
        innovated = Array(repeating: false, count: count)
        newestTypes = Array(repeating: 0, count: count)
        research = Array(repeating: false, count: count)
        novelty = Array(repeating: 0, count: count)
        ownBudgetOnly = Array(repeating: false, count: count)
    }

    func hasType(_ row: Int, _ type: Int) -> Bool { newestTypes[row] & (1 << UInt8(type - 1)) != 0 }

    /// Whether the newest innovation is new beyond the region (MEPIN national or world).
    func isNovel(_ row: Int) -> Bool { novelty[row] == 3 || novelty[row] == 4 }

    /// The column of a variable, created empty (system missing) on first use.
    subscript(name: String) -> [Int32] {
        get { codes[name] ?? Array(repeating: Column.systemMissing, count: count) }
        set { codes[name] = newValue }
    }

    /// Sets the answers of the given rows.
    mutating func assign(_ name: String, _ answers: [Int: Int]) {
        var column = self[name]
        for (row, code) in answers { column[row] = Int32(code) }
        self[name] = column
    }

    /// Sets one code for the given rows.
    mutating func assign(_ name: String, rows: some Sequence<Int>, code: Int) {
        var column = self[name]
        for row in rows { column[row] = Int32(code) }
        self[name] = column
    }

    /// Sets every row's answer (nil: not asked).
    mutating func assign(_ name: String, _ answer: (Int) -> Int?) {
        self[name] = (0..<count).map { answer($0).map(Int32.init) ?? Column.systemMissing }
    }
}
