/// SplitMix64: the one seeded generator of the tests, so that every random case (property tests,
/// random tables, answer sets, CSV files) is the same on every run, machine and Swift version;
/// the standard library's generator promises none of that. A failing case is reproduced from its
/// seed. The same algorithm as FornyeBarometer's `SeededRandom`, which makes the synthetic waves.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with the given probability.
    public mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    /// An index drawn with the given relative weights.
    public mutating func pick(_ weights: [Double]) -> Int {
        var draw = Double.random(in: 0..<weights.reduce(0, +), using: &self)
        for (index, weight) in weights.enumerated() {
            if draw < weight { return index }
            draw -= weight
        }
        return weights.count - 1
    }
}
