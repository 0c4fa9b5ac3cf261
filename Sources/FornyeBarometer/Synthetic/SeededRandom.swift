import Foundation

/// SplitMix64: a small generator whose output depends only on the seed, so that a seed gives the
/// same synthetic wave on every run and Swift version (the standard library's generator promises
/// neither).
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// An independent stream for one stage of the generator, so that changing how one stage
    /// draws does not shift the numbers every later stage sees.
    init(seed: UInt64, stream: String) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in stream.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var mixer = SeededRandom(seed: seed ^ hash)
        state = mixer.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in (0, 1): never 0, so that its logarithm is finite.
    mutating func unit() -> Double { (Double(next() >> 11) + 0.5) * 0x1.0p-53 }

    /// A uniform double in [0, 1) from the top 53 bits (the benchmark surveys' draws; kept as they were).
    mutating func halfOpenUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform integer in `0..<bound`.
    mutating func index(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A standard normal draw (Box–Muller).
    mutating func normal() -> Double {
        let radius = (-2 * log(unit())).squareRoot()
        return radius * cos(2 * Double.pi * unit())
    }

    /// Fisher–Yates with this generator (the standard `shuffle(using:)` does not promise a
    /// fixed algorithm across versions).
    mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for index in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(index, self.index(below: index + 1))
        }
    }

    /// `count` distinct elements of `candidates`, drawn without replacement with probability
    /// proportional to `weight` (Efraimidis–Spirakis: the `count` largest keys `log(u) / w`), in
    /// candidate order.
    mutating func sample(_ count: Int, of candidates: [Int], weight: (Int) -> Double) -> [Int] {
        precondition(count <= candidates.count, "cannot draw \(count) of \(candidates.count)")
        guard count > 0 else { return [] }
        if count == candidates.count { return candidates }
        var keys = [Double](repeating: 0, count: candidates.count)
        for position in 0..<candidates.count {
            keys[position] = log(unit()) / max(weight(candidates[position]), 1e-9)
        }
        let threshold = Self.largest(count, of: keys)
        var ties = count
        for position in 0..<keys.count where keys[position] > threshold { ties -= 1 }
        var chosen: [Int] = []
        chosen.reserveCapacity(count)
        for position in 0..<keys.count {
            if keys[position] > threshold {
                chosen.append(candidates[position])
            } else if keys[position] == threshold && ties > 0 {
                chosen.append(candidates[position])
                ties -= 1
            }
        }
        return chosen
    }

    /// The `rank`-th largest value (1-based), by quickselect on a copy.
    private static func largest(_ rank: Int, of values: [Double]) -> Double {
        var values = values
        var low = 0
        var high = values.count - 1
        let target = values.count - rank
        while low < high {
            let pivot = values[(low + high) / 2]
            var i = low
            var j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if target <= j {
                high = j
            } else if target >= i {
                low = i
            } else {
                break
            }
        }
        return values[target]
    }
}
