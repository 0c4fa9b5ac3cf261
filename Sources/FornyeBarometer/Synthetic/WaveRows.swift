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
    }

    /// The column of a variable, created empty (system missing) on first use.
    subscript(name: String) -> [Int32] {
        get { codes[name] ?? Array(repeating: Column.systemMissing, count: count) }
        set { codes[name] = newValue }
    }

    /// Sets one answer.
    mutating func set(_ name: String, row: Int, _ code: Int) {
        if codes[name] == nil { codes[name] = Array(repeating: Column.systemMissing, count: count) }
        codes[name]![row] = Int32(code)
    }

    func code(_ name: String, row: Int) -> Int? {
        guard let value = codes[name]?[row], value != Column.systemMissing else { return nil }
        return Int(value)
    }
}
