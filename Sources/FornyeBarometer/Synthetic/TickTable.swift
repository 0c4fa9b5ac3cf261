import Foundation

/// The ticks of one multiple-response question for the respondents it was asked of.
///
/// Every tick comes from a threshold model: a row ticks an option when its propensity beats a
/// uniform draw, `key = logit(p) − logit(u) > 0`. Calibrating an option to an exact count moves
/// the threshold within a group of rows: the rows closest to it flip, as if the option's
/// intercept were shifted for that group, so the correlations of the draw survive.
struct TickTable {
    /// Dataset rows in the base, in ascending order.
    let rows: [Int]
    /// Option codes, in the order of `ticked`.
    let options: [Int]
    /// `ticked[option][position]`.
    private(set) var ticked: [[Bool]]
    private let key: [[Double]]

    /// Draws every option for every row; `probability(row, option)` is clamped to (0.001, 0.999),
    /// except that zero means the row never ticks the option by chance.
    init(rows: [Int], options: [Int], random: inout SeededRandom, probability: (Int, Int) -> Double) {
        self.rows = rows
        self.options = options
        var ticked: [[Bool]] = []
        var key: [[Double]] = []
        for option in options {
            var line = [Bool](repeating: false, count: rows.count)
            var keys = [Double](repeating: 0, count: rows.count)
            for position in 0..<rows.count {
                let raw = probability(rows[position], option)
                let p = min(max(raw, 0.001), 0.999)
                let u = random.unit()
                // A zero probability means never: such a row is the last to get the option.
                keys[position] = raw <= 0 ? -1e9 : log(p / (1 - p)) - log(u / (1 - u))
                line[position] = keys[position] > 0
            }
            ticked.append(line)
            key.append(keys)
        }
        self.ticked = ticked
        self.key = key
    }

    func position(of option: Int) -> Int { options.firstIndex(of: option)! }

    func isTicked(_ option: Int, at position: Int) -> Bool { ticked[self.position(of: option)][position] }

    func tickCount(at position: Int) -> Int {
        var count = 0
        for line in 0..<ticked.count where ticked[line][position] { count += 1 }
        return count
    }

    /// Ticks of `option` among the given positions (all rows when nil).
    func count(_ option: Int, among positions: [Int]? = nil) -> Int {
        let line = ticked[self.position(of: option)]
        var count = 0
        if let positions {
            for position in positions where line[position] { count += 1 }
        } else {
            for value in line where value { count += 1 }
        }
        return count
    }

    /// Ticks of every option among the given positions.
    func totalTicks(among positions: [Int]) -> Int {
        options.reduce(0) { $0 + count($1, among: positions) }
    }

    /// Gives every row without a tick the option it leaned to most.
    mutating func ensureNonEmpty(allowed: [Int]? = nil) {
        let candidates = (allowed ?? options).map(position(of:))
        for position in rows.indices where tickCount(at: position) == 0 {
            let best = candidates.max { key[$0][position] < key[$1][position] }!
            ticked[best][position] = true
        }
    }

    /// Flips the rows nearest the threshold until `option` has `target` ticks among `positions`.
    /// A row's last tick is never removed, unless `fallback` names options that may take its place
    /// (the one the row leans to most).
    mutating func adjust(_ option: Int, to target: Int, among positions: [Int], fallback: [Int] = [])
        throws(SyntheticDataError)
    {
        let wanted = target - count(option, among: positions)
        var moved = shift(option, by: wanted, among: positions)
        if moved != wanted && wanted < 0 && !fallback.isEmpty {
            moved += replace(option, count: moved - wanted, among: positions, with: fallback)
        }
        guard moved == wanted else {
            throw .inconsistentTargets(
                "option \(option) cannot reach \(target) ticks among \(positions.count) rows (\(wanted - moved) short)")
        }
    }

    /// Removes `option` from up to `count` rows where it is the only tick, ticking instead the
    /// fallback option the row leans to most; returns minus the number removed.
    private mutating func replace(_ option: Int, count: Int, among positions: [Int], with fallback: [Int]) -> Int {
        let line = self.position(of: option)
        let alternatives = fallback.map(self.position(of:))
        let candidates = positions.filter { ticked[line][$0] && tickCount(at: $0) == 1 }
        var keys = [Double](repeating: 0, count: candidates.count)
        for index in 0..<candidates.count { keys[index] = key[line][candidates[index]] }
        let order = Ordering.ascending(keys)
        let removed = min(count, candidates.count)
        for index in 0..<removed {
            let position = candidates[order[index]]
            let best = alternatives.max { key[$0][position] < key[$1][position] }!
            ticked[line][position] = false
            ticked[best][position] = true
        }
        return -removed
    }

    /// Adds (`delta` > 0) or removes ticks of `option` among `positions`, as many as possible up
    /// to `|delta|`, nearest the threshold first; returns how many it moved (signed).
    @discardableResult
    mutating func shift(_ option: Int, by delta: Int, among positions: [Int]) -> Int {
        let line = self.position(of: option)
        guard delta != 0 else { return 0 }
        var candidates: [Int] = []
        for position in positions where ticked[line][position] == (delta < 0) {
            if delta > 0 || tickCount(at: position) > 1 { candidates.append(position) }
        }
        var keys = [Double](repeating: 0, count: candidates.count)
        for index in 0..<candidates.count { keys[index] = key[line][candidates[index]] }
        // Adding: the highest keys first; removing: the lowest.
        let order = delta > 0 ? Ordering.descending(keys) : Ordering.ascending(keys)
        let moved = min(abs(delta), candidates.count)
        for index in 0..<moved { ticked[line][candidates[order[index]]] = delta > 0 }
        return delta > 0 ? moved : -moved
    }

    /// Adjusts `option` so that it has `target` ticks among `domain`, flipping only `adjustable`
    /// rows (a subset of the domain).
    mutating func adjust(
        _ option: Int, to target: Int, in domain: [Int], flipping adjustable: [Int], fallback: [Int] = []
    ) throws(SyntheticDataError) {
        let fixed = count(option, among: domain) - count(option, among: adjustable)
        try adjust(option, to: target - fixed, among: adjustable, fallback: fallback)
    }

    /// Writes the 0/1 items `<set>_<code>` for the rows in the base.
    func write(into rows: inout WaveRows, set name: String) {
        for (line, option) in options.enumerated() {
            let item = "\(name)_\(option)"
            var column = rows[item]
            for position in 0..<self.rows.count { column[self.rows[position]] = ticked[line][position] ? 1 : 0 }
            rows[item] = column
        }
    }
}
