/// Exact counts for the answers of a single-choice question: each code in turn takes its count
/// from the rows still unassigned, drawn in proportion to a weight; the last code takes the rest.
enum CategoryAssignment {
    static func assign(
        _ pool: [Int], amounts: [Int: Amount], order: [Int], random: inout SeededRandom,
        weight: (Int, Int) -> Double
    ) -> [Int: Int] {
        var counts = amounts.mapValues { $0.resolved(in: pool.count) }
        let drawn = order.dropLast().reduce(0) { $0 + counts[$1, default: 0] }
        counts[order.last!] = pool.count - drawn
        var remaining = pool
        var result: [Int: Int] = [:]
        for code in order.dropLast() {
            let chosen = random.sample(min(counts[code, default: 0], remaining.count), of: remaining) {
                weight($0, code)
            }
            for row in chosen { result[row] = code }
            let taken = Set(chosen)
            remaining.removeAll { taken.contains($0) }
        }
        for row in remaining { result[row] = order.last! }
        return result
    }

    /// Shares rounded to counts by largest remainders, so that they add up to the pool.
    static func assign(
        _ pool: [Int], shares: [Int: Double], order: [Int], random: inout SeededRandom,
        weight: (Int, Int) -> Double
    ) -> [Int: Int] {
        let split = Apportionment.largestRemainder(pool.count, weights: order.map { shares[$0] ?? 0 })
        let amounts = Dictionary(uniqueKeysWithValues: zip(order, split.map { Amount.count($0) }))
        return assign(pool, amounts: amounts, order: order, random: &random, weight: weight)
    }
}
